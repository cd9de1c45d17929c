import { relations } from 'drizzle-orm';
import { date, index, pgSchema, text, uuid } from 'drizzle-orm/pg-core';
import { contactmomentTable, dossierTable } from '../../kit/loket';

/** The cjg subgraph's own Postgres schema. */
export const cjg = pgSchema('cjg');

export const dossier = dossierTable(cjg);
export const contactmoment = contactmomentTable(cjg, () => dossier.id);

/** Youth care for one child, by iJw productcategorie (JZ020). */
export const jeugdhulptraject = cjg.table(
  'jeugdhulptraject',
  {
    id: uuid('id').primaryKey(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossier.id),
    bsn: text('bsn').notNull(),
    productcategorie: text('productcategorie').notNull(),
    startdatum: date('startdatum', { mode: 'string' }).notNull(),
    einddatum: date('einddatum', { mode: 'string' }),
  },
  (t) => [index('jeugdhulptraject_dossier_idx').on(t.dossierId)],
);

export const dossierRelations = relations(dossier, ({ many }) => ({
  contactmomenten: many(contactmoment),
  jeugdhulptrajecten: many(jeugdhulptraject),
}));
export const contactmomentRelations = relations(contactmoment, ({ one }) => ({
  dossier: one(dossier, { fields: [contactmoment.dossierId], references: [dossier.id] }),
}));
export const jeugdhulptrajectRelations = relations(jeugdhulptraject, ({ one }) => ({
  dossier: one(dossier, { fields: [jeugdhulptraject.dossierId], references: [dossier.id] }),
}));
