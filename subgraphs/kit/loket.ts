import type DataLoader from 'dataloader';
import { desc, isNotNull, relations, sql, type SQL } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
  type PgInsertValue,
  type PgSchema,
  type PgTable,
} from 'drizzle-orm/pg-core';
import type { GraphQLResolveInfo } from 'graphql';
import type { DemoContactmoment, DemoDossier, DemoHuishouden } from '../demo/types';
import { KANALEN, type Loket } from './domein';
import type { AccessControl, AccessRequest, CasusToegang } from './auth/access';
import type { GuardedContext } from './auth/request';
import type { Database } from './database';
import { amsterdamDate } from './dates';
import { alignByKey, loaderFamily } from './loaders';
import { anyKey, KEYS, preparedVariants } from './prepared';
import { Selection } from './selection';
import { byUrgency, type OpenStapValue } from './stappen';
import type { Clock } from './subgraph';

/**
 * What every loket subgraph has in common: a dossier per household it works with, contact moments on that
 * dossier, and the two views other subgraphs merge (its contact moments and its betrokkenheid). Tables are
 * made per loket schema by these factories, so each loket still owns its own tables and migrations.
 */

export function dossierTable(schema: PgSchema) {
  return schema.table(
    'dossier',
    {
      id: uuid('id').primaryKey(),
      huishoudenId: text('huishouden_id').notNull(),
      ...dossierAccessColumns(),
      geopendOp: date('geopend_op', { mode: 'string' }).notNull(),
      geslotenOp: date('gesloten_op', { mode: 'string' }),
      contactpersoonNaam: text('contactpersoon_naam').notNull(),
      contactpersoonTelefoon: text('contactpersoon_telefoon').notNull(),
    },
    // One file per household per loket; entity fetches look it up by household.
    (t) => [uniqueIndex('dossier_huishouden_idx').on(t.huishoudenId)],
  );
}

/**
 * What access decisions and the processing log need of every file on a household, in the same row: the
 * gemeente it belongs to (a Werkplein may serve several) and the BSNs of the residents it is about.
 */
export function dossierAccessColumns() {
  return {
    gemeenteCode: text('gemeente_code').notNull(),
    clienten: text('clienten').array().notNull(),
  };
}

/** The columns every record on a loket dossier starts with: its id, its dossier, and the resident it concerns. */
export function dossierRecordColumns(dossierId: () => AnyPgColumn) {
  return {
    id: uuid('id').primaryKey(),
    dossierId: uuid('dossier_id').notNull().references(dossierId),
    bsn: text('bsn').notNull(),
  };
}

/** The record side of "a dossier has many records"; drizzle needs it to join the records into a dossier query. */
export function belongsToDossier(
  table: PgTable & { dossierId: AnyPgColumn },
  dossier: PgTable & { id: AnyPgColumn },
) {
  return relations(table, ({ one }) => ({ dossier: one(dossier, { fields: [table.dossierId], references: [dossier.id] }) }));
}

export function contactmomentTable(schema: PgSchema, dossierId: () => AnyPgColumn) {
  return schema.table(
    'contactmoment',
    {
      id: uuid('id').primaryKey(),
      dossierId: uuid('dossier_id').notNull().references(dossierId),
      tijdstip: timestamp('tijdstip', { withTimezone: true, mode: 'string' }).notNull(),
      kanaal: text('kanaal', { enum: KANALEN }).notNull(),
      onderwerp: text('onderwerp').notNull(),
      notitie: text('notitie').notNull(),
      medewerker: text('medewerker').notNull(),
      bsn: text('bsn'),
      /** Set when a loket application registered it (the demo's have none): a retry stores nothing twice. */
      idempotencyKey: text('idempotency_key'),
      aangemaaktDoor: text('aangemaakt_door_sub'),
      invoerHash: text('invoer_hash'),
    },
    (t) => [index('contactmoment_dossier_tijdstip_idx').on(t.dossierId, t.tijdstip), uniqueIndex('contactmoment_idempotency_idx').on(t.idempotencyKey)],
  );
}

