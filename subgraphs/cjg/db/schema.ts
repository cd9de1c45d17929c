import { relations } from 'drizzle-orm';
import { date, index, pgSchema, text } from 'drizzle-orm/pg-core';
import { verwerkingTable } from '../../kit/auth/log';
import { belongsToDossier, contactmomentTable, dossierRecordColumns, dossierTable } from '../../kit/loket';

/** The cjg subgraph's own Postgres schema. */
export const cjg = pgSchema('cjg');

/** The processing log: append-only (see the migrations' trigger). */
export const verwerking = verwerkingTable(cjg);

export const dossier = dossierTable(cjg);
export const contactmoment = contactmomentTable(cjg, () => dossier.id);

/** Youth care for one child, by iJw productcategorie (JZ020). */
export const jeugdhulptraject = cjg.table(
  'jeugdhulptraject',
  {
    ...dossierRecordColumns(() => dossier.id),
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
export const contactmomentRelations = belongsToDossier(contactmoment, dossier);
export const jeugdhulptrajectRelations = belongsToDossier(jeugdhulptraject, dossier);
