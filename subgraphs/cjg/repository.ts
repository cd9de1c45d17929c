import { desc, inArray } from 'drizzle-orm';
import type { Database } from '../kit/database';
import * as tables from './db/schema';

export type CjgDb = Database<typeof tables>;
export type CjgPart = 'contactmomenten' | 'jeugdhulptrajecten';
export type JeugdhulptrajectRow = typeof tables.jeugdhulptraject.$inferSelect;
export type CjgDossierRecord = typeof tables.dossier.$inferSelect & {
  contactmomenten?: (typeof tables.contactmoment.$inferSelect)[];
  jeugdhulptrajecten?: JeugdhulptrajectRow[];
};

/** Reads of the cjg subgraph; each is one SQL statement for any number of households. */
export function cjgRepository(db: CjgDb) {
  return {
    async dossiers(huishoudenIds: readonly string[], parts: ReadonlySet<CjgPart>): Promise<CjgDossierRecord[]> {
      return await db.query.dossier.findMany({
        where: inArray(tables.dossier.huishoudenId, [...huishoudenIds]),
        with: {
          contactmomenten: parts.has('contactmomenten') ? { orderBy: [desc(tables.contactmoment.tijdstip)] } : undefined,
          jeugdhulptrajecten: parts.has('jeugdhulptrajecten')
            ? { orderBy: [desc(tables.jeugdhulptraject.startdatum)] }
            : undefined,
        },
      });
    },
  };
}
