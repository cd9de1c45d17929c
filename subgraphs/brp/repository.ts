import { and, asc, count, eq, gt, inArray, type SQL } from 'drizzle-orm';
import type { Database } from '../kit/database';
import * as tables from './db/schema';

export type BrpDb = Database<typeof tables>;
export type PersoonRow = typeof tables.persoon.$inferSelect;
export type WijkRow = typeof tables.wijk.$inferSelect;
export type HuishoudenRecord = typeof tables.huishouden.$inferSelect & {
  wijk: WijkRow;
  buurt: typeof tables.buurt.$inferSelect;
  /** Present when the fetch asked for the members. */
  leden?: PersoonRow[];
};
export type PersoonRecord = PersoonRow & { huishouden?: HuishoudenRecord };

/** Relations a household fetch may need besides its own row. */
export type HuishoudenPart = 'leden';
/** Relations a person fetch may need besides its own row. */
export type PersoonPart = 'huishouden' | 'huishouden.leden';

const oldestFirst = { orderBy: [asc(tables.persoon.geboortedatum), asc(tables.persoon.bsn)] };

function huishoudenWith(leden: boolean) {
  return { wijk: true, buurt: true, leden: leden ? oldestFirst : undefined } as const;
}

/**
 * All reads of the brp subgraph. Every method issues exactly one SQL statement, whatever the number of
 * keys: the relations a fetch needs are joined in (drizzle's relational queries aggregate them in SQL).
 */
export function brpRepository(db: BrpDb) {
  return {
    async huishoudens(ids: readonly string[], parts: ReadonlySet<HuishoudenPart>): Promise<HuishoudenRecord[]> {
      return await db.query.huishouden.findMany({
        where: inArray(tables.huishouden.id, [...ids]),
        with: huishoudenWith(parts.has('leden')),
      });
    },

    async personen(bsns: readonly string[], parts: ReadonlySet<PersoonPart>): Promise<PersoonRecord[]> {
      const withHuishouden = parts.has('huishouden') || parts.has('huishouden.leden');
      return await db.query.persoon.findMany({
        where: inArray(tables.persoon.bsn, [...bsns]),
        with: withHuishouden ? { huishouden: { with: huishoudenWith(parts.has('huishouden.leden')) } } : undefined,
      });
    },

    /** One page in id order, with one row more than asked so the caller knows whether a next page exists. */
    async huishoudenPage(filter: { wijk?: string; after?: string; limit: number }, parts: ReadonlySet<HuishoudenPart>) {
      return await db.query.huishouden.findMany({
        where: and(...pageConditions(filter)),
        with: huishoudenWith(parts.has('leden')),
        orderBy: [asc(tables.huishouden.id)],
        limit: filter.limit + 1,
      });
    },

    async countHuishoudens(wijk: string | undefined): Promise<number> {
      const [row] = await db.select({ n: count() }).from(tables.huishouden).where(and(...pageConditions({ wijk })));
      return row?.n ?? 0;
    },
  };
}

function pageConditions(filter: { wijk?: string; after?: string }): SQL[] {
  const conditions: SQL[] = [];
  if (filter.wijk) conditions.push(eq(tables.huishouden.wijkCode, filter.wijk));
  if (filter.after) conditions.push(gt(tables.huishouden.id, filter.after));
  return conditions;
}

export type BrpRepository = ReturnType<typeof brpRepository>;
