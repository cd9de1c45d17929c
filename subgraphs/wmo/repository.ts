import { desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../kit/database';
import type { DemoMelding, DemoToewijzing, DemoVerzoekOmToewijzing, DemoWmoVoorziening } from '../demo/types';
import { dossierReads, type STAPPEN } from '../kit/loket';
import { openStapRow } from '../kit/stappen';
import * as tables from './db/schema';
import { meldingAfgeleid, type MeldingStatus } from './domain/melding';
import { verzoekAntwoordUiterlijk, verzoekOpenStap, voorzieningOpenStap, type VoorzieningStand } from './domain/voorziening';

export type WmoDb = Database<typeof tables>;
export type WmoPart = 'contactmomenten' | 'meldingen' | 'voorzieningen' | 'verzoeken' | typeof STAPPEN;
export type MeldingRow = typeof tables.melding.$inferSelect;
export type ToewijzingRow = typeof tables.toewijzing.$inferSelect;
export type VoorzieningRow = typeof tables.voorziening.$inferSelect & { toewijzingen?: ToewijzingRow[] };
export type VerzoekRow = typeof tables.verzoekOmToewijzing.$inferSelect;
export type WmoDossierRecord = typeof tables.dossier.$inferSelect & {
  contactmomenten?: (typeof tables.contactmoment.$inferSelect)[];
  meldingen?: MeldingRow[];
  voorzieningen?: VoorzieningRow[];
  verzoeken?: VerzoekRow[];
};

/** The dossiers of households with the relations a fetch asked for, newest first (kit/loket.ts). */
const dossiers = dossierReads<WmoDossierRecord, WmoPart>('wmo_dossiers', {
  contactmomenten: tables.contactmoment.tijdstip,
  meldingen: tables.melding.meldingsdatum,
  voorzieningen: { newestFirst: tables.voorziening.ingangsdatum, with: { toewijzingen: { orderBy: [desc(tables.toewijzing.toewijzingsdatum)] } } },
  verzoeken: tables.verzoekOmToewijzing.ontvangenOp,
}, ['meldingen', 'voorzieningen', 'verzoeken']);

// What the domain derives from a record's dates (its terms and open step), as columns: the seed and every
// write store them through these, so the work list and the household picture read them as stored.

/** A melding's terms and open step, as columns. */
export function meldingAfgeleidKolommen(m: { status: MeldingStatus; meldingsdatum: string; aanvraagOntvangenOp: string | null }) {
  const { open, ...termijnen } = meldingAfgeleid(m);
  return { ...termijnen, ...openStapRow(open) };
}

/** A voorziening's open step, as columns. */
export function voorzieningAfgeleidKolommen(v: VoorzieningStand) {
  return openStapRow(voorzieningOpenStap(v));
}

export function meldingRow(m: DemoMelding, dossierId: string): typeof tables.melding.$inferInsert {
  return {
    ...m,
    dossierId,
    ...meldingAfgeleidKolommen(m),
  };
}

/** The stand of a voorziening as the domain reads it: its current toewijzing's ingangsdatum included. */
export function voorzieningStand(v: Pick<VoorzieningRow, 'status' | 'statusSinds' | 'ingangsdatum' | 'einddatum' | 'leveringsvorm'>, toewijzing?: { ingangsdatum: string }): VoorzieningStand {
  return { status: v.status, statusSinds: v.statusSinds ?? v.ingangsdatum, ingangsdatum: v.ingangsdatum, einddatum: v.einddatum, leveringsvorm: v.leveringsvorm, toewijzingIngangsdatum: toewijzing?.ingangsdatum ?? null };
}

export function voorzieningRow(v: DemoWmoVoorziening, dossierId: string): typeof tables.voorziening.$inferInsert {
  const { toewijzingen, omvang, ...rest } = v;
  return {
    ...rest,
    ...omvang,
    dossierId,
    behandelaar: null,
    ...voorzieningAfgeleidKolommen(voorzieningStand(v, toewijzingen[0])),
  };
}

export function toewijzingRow(t: DemoToewijzing, v: DemoWmoVoorziening): typeof tables.toewijzing.$inferInsert {
  const { aanbieder, ...rest } = t;
  return {
    ...rest,
    voorzieningId: v.id,
    aanbiederAgb: aanbieder.agbCode,
    aanbiederNaam: aanbieder.naam,
    productcategorie: v.productcategorie,
    productcode: v.productcode,
    ...v.omvang,
  };
}

export function verzoekRow(v: DemoVerzoekOmToewijzing, dossierId: string): typeof tables.verzoekOmToewijzing.$inferInsert {
  const { aanbieder, ...rest } = v;
  const antwoordUiterlijk = verzoekAntwoordUiterlijk(v.ontvangenOp);
  return {
    ...rest,
    dossierId,
    aanbiederAgb: aanbieder.agbCode,
    aanbiederNaam: aanbieder.naam,
    antwoordUiterlijk,
    ...openStapRow(verzoekOpenStap({ status: v.status, ontvangenOp: v.ontvangenOp, antwoordUiterlijk })),
  };
}

/** Reads of the Wmo subgraph; each is one SQL statement for any number of keys. */
export function wmoRepository(db: WmoDb) {
  return {
    async dossiers(huishoudenIds: readonly string[], parts: ReadonlySet<WmoPart>): Promise<WmoDossierRecord[]> {
      return await dossiers(db, huishoudenIds, parts);
    },

    /** A melding with its dossier (whose gemeente and residents a write is decided on). */
    async melding(id: string) {
      return await db.query.melding.findFirst({ where: eq(tables.melding.id, id), with: { dossier: true } });
    },

    /** A voorziening with its dossier and toewijzingen, newest first. */
    async voorziening(id: string) {
      return await db.query.voorziening.findFirst({
        where: eq(tables.voorziening.id, id),
        with: { dossier: true, toewijzingen: { orderBy: [desc(tables.toewijzing.toewijzingsdatum)] } },
      });
    },

    async verzoek(id: string) {
      return await db.query.verzoekOmToewijzing.findFirst({ where: eq(tables.verzoekOmToewijzing.id, id), with: { dossier: true } });
    },

    /** The toewijzing an idempotency key created, if any (a retry's answer). */
    async toewijzingByKey(key: string) {
      return await db.query.toewijzing.findFirst({ where: eq(tables.toewijzing.idempotencyKey, key) });
    },

    async verzoekByKey(key: string) {
      return await db.query.verzoekOmToewijzing.findFirst({ where: eq(tables.verzoekOmToewijzing.idempotencyKey, key) });
    },

    /** The voorzieningen the beschikkingen of these meldingen granted: one statement for all. */
    async voorzieningenVanMeldingen(meldingIds: readonly string[]): Promise<VoorzieningRow[]> {
      return await db.query.voorziening.findMany({
        where: inArray(tables.voorziening.meldingId, [...meldingIds]),
        orderBy: [desc(tables.voorziening.ingangsdatum)],
        with: { toewijzingen: { orderBy: [desc(tables.toewijzing.toewijzingsdatum)] } },
      });
    },
  };
}
export type WmoRepository = ReturnType<typeof wmoRepository>;
