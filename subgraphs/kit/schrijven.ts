/**
 * What every loket write has in common (DESIGN.md "Writes"): who may write, idempotent creates, updates
 * that name the version they saw, the dossier a first write opens, and one transaction for the write and
 * its processing-log entry. Each loket's mutations (subgraphs/<loket>/resolvers/Mutation.ts) are a few
 * lines on top of this and of their own domain.
 */
import { createHash } from 'node:crypto';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { refusalError, type AccessControl } from './auth/access';
import type { GuardedContext } from './auth/request';
import { EIGEN_DOMEIN } from './auth/roles';
import { vraagBewoning } from './bewoning';
import { isValidBsn } from './bsn';
import type { Database } from './database';
import { amsterdamDate } from './dates';
import { KANALEN, LOKET_NAMEN, type Loket } from './domein';
import { badUserInput, ErrorCode, notFound, parseInput } from './errors';
import { openDossierFor, toContactmoment, type ContactmomentRow, type ContactmomentValue, type contactmomentTable, type dossierTable } from './loket';
import type { Clock, Peers } from './subgraph';

/** `Date` arguments arrive as JS Dates at midnight UTC: the calendar date is the ISO date part. */
export const calendarDate = z.date().transform((d) => d.toISOString().slice(0, 10));
export const idempotencyKey = z.string().trim().min(8, 'use a UUID or another key of at least 8 characters').max(100);
export const versie = z.number().int().min(1);
export const tekst = (min: number, max: number) => z.string().trim().min(min, `give at least ${min} characters`).max(max);

/** Today in Amsterdam, by the service's clock. */
export const vandaag = (clock: Clock) => amsterdamDate(clock.now());

/** A date the caller gives for something that happened: not in the future. */
export function notAfterToday(datum: string, today: string, field: string): string {
  if (datum > today) throw badUserInput(`"${field}" lies in the future`, field);
  return datum;
}

/** A moment the caller gives for something that happened: not in the future (a minute's grace for clock skew). */
export function notInFuture(tijdstip: Date, clock: Clock, field = 'tijdstip'): Date {
  if (tijdstip.getTime() > clock.now().getTime() + 60_000) throw badUserInput(`"${field}" lies in the future`, field);
  return tijdstip;
}

/** A date that must not come before an earlier step of the same record. */
export function notBefore(datum: string, earlier: string | null | undefined, field: string, what: string): string {
  if (earlier && datum < earlier) throw badUserInput(`"${field}" must not come before ${what} (${earlier})`, field);
  return datum;
}

export interface LoketWrite {
  loket: Loket;
  /** The mutation: the caller's purpose must cover it (`schrijven` in the register). */
  actie: string;
  /** The gemeente the record belongs to, and the residents it is about. */
  gemeente: string;
  bsns: readonly string[];
  /** The KCC may register this for the loket and hand it over (a melding, a contact moment). */
  overdracht?: boolean;
}

/**
 * Only the loket's own staff write its records, at level INHOUD; the KCC hands a melding or contact moment
 * over at level SIGNAAL (it never reads content). Decided and logged once, as a write; refused, it throws
 * the refusal, and a record of a gemeente the caller does not work for is NOT_FOUND, like one that does not
 * exist. Returns whether the caller is the loket's own staff (so sees the content of what it wrote).
 */
export function requireLoketWrite(access: AccessControl, w: LoketWrite): boolean {
  const eigen = EIGEN_DOMEIN[access.actor.rol] === w.loket;
  const overdracht = Boolean(w.overdracht) && access.actor.rol === 'kcc-medewerker';
  const decision = access.check({
    domein: w.loket,
    niveau: eigen ? 'INHOUD' : 'SIGNAAL',
    handeling: 'SCHRIJVEN',
    actie: w.actie,
    gemeente: w.gemeente,
    bsns: w.bsns,
    voorwaarde: {
      voldaan: eigen || overdracht,
      weigering: `Only the ${w.loket} staff write its records${w.overdracht ? '; the KCC may hand this over for them' : ''}`,
    },
  });
  if (!decision.allowed) throw decision.buitenGemeente ? notFound('No such record in your gemeenten') : refusalError(decision);
  return eigen;
}

