import { sql } from 'drizzle-orm';
import { vandaag } from '../../kit/schrijven';
import { werkvoorraad, type WerkvoorraadFilter } from '../../kit/werkvoorraad';
import { JEUGD_PRODUCTCATEGORIE } from '../codelijsten';
import type { CjgContext } from '../context';
import * as tables from '../db/schema';

const BRONNEN = [
  { table: tables.jeugdhulptraject, onderwerp: sql`${tables.jeugdhulptraject.productcategorie}`, leesbaar: (code: string) => JEUGD_PRODUCTCATEGORIE[code] ?? code },
];

export const Query = {
  cjgWerkvoorraad(_: unknown, args: { filter?: WerkvoorraadFilter | null; first: number; after?: string | null }, ctx: CjgContext) {
    return werkvoorraad(ctx.db, ctx.access, { loket: 'CJG', dossier: tables.dossier, bronnen: BRONNEN, vandaag: vandaag(ctx.clock) }, args);
  },
};
