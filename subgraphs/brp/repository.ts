import { and, asc, count, eq, gt, inArray, type SQL } from 'drizzle-orm';
import type { Database } from '../kit/database';
import { anyKey, KEYS, preparedVariants } from '../kit/prepared';
import * as tables from './db/schema';

export type BrpDb = Database<typeof tables>;
export type PersoonRow = typeof tables.persoon.$inferSelect;
export type WijkRow = typeof tables.wijk.$inferSelect;
export type HuishoudenRecord = typeof tables.huishouden.$inferSelect & {
  wijk: WijkRow;
  buurt: typeof tables.buurt.$inferSelect;
  /** Always loaded: the members are the data subjects of every household read (access check, log). */
  leden: PersoonRow[];
};
export type PersoonRecord = PersoonRow & { huishouden?: HuishoudenRecord };

/** Relations a person fetch may need besides its own row. */
export type PersoonPart = 'huishouden';

function huishoudenRelations() {
  return { wijk: true as const, buurt: true as const, leden: { orderBy: [asc(tables.persoon.geboortedatum), asc(tables.persoon.bsn)] } };
}

/** Households by id, with wijk, buurt and members: one prepared statement. */
const huishoudenQuery = preparedVariants('brp_huishoudens', (db: BrpDb, _parts: ReadonlySet<never>, name) =>
  db.query.huishouden.findMany({ where: (h) => anyKey(h.id), with: huishoudenRelations() }).prepare(name),
);

/** The wijken of some gemeenten, by gemeente and name: one prepared statement, the gemeenten as one parameter. */
const wijkenQuery = preparedVariants('brp_wijken', (db: BrpDb, _parts: ReadonlySet<never>, name) =>
  db
    .select()
    .from(tables.wijk)
    .where(anyKey(tables.wijk.gemeenteCode))
    .orderBy(asc(tables.wijk.gemeenteNaam), asc(tables.wijk.naam), asc(tables.wijk.code))
    .prepare(name),
);

/** Persons by BSN, with their household when a fetch needs more of it than its id: a statement per variant. */
const persoonQuery = preparedVariants('brp_personen', (db: BrpDb, parts: ReadonlySet<PersoonPart>, name) =>
  db.query.persoon
    .findMany({ where: (p) => anyKey(p.bsn), with: parts.has('huishouden') ? { huishouden: { with: huishoudenRelations() } } : undefined })
    .prepare(name),
);

/**
 * All reads of the brp subgraph. Every method issues exactly one SQL statement, whatever the number of
 * keys: the relations a fetch needs are joined in (drizzle's relational queries aggregate them in SQL).
 */
export function brpRepository(db: BrpDb) {
  return {
    async huishoudens(ids: readonly string[]): Promise<HuishoudenRecord[]> {
      return await huishoudenQuery(db, NO_PARTS).execute({ [KEYS]: [...ids] });
    },

    async personen(bsns: readonly string[], parts: ReadonlySet<PersoonPart>): Promise<PersoonRecord[]> {
      return (await persoonQuery(db, parts).execute({ [KEYS]: [...bsns] })) as PersoonRecord[];
    },

    /** One page in id order, with one row more than asked so the caller knows whether a next page exists. */
    // Not prepared, unlike the entity reads: a prepared page got Postgres' generic plan after five runs,
    // which does not see that `id > $after` with a limit is a short index range, and a page of 100 of
    // 40,000 households took seconds instead of milliseconds (BENCHMARKS.md, 2026-12-02).
    async huishoudenPage(filter: PageFilter & { after?: string; limit: number }): Promise<HuishoudenRecord[]> {
      return await db.query.huishouden.findMany({
        where: and(...pageConditions(filter)),
        with: huishoudenRelations(),
        orderBy: [asc(tables.huishouden.id)],
        limit: filter.limit + 1,
      });
    },

    /** The CBS wijken of the gemeenten, by gemeente name, wijk name and code: one statement. */
    async wijken(gemeenten: readonly string[]): Promise<WijkRow[]> {
      return await wijkenQuery(db, NO_PARTS).execute({ [KEYS]: [...gemeenten] });
    },

    /** Every household of a gemeente with its wijk (the policy figures' areas): one statement. */
    async huishoudenWijken(gemeente: string): Promise<{ id: string; wijk: string; wijkNaam: string; gemeenteNaam: string }[]> {
      return await db
        .select({ id: tables.huishouden.id, wijk: tables.huishouden.wijkCode, wijkNaam: tables.wijk.naam, gemeenteNaam: tables.wijk.gemeenteNaam })
        .from(tables.huishouden)
        .innerJoin(tables.wijk, eq(tables.wijk.code, tables.huishouden.wijkCode))
        .where(eq(tables.huishouden.gemeenteCode, gemeente));
    },

    async countHuishoudens(filter: PageFilter): Promise<number> {
      const [row] = await db.select({ n: count() }).from(tables.huishouden).where(and(...pageConditions(filter)));
      return row?.n ?? 0;
    },
  };
}

/**
 * Which households a page may hold: those of the caller's gemeenten, optionally of one wijk, and optionally
 * at one postcode (as stored, `1234 AB`) or one postcode and house number.
 */
interface PageFilter {
  gemeenten: readonly string[];
  wijk?: string;
  postcode?: string;
  huisnummer?: number;
}

function pageConditions(filter: PageFilter & { after?: string }): SQL[] {
  const conditions: SQL[] = [inArray(tables.huishouden.gemeenteCode, [...filter.gemeenten])];
  if (filter.wijk) conditions.push(eq(tables.huishouden.wijkCode, filter.wijk));
  // By postcode and house number, Postgres reads the few rows from huishouden_postcode_huisnummer_idx and
  // sorts those (EXPLAIN on 20,000 demo households: 0.4 ms); by postcode alone it may walk the id order instead.
  if (filter.postcode) conditions.push(eq(tables.huishouden.postcode, filter.postcode));
  if (filter.huisnummer !== undefined) conditions.push(eq(tables.huishouden.huisnummer, filter.huisnummer));
  if (filter.after) conditions.push(gt(tables.huishouden.id, filter.after));
  return conditions;
}

const NO_PARTS: ReadonlySet<never> = new Set();

export type BrpRepository = ReturnType<typeof brpRepository>;
