import { desc } from 'drizzle-orm';
import { anyKey, KEYS, preparedVariants } from '../kit/prepared';
import type { Database } from '../kit/database';
import * as tables from './db/schema';

export type WmoDb = Database<typeof tables>;
export type WmoPart = 'contactmomenten' | 'meldingen' | 'voorzieningen';
export type MeldingRow = typeof tables.melding.$inferSelect;
export type VoorzieningRow = typeof tables.voorziening.$inferSelect;
export type WmoDossierRecord = typeof tables.dossier.$inferSelect & {
  contactmomenten?: (typeof tables.contactmoment.$inferSelect)[];
  meldingen?: MeldingRow[];
  voorzieningen?: VoorzieningRow[];
};

/** The dossiers of households with the relations a fetch asked for: one prepared statement per variant. */
const dossierQuery = preparedVariants('wmo_dossiers', (db: WmoDb, parts: ReadonlySet<WmoPart>, name) =>
  db.query.dossier
    .findMany({
      where: (dossier) => anyKey(dossier.huishoudenId),
      with: {
        contactmomenten: parts.has('contactmomenten') ? { orderBy: [desc(tables.contactmoment.tijdstip)] } : undefined,
        meldingen: parts.has('meldingen') ? { orderBy: [desc(tables.melding.meldingsdatum)] } : undefined,
        voorzieningen: parts.has('voorzieningen') ? { orderBy: [desc(tables.voorziening.ingangsdatum)] } : undefined,
      },
    })
    .prepare(name),
);

/** Reads of the wmo subgraph; each is one SQL statement for any number of households. */
export function wmoRepository(db: WmoDb) {
  return {
    async dossiers(huishoudenIds: readonly string[], parts: ReadonlySet<WmoPart>): Promise<WmoDossierRecord[]> {
      return (await dossierQuery(db, parts).execute({ [KEYS]: [...huishoudenIds] })) as WmoDossierRecord[];
    },
  };
}
