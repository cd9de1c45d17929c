/**
 * What the iWmo and iJw messages say about a provision, shared by the Wmo and the CJG: the omvang of a
 * product (volume, eenheid, frequentie), how it is delivered, and the aanbieder. The records carry these
 * fields as the standard names them, so a gemeente's message broker (GGK) can build the 301, 305, 307 and
 * 315 messages from them; LoketLink does not send or parse the XML itself.
 */
import { integer, text } from 'drizzle-orm/pg-core';
import { z } from 'zod';

/** iStandaarden WJ756 (Eenheid), as enum names; the code in comments. */
export const EENHEDEN = ['MINUUT', 'UUR', 'ETMAAL', 'DAGDEEL', 'STUKS_INSPANNING', 'EURO', 'STUKS_OUTPUT'] as const; // 01, 04, 14, 16, 82, 83, 84
export type Eenheid = (typeof EENHEDEN)[number];
/** iStandaarden WJ757 (Frequentie). */
export const FREQUENTIES = ['PER_DAG', 'PER_WEEK', 'PER_MAAND', 'TOTAAL_GELDIGHEIDSDUUR'] as const; // 1, 2, 4, 6
export type Frequentie = (typeof FREQUENTIES)[number];
/** Zorg in natura, or a persoonsgebonden budget. */
export const LEVERINGSVORMEN = ['ZIN', 'PGB'] as const;
export type Leveringsvorm = (typeof LEVERINGSVORMEN)[number];

/** The omvang columns of a beschikt product or a toewijzing. */
export function omvangColumns() {
  return {
    volume: integer('volume'),
    eenheid: text('eenheid', { enum: EENHEDEN }),
    frequentie: text('frequentie', { enum: FREQUENTIES }),
  };
}

/** The aanbieder columns of a toewijzing or a verzoek om toewijzing. */
export function aanbiederColumns() {
  return {
    aanbiederAgb: text('aanbieder_agb').notNull(),
    aanbiederNaam: text('aanbieder_naam').notNull(),
  };
}

export const omvangInput = z.object({
  volume: z.number().int().min(1, 'must be at least 1').max(99_999_999),
  eenheid: z.enum(EENHEDEN),
  frequentie: z.enum(FREQUENTIES),
});
export const aanbiederInput = z.object({
  agbCode: z.string().regex(/^\d{8}$/, 'an AGB code is 8 digits'),
  naam: z.string().trim().min(2).max(200),
});
/** A product code of the iWmo/iJw product lists: 5 characters; absent for a product-category-only toewijzing. */
export const productcodeInput = z.string().regex(/^[0-9A-Z]{5}$/, 'a product code is 5 digits or capitals');

export function omvangValue(row: { volume: number | null; eenheid: Eenheid | null; frequentie: Frequentie | null }) {
  return row.volume === null || row.eenheid === null || row.frequentie === null ? null : { volume: row.volume, eenheid: row.eenheid, frequentie: row.frequentie };
}

export function aanbiederValue(row: { aanbiederAgb: string; aanbiederNaam: string }) {
  return { agbCode: row.aanbiederAgb, naam: row.aanbiederNaam };
}
