import { desc } from 'drizzle-orm';
import { anyKey, KEYS, preparedVariants } from '../kit/prepared';
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
/** The dossiers of households with the relations a fetch asked for: one prepared statement per variant. */
const dossierQuery = preparedVariants('cjg_dossiers', (db: CjgDb, parts: ReadonlySet<CjgPart>, name) =>
  db.query.dossier
    .findMany({
      where: (dossier) => anyKey(dossier.huishoudenId),
      with: {
        contactmomenten: parts.has('contactmomenten') ? { orderBy: [desc(tables.contactmoment.tijdstip)] } : undefined,
        jeugdhulptrajecten: parts.has('jeugdhulptrajecten') ? { orderBy: [desc(tables.jeugdhulptraject.startdatum)] } : undefined,
      },
    })
    .prepare(name),
);

export function cjgRepository(db: CjgDb) {
  return {
    async dossiers(huishoudenIds: readonly string[], parts: ReadonlySet<CjgPart>): Promise<CjgDossierRecord[]> {
      return (await dossierQuery(db, parts).execute({ [KEYS]: [...huishoudenIds] })) as CjgDossierRecord[];
    },
  };
}
