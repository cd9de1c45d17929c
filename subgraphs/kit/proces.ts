/**
 * A process step as a state machine: which steps a state allows, and where each leads. Each loket's
 * chain (subgraphs/<loket>/domain/) is one such table over plain values; resolvers ask it before they
 * write, and the repository stores what it decided. Pure, so every transition is a unit test.
 */
import { GraphQLError } from 'graphql';
import { ErrorCode } from './errors';

/** Per step: the states it may be taken from, and the state it leads to. */
export type Overgangen<S extends string, A extends string> = Record<A, { van: readonly S[]; naar: S }>;

export interface Proces<S extends string, A extends string> {
  /** The record the process runs on, for messages ("melding", "jeugdhulptraject"). */
  naam: string;
  statussen: readonly S[];
  overgangen: Overgangen<S, A>;
}

export function proces<S extends string, A extends string>(naam: string, statussen: readonly S[], overgangen: Overgangen<S, A>): Proces<S, A> {
  return { naam, statussen, overgangen };
}

/** Whether `stap` may be taken from `status`. */
export function magStap<S extends string, A extends string>(p: Proces<S, A>, status: S, stap: A): boolean {
  return p.overgangen[stap].van.includes(status);
}

/** The steps `status` allows, in the table's order: what a client can offer next. */
export function toegestaneStappen<S extends string, A extends string>(p: Proces<S, A>, status: S): A[] {
  return (Object.keys(p.overgangen) as A[]).filter((stap) => magStap(p, status, stap));
}

/** The error of a step the current state does not allow: `INVALID_TRANSITION`, naming the state and the step. */
export function invalidTransition(naam: string, status: string, stap: string, toegestaan: readonly string[], reden?: string): GraphQLError {
  const next = toegestaan.length ? `; from ${status} it allows ${toegestaan.join(', ')}` : `; ${status} is final`;
  return new GraphQLError(`The ${naam} is ${status}: ${stap} is not allowed${reden ? ` (${reden})` : next}`, {
    extensions: { code: ErrorCode.INVALID_TRANSITION, status, stap, toegestaan },
  });
}

/** The state after `stap`, or INVALID_TRANSITION. */
export function volgendeStatus<S extends string, A extends string>(p: Proces<S, A>, status: S, stap: A): S {
  if (!magStap(p, status, stap)) throw invalidTransition(p.naam, status, stap, toegestaneStappen(p, status));
  return p.overgangen[stap].naar;
}
