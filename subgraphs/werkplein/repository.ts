import { desc, inArray } from 'drizzle-orm';
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
export function werkpleinRepository(db: WerkpleinDb) {
  return {
    async dossiers(huishoudenIds: readonly string[], parts: ReadonlySet<WerkpleinPart>): Promise<WerkpleinDossierRecord[]> {
      return await db.query.dossier.findMany({
        where: inArray(tables.dossier.huishoudenId, [...huishoudenIds]),
        with: {
          contactmomenten: parts.has('contactmomenten') ? { orderBy: [desc(tables.contactmoment.tijdstip)] } : undefined,
          uitkeringen: parts.has('uitkeringen') ? { orderBy: [desc(tables.uitkering.ingangsdatum)] } : undefined,
          trajecten: parts.has('trajecten') ? { orderBy: [desc(tables.traject.startdatum)] } : undefined,
        },
      });
    },
  };
}
