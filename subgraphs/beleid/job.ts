/**
 * Computing one gemeente's table of one period (docs/beleid.md): the transcryptor collects the sources'
 * pseudonyms and the lokets' own figures, this service opens the pseudonyms with its key, joins them in
 * memory, and publishes the rounded table. The pseudonyms are gone when the function returns.
 */
import { GraphQLError } from 'graphql';
import { signedHeaders } from '../kit/auth/gateway-credential';
import { ErrorCode } from '../kit/errors';
import { postJson } from '../kit/http-client';
import { logger } from '../kit/logger';
import { BELEID_BRONNEN_ROUTE, type BeleidBronnen } from '../kit/statistiek';
import type { Peers } from '../kit/subgraph';
import type { Periode } from './periode';
import { publiceerGebied, publiceerLoketten } from './publicatie';
import { computeStapeling, type GebiedTelling } from './stapeling';

/** The stored table: the counts before rounding, and what is served. */
export interface Berekening {
  ruw: { stapeling: GebiedTelling[]; loketten: BeleidBronnen['cijfers'] };
  gepubliceerd: ReturnType<typeof publiceer>;
  /** Milliseconds per step (the sources' export, the transcryption, the join), for the benchmark and the log. */
  tijden: { export: number; transcrypt: number; koppeling: number };
}

function publiceer(stapeling: GebiedTelling[], loketten: BeleidBronnen['cijfers']) {
  return { stapeling: stapeling.map(publiceerGebied), ...publiceerLoketten(loketten) };
}

/** Whoever asked first: the transcryptor and every source check and log that caller again. */
export interface Vrager {
  authorization: string;
  purpose: string;
  traceId: string;
}

/** A table of a large gemeente takes half a minute on a small machine (BENCHMARKS.md), more for a larger one; the question does not wait for it. */
const BRONNEN_TIMEOUT_MS = 1_800_000;

async function bronnen(peers: Peers, vrager: Vrager, gemeente: string, periode: Periode): Promise<BeleidBronnen> {
  const body = { gemeente, periode: periode.code, van: periode.van, tot: periode.tot };
  const headers = signedHeaders(peers.gatewaySecret, { ...vrager, query: BELEID_BRONNEN_ROUTE, variables: body });
  const answer = await postJson(new URL(`.${BELEID_BRONNEN_ROUTE}`, peers.gatewayUrl()), headers, JSON.stringify(body), { timeoutMs: BRONNEN_TIMEOUT_MS, retryReset: true }).catch(() => {
    throw new GraphQLError('The transcryptor (gateway) is unavailable, so the figures cannot be computed now', { extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, service: 'gateway' } });
  });
  const parsed = JSON.parse(answer.body) as BeleidBronnen & { errors?: { message: string; extensions?: { code?: string } }[] };
  if (answer.status !== 200) {
    const first = parsed.errors?.[0];
    throw new GraphQLError(first?.message ?? `The transcryptor answered HTTP ${answer.status}`, { extensions: { code: first?.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR } });
  }
  return parsed;
}

export async function bereken(peers: Peers, beleidKey: bigint, vrager: Vrager, gemeente: string, periode: Periode): Promise<Berekening> {
  const bron = await bronnen(peers, vrager, gemeente, periode);
  const opgehaald = performance.now();
  const stapeling = await computeStapeling(bron, beleidKey, bron.gemeente);
  const tijden = { ...bron.tijden, koppeling: Math.round(performance.now() - opgehaald) };
  logger.info({ gemeente, periode: periode.code, ...tijden }, 'beleid: table computed');
  return { ruw: { stapeling, loketten: bron.cijfers }, gepubliceerd: publiceer(stapeling, bron.cijfers), tijden };
}
