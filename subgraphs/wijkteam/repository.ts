import { desc, inArray } from 'drizzle-orm';
import type { Database } from '../kit/database';
import * as tables from './db/schema';

export type WijkteamDb = Database<typeof tables>;
export type WijkteamPart = 'contactmomenten' | 'plan';
export type DoelRow = typeof tables.doel.$inferSelect;
export type PlanRecord = typeof tables.plan.$inferSelect & { doelen: DoelRow[] };
export type CasusRecord = typeof tables.casus.$inferSelect & {
  contactmomenten?: (typeof tables.contactmoment.$inferSelect)[];
  plan?: PlanRecord | null;
};

/** Reads of the wijkteam subgraph; each is one SQL statement for any number of households. */
export function wijkteamRepository(db: WijkteamDb) {
  return {
    /** Every casus of the households, newest first, with the relations asked for. */
    async casussen(huishoudenIds: readonly string[], parts: ReadonlySet<WijkteamPart>): Promise<CasusRecord[]> {
      // The relations are chosen at run time, so drizzle's inferred type is a union; the record type says what is there.
      return (await db.query.casus.findMany({
        where: inArray(tables.casus.huishoudenId, [...huishoudenIds]),
        orderBy: [desc(tables.casus.startdatum)],
        with: {
          contactmomenten: parts.has('contactmomenten') ? { orderBy: [desc(tables.contactmoment.tijdstip)] } : undefined,
          plan: parts.has('plan') ? { with: { doelen: true } } : undefined,
        },
      })) as CasusRecord[];
    },
  };
}
