import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../kit/database';
import type { ContactmomentRow } from '../kit/loket';
import { anyKey, KEYS, preparedVariants } from '../kit/prepared';
import { insertIdempotent } from '../kit/schrijven';
import * as tables from './db/schema';

export type WijkteamDb = Database<typeof tables>;
export type WijkteamPart = 'contactmomenten' | 'plan';
export type DoelRow = typeof tables.doel.$inferSelect;
export type PlanRecord = typeof tables.plan.$inferSelect & { doelen: DoelRow[] };
export type GrondslagRow = typeof tables.grondslag.$inferSelect;
export type CasusLidRow = typeof tables.casusLid.$inferSelect;
export type CasusRecord = typeof tables.casus.$inferSelect & {
  /** Always loaded: access decisions need them on every read. */
  leden: CasusLidRow[];
  grondslagen: GrondslagRow[];
  contactmomenten?: (typeof tables.contactmoment.$inferSelect)[];
  plan?: PlanRecord | null;
};
export type NewGrondslag = typeof tables.grondslag.$inferInsert;
/** A contact moment the wijkteam registers on a casus: with the key, creator and input hash of the write. */
export type NewContactmoment = typeof tables.contactmoment.$inferInsert & { idempotencyKey: string; aangemaaktDoor: string; invoerHash: string };
type StoredContactmoment = ContactmomentRow & { aangemaaktDoor: string | null; invoerHash: string | null };

function casusRelations(parts: ReadonlySet<WijkteamPart>) {
  return {
    leden: true as const,
    grondslagen: { orderBy: [desc(tables.grondslag.vastgelegdOp)] },
    contactmomenten: parts.has('contactmomenten') ? { orderBy: [desc(tables.contactmoment.tijdstip)] } : undefined,
    plan: parts.has('plan') ? { with: { doelen: true as const } } : undefined,
  };
}

/**
 * The casussen of households with their members and Grondslagen only: what the gateway's casus question
 * reads (routes.ts), once per loket stage of every wijkteam member's request. Prepared once per database,
 * with the households as one array parameter, so the statement text never changes: an unprepared statement
 * costs the driver a second round trip and Postgres a new plan every time (BENCHMARKS.md).
 */
const toegangsCasussenQuery = preparedVariants('wijkteam_toegangs_casussen', (db: WijkteamDb, _parts: ReadonlySet<never>, name) =>
  db.query.casus
    .findMany({ where: (casus) => anyKey(casus.huishoudenId), orderBy: [desc(tables.casus.startdatum)], with: casusRelations(new Set()) })
    .prepare(name),
);

/** The casussen of households with the relations a fetch asked for: one prepared statement per variant. */
const casusQuery = preparedVariants('wijkteam_casussen', (db: WijkteamDb, parts: ReadonlySet<WijkteamPart>, name) =>
  db.query.casus
    .findMany({ where: (casus) => anyKey(casus.huishoudenId), orderBy: [desc(tables.casus.startdatum)], with: casusRelations(new Set(parts)) })
    .prepare(name),
);

/** Reads and writes of the wijkteam subgraph; each read is one SQL statement for any number of keys. */
export function wijkteamRepository(db: WijkteamDb) {
  return {
    /** Every casus of the households, newest first, with members and Grondslagen (`casussen` without parts). */
    async toegangsCasussen(huishoudenIds: readonly string[]): Promise<CasusRecord[]> {
      return (await toegangsCasussenQuery(db, new Set()).execute({ [KEYS]: [...huishoudenIds] })) as CasusRecord[];
    },

    /** Every casus of the households, newest first, with members, Grondslagen and the relations asked for. */
    async casussen(huishoudenIds: readonly string[], parts: ReadonlySet<WijkteamPart>): Promise<CasusRecord[]> {
      // The relations are chosen at run time, so drizzle's inferred type is a union; the record type says what is there.
      return (await casusQuery(db, parts).execute({ [KEYS]: [...huishoudenIds] })) as CasusRecord[];
    },

    async casus(id: string): Promise<CasusRecord | undefined> {
      return (await db.query.casus.findFirst({ where: eq(tables.casus.id, id), with: casusRelations(new Set()) })) as CasusRecord | undefined;
    },

    async grondslag(id: string): Promise<GrondslagRow | undefined> {
      return await db.query.grondslag.findFirst({ where: eq(tables.grondslag.id, id) });
    },

    /** Inserts unless the idempotency key is known; returns the stored row either way, and whether it is new. */
    async registerGrondslag(tx: WijkteamDb, row: NewGrondslag): Promise<{ row: GrondslagRow; created: boolean }> {
      const [created] = await tx.insert(tables.grondslag).values(row).onConflictDoNothing({ target: tables.grondslag.idempotencyKey }).returning();
      if (created) return { row: created, created: true };
      const existing = await tx.query.grondslag.findFirst({ where: eq(tables.grondslag.idempotencyKey, row.idempotencyKey) });
      return { row: existing!, created: false };
    },

    /**
     * Stores a contact moment on a casus unless its idempotency key is known: a retry by the same caller with
     * the same input gets the stored row back, anything else with that key is BAD_USER_INPUT (kit/schrijven.ts).
     */
    async registerContactmoment(tx: WijkteamDb, row: NewContactmoment): Promise<{ row: StoredContactmoment; created: boolean }> {
      return await insertIdempotent<typeof tables.contactmoment, StoredContactmoment>(tx, tables.contactmoment, row);
    },

    /** Revokes when `version` is still current; undefined when another change came first (or it was revoked). */
    async revokeGrondslag(
      tx: WijkteamDb,
      change: { id: string; version: number; ingetrokkenOp: string; ingetrokkenDoor: string; intrekkingsreden: string },
    ): Promise<GrondslagRow | undefined> {
      const { id, version, ...revocation } = change;
      const [row] = await tx
        .update(tables.grondslag)
        .set({ ...revocation, version: version + 1 })
        .where(and(eq(tables.grondslag.id, id), eq(tables.grondslag.version, version), isNull(tables.grondslag.ingetrokkenOp)))
        .returning();
      return row;
    },
  };
}
export type WijkteamRepository = ReturnType<typeof wijkteamRepository>;
