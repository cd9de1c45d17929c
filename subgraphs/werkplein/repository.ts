import { desc } from 'drizzle-orm';
import { anyKey, KEYS, preparedVariants } from '../kit/prepared';
import type { Database } from '../kit/database';
import * as tables from './db/schema';

export type WerkpleinDb = Database<typeof tables>;
export type WerkpleinPart = 'contactmomenten' | 'uitkeringen' | 'trajecten';
export type UitkeringRow = typeof tables.uitkering.$inferSelect;
export type TrajectRow = typeof tables.traject.$inferSelect;
export type WerkpleinDossierRecord = typeof tables.dossier.$inferSelect & {
  contactmomenten?: (typeof tables.contactmoment.$inferSelect)[];
  uitkeringen?: UitkeringRow[];
  trajecten?: TrajectRow[];
};

/** Reads of the werkplein subgraph; each is one SQL statement for any number of households. */
/** The dossiers of households with the relations a fetch asked for: one prepared statement per variant. */
const dossierQuery = preparedVariants('werkplein_dossiers', (db: WerkpleinDb, parts: ReadonlySet<WerkpleinPart>, name) =>
  db.query.dossier
    .findMany({
      where: (dossier) => anyKey(dossier.huishoudenId),
      with: {
        contactmomenten: parts.has('contactmomenten') ? { orderBy: [desc(tables.contactmoment.tijdstip)] } : undefined,
        uitkeringen: parts.has('uitkeringen') ? { orderBy: [desc(tables.uitkering.ingangsdatum)] } : undefined,
        trajecten: parts.has('trajecten') ? { orderBy: [desc(tables.traject.startdatum)] } : undefined,
      },
    })
    .prepare(name),
);

export function werkpleinRepository(db: WerkpleinDb) {
  return {
    async dossiers(huishoudenIds: readonly string[], parts: ReadonlySet<WerkpleinPart>): Promise<WerkpleinDossierRecord[]> {
      return (await dossierQuery(db, parts).execute({ [KEYS]: [...huishoudenIds] })) as WerkpleinDossierRecord[];
    },
  };
}
