/**
 * A loket's work list (`wmoWerkvoorraad`, `cjgWerkvoorraad`): the open steps of its records in the
 * caller's gemeenten, most urgent first, one page per SQL statement. Each record keeps its open step in
 * its own columns (kit/stappen.ts), so the page is one UNION ALL over the loket's process tables, ordered
 * and cut in the database.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { refusalError, type AccessControl } from './auth/access';
import { decodeCursor, encodeCursor, requirePageSize } from './cursor';
import { selectRows, type Database } from './database';
import type { Loket } from './domein';
import { badUserInput } from './errors';
import { PROCES_STAPPEN, toOpenStap, type OpenStapColumns, type ProcesStap } from './stappen';

/** One process table of a loket, and how to say in a few words what a row is about. */
export interface WerkvoorraadBron {
  table: PgTable & { id: AnyPgColumn; dossierId: AnyPgColumn; bsn: AnyPgColumn; stap: AnyPgColumn; stapSinds: AnyPgColumn; stapUiterlijk: AnyPgColumn; stapTermijnBron: AnyPgColumn; behandelaar: AnyPgColumn };
  /** The text the row is about, as SQL over the table's columns. */
  onderwerp: SQL;
  /** Turns that text into what a person reads (a product code into its name); as is when absent. */
  leesbaar?: (onderwerp: string) => string;
}

export interface WerkvoorraadFilter {
  stappen?: readonly ProcesStap[] | null;
  verlopen?: boolean | null;
  gemeente?: string | null;
}

interface Rij extends OpenStapColumns {
  bron: number;
  bsn: string;
  huishoudenId: string;
  gemeenteCode: string;
  onderwerp: string;
}

const MAX_PAGE = 100;
/** Steps without a date sort last. */
const ZONDER_DATUM = '9999-12-31';

function parseCursor(after: string): [string, string, string] {
  const parts = decodeCursor(after).split('|');
  if (parts.length !== 3 || !parts.every((p) => /^[0-9a-f-]{1,36}$/.test(p))) throw badUserInput('"after" is not a cursor from this API', 'after');
  return parts as [string, string, string];
}

/**
 * One page of the work list. Only the loket's own staff read it (content, INHOUD), and every resident on
 * the page is logged as read.
 */
export async function werkvoorraad(
  db: Database<Record<string, unknown>>,
  access: AccessControl,
  w: {
    loket: Loket;
    dossier: PgTable & { id: AnyPgColumn; huishoudenId: AnyPgColumn; gemeenteCode: AnyPgColumn; contactpersoonNaam: AnyPgColumn };
    bronnen: readonly WerkvoorraadBron[];
    vandaag: string;
  },
  args: { filter?: WerkvoorraadFilter | null; first: number; after?: string | null },
) {
  const limit = requirePageSize(args.first, MAX_PAGE);
  const filter = args.filter ?? {};
  // Role and purpose first, before any query: a refused caller costs nothing and learns nothing.
  const toegang = access.check({ domein: w.loket, niveau: 'INHOUD', gemeente: undefined, bsns: [] });
  if (!toegang.allowed) throw refusalError(toegang);
  const gemeenten = filter.gemeente ? [filter.gemeente] : [...access.actor.gemeenten];
  if (filter.gemeente && !access.actor.gemeenten.includes(filter.gemeente)) throw badUserInput('"filter.gemeente" is not one of your gemeenten', 'filter.gemeente');
  if (filter.stappen?.some((s) => !PROCES_STAPPEN.includes(s))) throw badUserInput('"filter.stappen" holds an unknown step', 'filter.stappen');
  const after = args.after ? parseCursor(args.after) : null;
  const union = sql.join(
    w.bronnen.map(
      (b, i) => sql`select ${i}::int as bron, ${b.table.id}::text as id, ${b.table.stap} as stap, ${b.table.stapSinds}::text as "stapSinds",
        ${b.table.stapUiterlijk}::text as "stapUiterlijk", ${b.table.stapTermijnBron} as "stapTermijnBron", coalesce(${b.table.behandelaar}, ${w.dossier.contactpersoonNaam}) as behandelaar,
        ${b.table.bsn} as bsn, ${w.dossier.huishoudenId} as "huishoudenId", ${w.dossier.gemeenteCode} as "gemeenteCode", ${b.onderwerp} as onderwerp
        from ${b.table} join ${w.dossier} on ${w.dossier.id} = ${b.table.dossierId}
        where ${b.table.stap} is not null and ${b.table.stapSinds} <= ${w.vandaag} and ${w.dossier.gemeenteCode} = any(${sql.param(gemeenten)})`,
    ),
    sql` union all `,
  );
  const sortKey = sql`coalesce("stapUiterlijk", ${ZONDER_DATUM})`;
  const conditions: SQL[] = [sql`true`];
  if (filter.stappen?.length) conditions.push(sql`stap = any(${sql.param([...filter.stappen])})`);
  if (filter.verlopen === true) conditions.push(sql`"stapUiterlijk" < ${w.vandaag}`);
  if (filter.verlopen === false) conditions.push(sql`("stapUiterlijk" is null or "stapUiterlijk" >= ${w.vandaag})`);
  if (after) conditions.push(sql`(${sortKey}, "stapSinds", id) > (${after[0]}, ${after[1]}, ${after[2]})`);
  const rows = await selectRows<Rij>(db, sql`select * from (${union}) as stap where ${sql.join(conditions, sql` and `)} order by ${sortKey}, "stapSinds", id limit ${limit + 1}`);
  const page = rows.slice(0, limit);
  // Each resident on the page is read: one decision per row (all the caller's gemeenten), each logged.
  for (const row of page) access.require({ domein: w.loket, niveau: 'INHOUD', gemeente: row.gemeenteCode, bsns: [row.bsn] });
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      stap: toOpenStap(row, w.loket, w.vandaag)!,
      huishouden: { id: row.huishoudenId },
      client: { bsn: row.bsn },
      onderwerp: w.bronnen[row.bron]!.leesbaar?.(row.onderwerp) ?? row.onderwerp,
    })),
    hasNextPage: rows.length > limit,
    endCursor: last ? encodeCursor(`${last.stapUiterlijk ?? ZONDER_DATUM}|${last.stapSinds}|${last.id}`) : null,
  };
}
