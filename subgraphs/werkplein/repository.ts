import { dossierReads } from '../kit/loket';
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

/** The dossiers of households with the relations a fetch asked for, newest first (kit/loket.ts). */
const dossiers = dossierReads<WerkpleinDossierRecord, WerkpleinPart>('werkplein_dossiers', {
  contactmomenten: tables.contactmoment.tijdstip,
  uitkeringen: tables.uitkering.ingangsdatum,
  trajecten: tables.traject.startdatum,
});

export function werkpleinRepository(db: WerkpleinDb) {
  return {
    async dossiers(huishoudenIds: readonly string[], parts: ReadonlySet<WerkpleinPart>): Promise<WerkpleinDossierRecord[]> {
      return await dossiers(db, huishoudenIds, parts);
    },
  };
}
