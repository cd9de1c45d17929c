import { dossierReads } from '../kit/loket';
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

/** The dossiers of households with the relations a fetch asked for, newest first (kit/loket.ts). */
const dossiers = dossierReads<WmoDossierRecord, WmoPart>('wmo_dossiers', {
  contactmomenten: tables.contactmoment.tijdstip,
  meldingen: tables.melding.meldingsdatum,
  voorzieningen: tables.voorziening.ingangsdatum,
});

export function wmoRepository(db: WmoDb) {
  return {
    async dossiers(huishoudenIds: readonly string[], parts: ReadonlySet<WmoPart>): Promise<WmoDossierRecord[]> {
      return await dossiers(db, huishoudenIds, parts);
    },
  };
}