/**
 * What every record a loket application writes carries: the client's idempotency key of the create (none
 * on the demo's rows), the token subject that created it (a key is honoured only for the one who made it,
 * so no one reads another's record by guessing a key), and the version an update must name.
 */
export function writeColumns() {
  return {
    idempotencyKey: text('idempotency_key'),
    aangemaaktDoor: text('aangemaakt_door_sub'),
    /** A fingerprint of the create's input: a retry with the same key must send the same. */
    invoerHash: text('invoer_hash'),
    version: integer('version').notNull().default(1),
  };
}

export interface DossierRow {
  id: string;
  huishoudenId: string;
  gemeenteCode: string;
  clienten: string[];
  geopendOp: string;
  geslotenOp: string | null;
  contactpersoonNaam: string;
  contactpersoonTelefoon: string;
}

export interface ContactmomentRow {
  id: string;
  tijdstip: string;
  kanaal: (typeof KANALEN)[number];
  onderwerp: string;
  notitie: string;
  medewerker: string;
}

/** The GraphQL `Contactmoment` value, as every loket returns it and the wijkteam merges it. */
export interface ContactmomentValue {
  id: string;
  tijdstip: string;
  loket: Loket;
  kanaal: string;
  onderwerp: string | null;
  notitie: string | null;
  medewerker: string | null;
  /** Why the content is withheld (an error code), or null. */
  afgeschermd: string | null;
}

/**
 * A contact moment as GraphQL value. With `afgeschermd` (the refusal's error code) only the SIGNAAL part
 * is there: subject, notes and employee are null, and the code says why.
 */
export function toContactmoment(row: ContactmomentRow, loket: Loket, afgeschermd: string | null = null): ContactmomentValue {
  const inhoud = afgeschermd === null;
  return {
    id: row.id,
    // Drivers disagree on the text form of timestamptz (json vs. wire); one ISO form for everyone.
    tijdstip: new Date(row.tijdstip).toISOString(),
    loket,
    kanaal: row.kanaal,
    onderwerp: inhoud ? row.onderwerp : null,
    notitie: inhoud ? row.notitie : null,
    medewerker: inhoud ? row.medewerker : null,
    afgeschermd,
  };
}

export function toBetrokkenheid(
  dossier: { geopendOp: string; geslotenOp: string | null; contactpersoonNaam: string; contactpersoonTelefoon: string },
  loket: Loket,
  openStappen: readonly OpenStapValue[] = [],
) {
  return {
    loket,
    sinds: dossier.geopendOp,
    status: dossier.geslotenOp ? 'GESLOTEN' : 'OPEN',
    contactpersoon: { naam: dossier.contactpersoonNaam, telefoon: dossier.contactpersoonTelefoon },
    openStappen: [...openStappen].sort(byUrgency),
  };
}

/** `ACTIEF`, `GEPLAND` or `BEEINDIGD` of something that runs from `start` to `eind` (dates, inclusive). */
export function looptijdStatus(start: string, eind: string | null, today: string): 'ACTIEF' | 'GEPLAND' | 'BEEINDIGD' {
  if (start > today) return 'GEPLAND';
  return eind !== null && eind < today ? 'BEEINDIGD' : 'ACTIEF';
}

export function dossierRow(part: LoketPart): DossierRow {
  const { dossier } = part;
  return {
    id: dossier.id,
    huishoudenId: part.huishoudenId,
    gemeenteCode: part.gemeenteCode,
    clienten: [...part.clienten],
    geopendOp: dossier.geopendOp,
    geslotenOp: dossier.geslotenOp,
    contactpersoonNaam: dossier.contactpersoon.naam,
    contactpersoonTelefoon: dossier.contactpersoon.telefoon,
  };
}

export function contactmomentRows(dossierId: string, contactmomenten: readonly DemoContactmoment[]) {
  return contactmomenten.map((c) => ({ ...c, dossierId }));
}