/** The error of an update that named a version that is no longer current. */
export function versionConflict(what: string, version: number, current: number): GraphQLError {
  return new GraphQLError(`Version ${version} of this ${what} is not current (it is at ${current}): reload it and try again`, {
    extensions: { code: ErrorCode.VERSION_CONFLICT, current },
  });
}

/** Checks the version an update named against the stored one: first, before the state (DESIGN.md). */
export function requireVersion(what: string, row: { version: number }, version: number): void {
  if (row.version !== version) throw versionConflict(what, version, row.version);
}

/** A fingerprint of a create's input (without its key): a retry must send the same. */
export function invoerHash(input: object): string {
  const { idempotencyKey: _key, ...rest } = input as Record<string, unknown>;
  return createHash('sha256').update(JSON.stringify(rest, (_k, v: unknown) => (v instanceof Date ? v.toISOString() : v))).digest('base64url');
}

type IdempotentTable = PgTable & { idempotencyKey: AnyPgColumn; aangemaaktDoor: AnyPgColumn; invoerHash: AnyPgColumn };

/**
 * Inserts `row` unless its idempotency key is known. A retry by the same caller with the same input gets
 * the stored row back and stores nothing; the same key with other input, or another caller's key, is
 * BAD_USER_INPUT (which tells nothing about the other record).
 */
export async function insertIdempotent<T extends IdempotentTable, R extends { aangemaaktDoor: string | null; invoerHash: string | null }>(
  tx: Database<Record<string, unknown>>,
  table: T,
  row: T['$inferInsert'] & { idempotencyKey: string; aangemaaktDoor: string; invoerHash: string },
): Promise<{ row: R; created: boolean }> {
  const hash = row.invoerHash;
  const [created] = (await tx.insert(table).values(row).onConflictDoNothing({ target: table.idempotencyKey }).returning()) as R[];
  if (created) return { row: created, created: true };
  const [existing] = (await tx.select().from(table as PgTable).where(eq(table.idempotencyKey, row.idempotencyKey))) as R[];
  return { row: requireSameRequest(existing, row.aangemaaktDoor, hash), created: false };
}

/**
 * The record a known idempotency key stored, when this is a retry of that request: by the same caller, with
 * the same input. Anything else is BAD_USER_INPUT, which says nothing about the other record.
 */
export function requireSameRequest<R extends { aangemaaktDoor: string | null; invoerHash: string | null }>(existing: R | undefined, sub: string, hash: string): R {
  if (!existing || existing.aangemaaktDoor !== sub || existing.invoerHash !== hash) {
    throw badUserInput('This idempotencyKey was already used for a different request: make a new key for a new request', 'idempotencyKey');
  }
  return existing;
}

type VersionedTable = PgTable & { id: AnyPgColumn; version: AnyPgColumn };
/** An update's new values: each a value, or SQL the database computes (a sequence's next number). */
export type Changes<T extends PgTable> = { [K in keyof T['$inferInsert']]?: T['$inferInsert'][K] | SQL };

/** Updates a record when `version` is still current, raising its version; VERSION_CONFLICT when another change came first. */
export async function updateVersioned<T extends VersionedTable, R extends { version: number }>(
  tx: Database<Record<string, unknown>>,
  table: T,
  id: string,
  version: number,
  what: string,
  changes: Changes<T>,
): Promise<R> {
  const [row] = (await tx
    .update(table)
    .set({ ...changes, version: sql`${table.version} + 1` } as never)
    .where(and(eq(table.id, id), eq(table.version, version)) as SQL)
    .returning()) as R[];
  if (!row) throw versionConflict(what, version, version + 1);
  return row;
}

