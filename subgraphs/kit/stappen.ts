/**
 * The open step of a process record (a Wmo melding, a voorziening, a jeugdhulptraject): what the loket
 * must do next, since when, by when, and on which legal ground. Each loket's domain decides it after
 * every step (`openStap` in subgraphs/<loket>/domain/); the repository stores it in the record's own
 * columns, so that the household picture (as a signal) and the loket's work list (one statement per page)
 * read it without recomputing the process.
 */
import { boolean, date, text } from 'drizzle-orm/pg-core';
import type { Loket } from './domein';
import { dagenTussen } from './termijnen';

/** The kinds of open step, as the GraphQL enum `ProcesStap` (loket.graphql) names them. */
export const PROCES_STAPPEN = ['ONDERZOEK', 'BESCHIKKING', 'TOEWIJZING', 'LEVERING', 'VERZOEK_OM_TOEWIJZING', 'HERINDICATIE'] as const;
export type ProcesStap = (typeof PROCES_STAPPEN)[number];

export interface OpenStap {
  stap: ProcesStap;
  /** Since when the step is open. */
  sinds: string;
  /** By when it must be done: the legal term where a law sets one, else the day it is needed by; null: none. */
  uiterlijk: string | null;
  /** The provision the term comes from ("Wmo 2015 art. 2.3.2 lid 1"); null when it is not a legal term. */
  termijnBron: string | null;
}

/** The columns every process record keeps its open step in. */
export function openStapColumns() {
  return {
    stap: text('stap', { enum: PROCES_STAPPEN }),
    stapSinds: date('stap_sinds', { mode: 'string' }),
    stapUiterlijk: date('stap_uiterlijk', { mode: 'string' }),
    stapTermijnBron: text('stap_termijn_bron'),
    /** Who handles the step: the name of the employee who took the last one (or the dossier's contact). */
    behandelaar: text('behandelaar'),
  };
}

/** An open step as stored columns (null columns when the record has none). */
export function openStapRow(stap: OpenStap | null) {
  return { stap: stap?.stap ?? null, stapSinds: stap?.sinds ?? null, stapUiterlijk: stap?.uiterlijk ?? null, stapTermijnBron: stap?.termijnBron ?? null };
}

/** The stored columns of a record that has an open step. */
export interface OpenStapColumns {
  id: string;
  stap: ProcesStap | null;
  stapSinds: string | null;
  stapUiterlijk: string | null;
  stapTermijnBron: string | null;
  behandelaar: string | null;
}

/** The GraphQL `OpenStap` value of a stored record. */
export interface OpenStapValue extends OpenStap {
  id: string;
  loket: Loket;
  termijnVerstreken: boolean;
  /** Days left until `uiterlijk` (negative: overdue); null without a term. */
  dagenResterend: number | null;
  behandelaar: string | null;
}

/**
 * The open step of a record as of `vandaag`, or null. A step that opens in the future (a herindicatie eight
 * weeks before an einddatum) is not open yet.
 */
export function toOpenStap(row: OpenStapColumns, loket: Loket, vandaag: string): OpenStapValue | null {
  if (!row.stap || !row.stapSinds || row.stapSinds > vandaag) return null;
  return {
    id: row.id,
    loket,
    stap: row.stap,
    sinds: row.stapSinds,
    uiterlijk: row.stapUiterlijk,
    termijnBron: row.stapTermijnBron,
    termijnVerstreken: row.stapUiterlijk !== null && row.stapUiterlijk < vandaag,
    dagenResterend: row.stapUiterlijk === null ? null : dagenTussen(vandaag, row.stapUiterlijk),
    behandelaar: row.behandelaar,
  };
}

/** Open steps, most urgent first (earliest deadline; those without one last). */
export function byUrgency(a: OpenStapValue, b: OpenStapValue): number {
  return (a.uiterlijk ?? '9999') .localeCompare(b.uiterlijk ?? '9999') || a.sinds.localeCompare(b.sinds) || a.id.localeCompare(b.id);
}