/** One multi-row insert; nothing at all for no rows (an empty VALUES list is a syntax error). */
export async function insertAll<S extends Record<string, unknown>, T extends PgTable>(
  db: Database<S>,
  table: T,
  rows: PgInsertValue<T>[],
): Promise<void> {
  if (rows.length) await db.insert(table).values(rows);
}

/** A loket's part of one demo household: its dossier and the records hanging off it. */
export interface LoketPart {
  huishoudenId: string;
  gemeenteCode: string;
  /** The residents the file is about: everyone named in its records, else the whole household. */
  clienten: readonly string[];
  dossier: DemoDossier;
  contactmomenten: readonly DemoContactmoment[];
}

/** The parts of `households` that `pick` finds a loket's file in, with household, gemeente and clients. */
export function loketParts<P extends { dossier: DemoDossier; contactmomenten: readonly DemoContactmoment[] }>(
  households: readonly DemoHuishouden[],
  pick: (h: DemoHuishouden) => P | null,
): (P & LoketPart)[] {
  return households.flatMap((h) => {
    const part = pick(h);
    return part ? [{ ...part, huishoudenId: h.id, gemeenteCode: h.gemeenteCode, clienten: clientenOf(h, part) }] : [];
  });
}

function clientenOf(h: DemoHuishouden, part: object): string[] {
  const bsns = new Set<string>();
  for (const value of Object.values(part)) {
    if (!Array.isArray(value)) continue;
    for (const item of value as { bsn?: unknown }[]) if (typeof item.bsn === 'string') bsns.add(item.bsn);
  }
  return bsns.size ? [...bsns] : h.leden.map((p) => p.bsn);
}

/**
 * Writes the dossiers and contact moments of the households a loket is involved with; the loket then adds
 * its own records with `recordRows`.
 */
export async function seedDossiers<S extends Record<string, unknown>>(
  db: Database<S>,
  tables: { dossier: ReturnType<typeof dossierTable>; contactmoment: ReturnType<typeof contactmomentTable> },
  parts: readonly LoketPart[],
): Promise<void> {
  await insertAll(db, tables.dossier, parts.map(dossierRow));
  await insertAll(db, tables.contactmoment, parts.flatMap((p) => contactmomentRows(p.dossier.id, p.contactmomenten)));
}

/** Rows for one kind of record of every involved household, each tied to its household's dossier. */
export function recordRows<P extends LoketPart, R>(parts: readonly P[], records: (part: P) => readonly R[]) {
  return parts.flatMap((part) => records(part).map((record) => ({ ...record, dossierId: part.dossier.id })));
}

/** What `dossierReads` needs of a loket's database: drizzle's relational query on its `dossier` table. */
interface DossierQueries {
  query: {
    dossier: {
      findMany(config: { where: (dossier: { huishoudenId: unknown }) => SQL; with: Record<string, unknown> }): {
        prepare(name: string): { execute(params: Record<string, unknown>): Promise<unknown> };
      };
    };
  };
}

/** How a relation of the dossier read is ordered (newest first by this column), and what it brings along. */
export type DossierRelation = AnyPgColumn | { newestFirst: AnyPgColumn; with: Record<string, unknown> };

/**
 * The part that asks for the open steps only (the betrokkenheid's signal): of each process relation just
 * the records with an open step, and of those just the step's columns (kit/stappen.ts). The household
 * picture and a page of households ask for it on every fetch, so it must not cost the records' content.
 */
export const STAPPEN = 'stappen';
const STAP_KOLOMMEN = { id: true, stap: true, stapSinds: true, stapUiterlijk: true, stapTermijnBron: true, behandelaar: true } as const;

/**
 * A loket's one read of its files: the dossiers of some households, with the records a fetch asked for,
 * each list newest first (by the column `relations` names per relation), and with `STAPPEN` the open steps
 * of the `stapRelations` not asked for in full. One prepared statement per set of parts (kit/prepared.ts),
 * the households as one array parameter: one SQL statement per fetch.
 */
