import { relations } from 'drizzle-orm';
import { date, index, pgSchema, text, uuid } from 'drizzle-orm/pg-core';
import { contactmomentTable, dossierTable } from '../../kit/loket';

/** The werkplein subgraph's own Postgres schema. */
export const werkplein = pgSchema('werkplein');

export const dossier = dossierTable(werkplein);
export const contactmoment = contactmomentTable(werkplein, () => dossier.id);

/** A benefit under the Participatiewet (bijstand). */
export const uitkering = werkplein.table(
  'uitkering',
  {
    id: uuid('id').primaryKey(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossier.id),
    bsn: text('bsn').notNull(),
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
    id: uuid('id').primaryKey(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossier.id),
    bsn: text('bsn').notNull(),
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
export const contactmomentRelations = relations(contactmoment, ({ one }) => ({
  dossier: one(dossier, { fields: [contactmoment.dossierId], references: [dossier.id] }),
}));
export const uitkeringRelations = relations(uitkering, ({ one }) => ({
  dossier: one(dossier, { fields: [uitkering.dossierId], references: [dossier.id] }),
}));
export const trajectRelations = relations(traject, ({ one }) => ({
  dossier: one(dossier, { fields: [traject.dossierId], references: [dossier.id] }),
}));
