import { relations } from 'drizzle-orm';
import { date, index, pgSchema, text } from 'drizzle-orm/pg-core';
import { verwerkingTable } from '../../kit/auth/log';
import { belongsToDossier, contactmomentTable, dossierRecordColumns, dossierTable } from '../../kit/loket';

/** The werkplein subgraph's own Postgres schema. */
export const werkplein = pgSchema('werkplein');

/** The processing log: append-only (see the migrations' trigger). */
export const verwerking = verwerkingTable(werkplein);

export const dossier = dossierTable(werkplein);
export const contactmoment = contactmomentTable(werkplein, () => dossier.id);

/** A benefit under the Participatiewet (bijstand). */
export const uitkering = werkplein.table(
  'uitkering',
  {
    ...dossierRecordColumns(() => dossier.id),
    regeling: text('regeling', { enum: ['PARTICIPATIEWET'] }).notNull(),
    norm: text('norm', { enum: ['ALLEENSTAANDE', 'ALLEENSTAANDE_OUDER', 'GEHUWDEN'] }).notNull(),
    ingangsdatum: date('ingangsdatum', { mode: 'string' }).notNull(),
    einddatum: date('einddatum', { mode: 'string' }),
  },
  (t) => [index('uitkering_dossier_idx').on(t.dossierId)],
);

/** A reintegration or debt-help trajectory for one person. */
export const traject = werkplein.table(
  'traject',
  {
    ...dossierRecordColumns(() => dossier.id),
    soort: text('soort', { enum: ['REINTEGRATIE', 'SCHULDHULP'] }).notNull(),
    startdatum: date('startdatum', { mode: 'string' }).notNull(),
    einddatum: date('einddatum', { mode: 'string' }),
  },
  (t) => [index('traject_dossier_idx').on(t.dossierId)],
);

export const dossierRelations = relations(dossier, ({ many }) => ({
  contactmomenten: many(contactmoment),
  uitkeringen: many(uitkering),
  trajecten: many(traject),
}));
export const contactmomentRelations = belongsToDossier(contactmoment, dossier);
export const uitkeringRelations = belongsToDossier(uitkering, dossier);
export const trajectRelations = belongsToDossier(traject, dossier);