export function dossierReads<R extends { huishoudenId: string }, P extends string>(
  name: string,
  relations: Record<Exclude<P, typeof STAPPEN>, DossierRelation>,
  stapRelations: readonly Exclude<P, typeof STAPPEN>[] = [],
) {
  const query = preparedVariants(name, (db: DossierQueries, parts: ReadonlySet<P>, statementName) => {
    const full = [...parts].filter((part): part is Exclude<P, typeof STAPPEN> => part !== STAPPEN);
    const alleenStappen = parts.has(STAPPEN as P) ? stapRelations.filter((r) => !parts.has(r)) : [];
    return db.query.dossier
      .findMany({
        where: (dossier) => anyKey(dossier.huishoudenId),
        with: Object.fromEntries([
          ...full.map((part) => {
            const r = relations[part];
            return [part, 'newestFirst' in r ? { orderBy: [desc(r.newestFirst)], with: r.with } : { orderBy: [desc(r)] }];
          }),
          ...alleenStappen.map((part) => [part, { columns: STAP_KOLOMMEN, where: (record: { stap: AnyPgColumn }) => isNotNull(record.stap) }]),
        ]),
      })
      .prepare(statementName);
  });
  return async (db: DossierQueries, huishoudenIds: readonly string[], parts: ReadonlySet<P>): Promise<R[]> =>
    (await query(db, parts).execute({ [KEYS]: [...huishoudenIds] })) as R[];
}

/**
 * The loket's file on a household for a write: opened when there is none, reopened when it was closed,
 * and with the resident added to the residents it is about (whose processing log then shows the loket).
 * One statement; inside the write's transaction.
 */
export async function openDossierFor(
  tx: Database<Record<string, unknown>>,
  table: ReturnType<typeof dossierTable>,
  d: { huishoudenId: string; gemeenteCode: string; bsn: string; contactpersoon: { naam: string; telefoon: string }; vandaag: string },
): Promise<DossierRow> {
  const [row] = await tx
    .insert(table)
    .values({
      id: crypto.randomUUID(),
      huishoudenId: d.huishoudenId,
      gemeenteCode: d.gemeenteCode,
      clienten: [d.bsn],
      geopendOp: d.vandaag,
      contactpersoonNaam: d.contactpersoon.naam,
      contactpersoonTelefoon: d.contactpersoon.telefoon,
    })
    .onConflictDoUpdate({
      target: table.huishoudenId,
      set: { clienten: sql`array(select distinct unnest(${table}.clienten || excluded.clienten))`, geslotenOp: null },
    })
    .returning();
  return row!;
}

/** The per-request context every loket subgraph has: the clock, the caller's access and its dossier loader. */
export interface LoketContext<D, P extends string> extends GuardedContext {
  clock: Clock;
  dossiers(parts: Iterable<P>): DataLoader<string, D | undefined>;
}

export function createLoketContext<D extends { huishoudenId: string }, P extends string>(
  deps: { clock: Clock; access: AccessControl },
  load: (huishoudenIds: readonly string[], parts: ReadonlySet<P>) => Promise<D[]>,
): LoketContext<D, P> {
  return {
    ...deps,
    dossiers: loaderFamily(async (ids: readonly string[], parts: ReadonlySet<P>) =>
      alignByKey(ids, await load(ids, parts), (row) => row.huishoudenId),
    ),
  };
}

/** A loket's view of one household: its dossier (with the relations the fetch asked for), if it has one. */
export interface LoketHuishouden<D> {
  id: string;
  dossier: D | undefined;
  /** The wijkteam's answer about the caller's casus membership and Grondslagen. */
  toegang: CasusToegang | null;
}

/** The access request for a loket's file on a household, at `niveau`. */
function dossierAccess(loket: Loket, h: LoketHuishouden<DossierRow>, niveau: 'SIGNAAL' | 'INHOUD'): AccessRequest {
  return { domein: loket, niveau, gemeente: h.dossier?.gemeenteCode, bsns: h.dossier?.clienten ?? [], toegang: h.toegang };
}

