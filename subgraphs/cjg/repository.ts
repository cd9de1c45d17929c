import { dossierReads } from '../kit/loket';
import type { Database } from '../kit/database';
import * as tables from './db/schema';

export type CjgDb = Database<typeof tables>;
export type CjgPart = 'contactmomenten' | 'jeugdhulptrajecten';
export type JeugdhulptrajectRow = typeof tables.jeugdhulptraject.$inferSelect;
export type CjgDossierRecord = typeof tables.dossier.$inferSelect & {
  contactmomenten?: (typeof tables.contactmoment.$inferSelect)[];
  jeugdhulptrajecten?: JeugdhulptrajectRow[];
};

/** The dossiers of households with the relations a fetch asked for, newest first (kit/loket.ts). */
const dossiers = dossierReads<CjgDossierRecord, CjgPart>('cjg_dossiers', {
  contactmomenten: tables.contactmoment.tijdstip,
  jeugdhulptrajecten: tables.jeugdhulptraject.startdatum,
});

export function cjgRepository(db: CjgDb) {
  return {
    async dossiers(huishoudenIds: readonly string[], parts: ReadonlySet<CjgPart>): Promise<CjgDossierRecord[]> {
      return await dossiers(db, huishoudenIds, parts);
    },
  };
}
