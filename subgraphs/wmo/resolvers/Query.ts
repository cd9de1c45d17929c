import { vandaag } from '../../kit/schrijven';
import { werkvoorraad, type WerkvoorraadFilter } from '../../kit/werkvoorraad';
import { sql } from 'drizzle-orm';
import { WMO_PRODUCTCATEGORIE } from '../codelijsten';
import type { WmoContext } from '../context';
import * as tables from '../db/schema';

/** The Wmo's process tables and what a row of each is about, for the work list (kit/werkvoorraad.ts). */
const BRONNEN = [
  { table: tables.melding, onderwerp: sql`${tables.melding.onderwerp}` },
  { table: tables.voorziening, onderwerp: sql`${tables.voorziening.productcategorie}`, leesbaar: (code: string) => WMO_PRODUCTCATEGORIE[code] ?? code },
  { table: tables.verzoekOmToewijzing, onderwerp: sql`${tables.verzoekOmToewijzing.aanbiederNaam}`, leesbaar: (naam: string) => `Verzoek om toewijzing van ${naam}` },
];

export const Query = {
  wmoWerkvoorraad(_: unknown, args: { filter?: WerkvoorraadFilter | null; first: number; after?: string | null }, ctx: WmoContext) {
    return werkvoorraad(ctx.db, ctx.access, { loket: 'WMO', dossier: tables.dossier, bronnen: BRONNEN, vandaag: vandaag(ctx.clock) }, args);
  },
};