/**
 * The resolvers by which a loket extends `Huishouden`: `<field>` (its own dossier, the content),
 * `<field>Contactmomenten` and `<field>Betrokkenheid` (the inaccessible views that the wijkteam subgraph
 * merges into one list). `partsFor` says which dossier relations a selection needs, so that the whole
 * `_entities` fetch costs one SQL statement.
 */
export function loketHuishoudenResolvers<
  D extends DossierRow & { contactmomenten?: ContactmomentRow[] },
  P extends string,
  C extends GuardedContext & { clock: Clock; dossiers(parts: Iterable<P | 'contactmomenten'>): DataLoader<string, D | undefined> },
>(options: {
  loket: Loket;
  field: string;
  dossierType: string;
  partsFor(dossier: Selection): P[];
  /** The records whose open steps the betrokkenheid shows, loaded with it in the same statement (`STAPPEN`). */
  stapParts?: P[];
  openStappen?(dossier: D, vandaag: string): OpenStapValue[];
}) {
  const { loket, field } = options;
  return {
    async __resolveReference(
      ref: { id: string },
      ctx: C,
      info: GraphQLResolveInfo,
    ): Promise<LoketHuishouden<D>> {
      const selection = Selection.of(info, 'Huishouden');
      const parts: (P | 'contactmomenten')[] = selection.has(field) ? options.partsFor(selection.child(field, options.dossierType)) : [];
      if (selection.has(`${field}Contactmomenten`)) parts.push('contactmomenten');
      if (selection.has(`${field}Betrokkenheid`)) parts.push(...(options.stapParts ?? []));
      return { id: ref.id, dossier: await ctx.dossiers(parts).load(ref.id), toegang: ctx.access.casusToegang(ref.id) };
    },
    // The file's content: INHOUD. Refused, it is null with the coded error; the rest of the picture stays.
    // No file: null for whoever may know whether the loket is involved (SIGNAAL), an error for anyone else.
    [field]: (h: LoketHuishouden<D>, _args: unknown, ctx: C) => {
      ctx.access.require(dossierAccess(loket, h, h.dossier ? 'INHOUD' : 'SIGNAAL'));
      return h.dossier ?? null;
    },
    // Time, loket and channel are SIGNAAL; subject, notes and employee only with INHOUD, else withheld.
    [`${field}Contactmomenten`]: async (h: LoketHuishouden<D>, _args: unknown, ctx: C) => {
      if (!h.dossier) return []; // no file, no contact moments: nothing to load
      if (!ctx.access.check(dossierAccess(loket, h, 'SIGNAAL')).allowed) return [];
      const inhoud = ctx.access.check(dossierAccess(loket, h, 'INHOUD'), { logRefusal: false });
      const afgeschermd = inhoud.allowed ? null : inhoud.code;
      const rows = h.dossier.contactmomenten ?? (await ctx.dossiers(['contactmomenten']).load(h.id))?.contactmomenten ?? [];
      return rows.map((row) => toContactmoment(row, loket, afgeschermd));
    },
    [`${field}Betrokkenheid`]: (h: LoketHuishouden<D>, _args: unknown, ctx: C) => {
      if (!h.dossier || !ctx.access.check(dossierAccess(loket, h, 'SIGNAAL')).allowed) return null;
      // A step nobody has taken up yet is the file's contact person's.
      const stappen = (options.openStappen?.(h.dossier, amsterdamDate(ctx.clock.now())) ?? []).map((s) => ({ ...s, behandelaar: s.behandelaar ?? h.dossier!.contactpersoonNaam }));
      return toBetrokkenheid(h.dossier, loket, stappen);
    },
  };
}

export function contactpersoon(dossier: DossierRow) {
  return { naam: dossier.contactpersoonNaam, telefoon: dossier.contactpersoonTelefoon };
}
