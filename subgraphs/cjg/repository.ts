import { eq, sql } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { DemoJeugdhulptraject } from '../demo/types';
import type { Database } from '../kit/database';
import { dossierReads, type STAPPEN } from '../kit/loket';
import { openStapRow } from '../kit/stappen';
import * as tables from './db/schema';
import { jeugdhulpAfgeleid, type JeugdhulpStatus } from './domain/jeugdhulp';

export type CjgDb = Database<typeof tables>;
export type CjgPart = 'contactmomenten' | 'jeugdhulptrajecten' | typeof STAPPEN;
export type JeugdhulptrajectRow = typeof tables.jeugdhulptraject.$inferSelect;
export type CjgDossierRecord = typeof tables.dossier.$inferSelect & {
  contactmomenten?: (typeof tables.contactmoment.$inferSelect)[];
  jeugdhulptrajecten?: JeugdhulptrajectRow[];
};

/** The dossiers of households with the relations a fetch asked for, newest first (kit/loket.ts). */
const dossiers = dossierReads<CjgDossierRecord, CjgPart>('cjg_dossiers', {
  contactmomenten: tables.contactmoment.tijdstip,
  jeugdhulptrajecten: tables.jeugdhulptraject.verwijsdatum,
}, ['jeugdhulptrajecten']);

/** What the domain derives from a traject's dates (the beschikking's deadline, the open step), as columns. */
export function jeugdhulpAfgeleidKolommen(t: {
  status: JeugdhulpStatus;
  statusSinds: string | null;
  verwijsdatum: string | null;
  aanvraagOntvangenOp: string | null;
  ingangsdatum: string | null;
  toewijzingIngangsdatum: string | null;
  geldigTot: string | null;
}) {
  const { beschikkingUiterlijk, open } = jeugdhulpAfgeleid({ ...t, statusSinds: t.statusSinds ?? t.verwijsdatum ?? '' });
  return { beschikkingUiterlijk, ...openStapRow(open) };
}

/** The next ToewijzingNummer from the CJG's sequence (db/schema.ts), drawn by the insert or update itself. */
export const volgendToewijzingnummer = () => sql<number>`nextval('cjg.toewijzingnummer_seq')`;

export function jeugdhulptrajectRow(t: DemoJeugdhulptraject, dossierId: string): PgInsertValue<typeof tables.jeugdhulptraject> {
  const { omvang, aanbieder, ...rest } = t;
  return {
    ...rest,
    ...omvang,
    dossierId,
    aanbiederAgb: aanbieder?.agbCode ?? null,
    aanbiederNaam: aanbieder?.naam ?? null,
    toewijzingnummer: t.toewijzingsdatum ? volgendToewijzingnummer() : null,
    ...jeugdhulpAfgeleidKolommen(t),
  };
}

export function cjgRepository(db: CjgDb) {
  return {
    async dossiers(huishoudenIds: readonly string[], parts: ReadonlySet<CjgPart>): Promise<CjgDossierRecord[]> {
      return await dossiers(db, huishoudenIds, parts);
    },

    /** A traject with its dossier (whose gemeente and residents a write is decided on). */
    async traject(id: string) {
      return await db.query.jeugdhulptraject.findFirst({ where: eq(tables.jeugdhulptraject.id, id), with: { dossier: true } });
    },

    async trajectByKey(key: string) {
      return await db.query.jeugdhulptraject.findFirst({ where: eq(tables.jeugdhulptraject.idempotencyKey, key) });
    },
  };
}
export type CjgRepository = ReturnType<typeof cjgRepository>;