/** The write and its processing-log entries in one transaction: both are stored, or neither. */
export async function inTransaction<T>(db: Database<Record<string, unknown>>, access: AccessControl, write: (tx: Database<Record<string, unknown>>) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const result = await write(tx as Database<Record<string, unknown>>);
    await access.log.flush(tx as Database<Record<string, unknown>>);
    return result;
  });
}

/** A record's id argument that is no UUID is a record that does not exist, not a server error. */
export function requireId(id: string, what: string): string {
  if (!z.uuid().safeParse(id).success) throw notFound(`No such ${what}`);
  return id;
}

/**
 * The gemeente's number for the lokets (`LOKET_TELEFOON`, default the demo gemeente's 14 0999: "14" and the
 * area code, as Dutch gemeenten have it): the phone of a file's contact until a consulent takes it on.
 */
export function loketTelefoon(env: NodeJS.ProcessEnv = process.env): string {
  return env.LOKET_TELEFOON?.trim() || '14 0999';
}

/** Who a new file's contact is: the consulent who opened it, or the loket itself when the KCC did. */
export function nieuweContactpersoon(access: AccessControl, loket: Loket, eigen: boolean) {
  return { naam: eigen ? access.actor.naam : LOKET_NAMEN[loket], telefoon: loketTelefoon() };
}

export const registerContactmomentInput = z.object({
  idempotencyKey,
  bsn: z.string().refine(isValidBsn, 'must be a BSN: 9 digits that pass the 11-proef'),
  tijdstip: z.date(),
  kanaal: z.enum(KANALEN),
  onderwerp: tekst(2, 200),
  notitie: tekst(2, 4000),
});

/**
 * `register<Loket>Contactmoment`, the same for every loket: the brp says where the resident lives, the
 * loket's file on that household is opened if needed, and the contact moment is stored with the write's
 * log entry. The KCC may register one on the loket's behalf and gets only the signal part back.
 */
export async function registerContactmoment(
  ctx: GuardedContext & { db: Database<Record<string, unknown>>; clock: Clock; peers: Peers },
  loket: Loket,
  tables: { dossier: ReturnType<typeof dossierTable>; contactmoment: ReturnType<typeof contactmomentTable> },
  rawInput: unknown,
): Promise<ContactmomentValue> {
  const input = parseInput(registerContactmomentInput, rawInput);
  const today = vandaag(ctx.clock);
  notInFuture(input.tijdstip, ctx.clock);
  const bewoning = await vraagBewoning(ctx.access, ctx.peers, input.bsn);
  const actie = `register${LOKET_MUTATIE[loket]}Contactmoment`;
  const eigen = requireLoketWrite(ctx.access, { loket, actie, gemeente: bewoning.gemeenteCode, bsns: [input.bsn], overdracht: true });
  const row = await inTransaction(ctx.db, ctx.access, async (tx) => {
    const dossier = await openDossierFor(tx, tables.dossier, { ...bewoning, bsn: input.bsn, contactpersoon: nieuweContactpersoon(ctx.access, loket, eigen), vandaag: today });
    const { row } = await insertIdempotent<typeof tables.contactmoment, ContactmomentRow & { aangemaaktDoor: string | null; invoerHash: string | null }>(tx, tables.contactmoment, {
      id: crypto.randomUUID(),
      dossierId: dossier.id,
      tijdstip: input.tijdstip.toISOString(),
      kanaal: input.kanaal,
      onderwerp: input.onderwerp,
      notitie: input.notitie,
      medewerker: ctx.access.actor.naam,
      bsn: input.bsn,
      idempotencyKey: input.idempotencyKey,
      aangemaaktDoor: ctx.access.actor.sub,
      invoerHash: invoerHash(input),
    });
    return row;
  });
  return toContactmoment(row, loket, eigen ? null : ErrorCode.FORBIDDEN);
}

/** How a loket appears in its mutations' names (`registerWmoMelding`, `registerCjgContactmoment`). */
export const LOKET_MUTATIE: Record<Loket, string> = { WMO: 'Wmo', CJG: 'Cjg', WERKPLEIN: 'Werkplein', WIJKTEAM: 'Wijkteam' };
