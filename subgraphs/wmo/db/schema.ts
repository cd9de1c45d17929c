import { relations } from 'drizzle-orm';
import { date, index, pgSchema, text } from 'drizzle-orm/pg-core';
import { MELDING_STATUSSEN } from '../../demo/types';
import { verwerkingTable } from '../../kit/auth/log';
import { belongsToDossier, contactmomentTable, dossierRecordColumns, dossierTable } from '../../kit/loket';

/** The wmo subgraph's own Postgres schema. */
export const wmo = pgSchema('wmo');

/** The processing log: append-only (see the migrations' trigger). */
export const verwerking = verwerkingTable(wmo);

export const dossier = dossierTable(wmo);
export const contactmoment = contactmomentTable(wmo, () => dossier.id);

/** A report of a need for support (the start of the Wmo process). */
export const melding = wmo.table(
  'melding',
  {
    ...dossierRecordColumns(() => dossier.id),
    meldingsdatum: date('meldingsdatum', { mode: 'string' }).notNull(),
    onderwerp: text('onderwerp').notNull(),
    status: text('status', { enum: MELDING_STATUSSEN }).notNull(),
  },
  (t) => [index('melding_dossier_idx').on(t.dossierId)],
);

/** A maatwerkvoorziening granted by decision, by iWmo productcategorie. */
export const voorziening = wmo.table(
  'voorziening',
  {
    ...dossierRecordColumns(() => dossier.id),
    productcategorie: text('productcategorie').notNull(),
    ingangsdatum: date('ingangsdatum', { mode: 'string' }).notNull(),
    einddatum: date('einddatum', { mode: 'string' }),
  },
  (t) => [index('voorziening_dossier_idx').on(t.dossierId)],
);

export const dossierRelations = relations(dossier, ({ many }) => ({
  contactmomenten: many(contactmoment),
  meldingen: many(melding),
  voorzieningen: many(voorziening),
}));
export const contactmomentRelations = belongsToDossier(contactmoment, dossier);
export const meldingRelations = belongsToDossier(melding, dossier);
export const voorzieningRelations = belongsToDossier(voorziening, dossier);
