import { relations } from 'drizzle-orm';
import { date, index, integer, pgSchema, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ZRM_DOMEINEN } from '../../demo/types';
import { contactmomentTable } from '../../kit/loket';

/** The wijkteam subgraph's own Postgres schema. */
export const wijkteam = pgSchema('wijkteam');

/** The integrated approach for one household: one family, one plan, one regisseur. */
export const casus = wijkteam.table(
  'casus',
  {
    id: uuid('id').primaryKey(),
    huishoudenId: text('huishouden_id').notNull(),
    startdatum: date('startdatum', { mode: 'string' }).notNull(),
    einddatum: date('einddatum', { mode: 'string' }),
    regisseurNaam: text('regisseur_naam').notNull(),
    regisseurTelefoon: text('regisseur_telefoon').notNull(),
    team: text('team').notNull(),
  },
  // A household may have had several casussen over the years; entity fetches read them all by household.
  (t) => [index('casus_huishouden_idx').on(t.huishoudenId)],
);

/** The household plan of a casus. */
export const plan = wijkteam.table(
  'plan',
  {
    id: uuid('id').primaryKey(),
    casusId: uuid('casus_id')
      .notNull()
      .references(() => casus.id),
    vastgesteldOp: date('vastgesteld_op', { mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('plan_casus_idx').on(t.casusId)],
);

/** A goal of the plan on one ZRM domain, with its score when set and now. */
export const doel = wijkteam.table(
  'doel',
  {
    id: uuid('id').primaryKey(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plan.id),
    domein: text('domein', { enum: ZRM_DOMEINEN }).notNull(),
    scoreStart: integer('score_start').notNull(),
    scoreActueel: integer('score_actueel').notNull(),
    omschrijving: text('omschrijving').notNull(),
  },
  (t) => [index('doel_plan_idx').on(t.planId)],
);

/** The wijkteam's own contact moments, on a casus. */
export const contactmoment = contactmomentTable(wijkteam, () => casus.id);

export const casusRelations = relations(casus, ({ one, many }) => ({
  plan: one(plan),
  contactmomenten: many(contactmoment),
}));
export const planRelations = relations(plan, ({ one, many }) => ({
  casus: one(casus, { fields: [plan.casusId], references: [casus.id] }),
  doelen: many(doel),
}));
export const doelRelations = relations(doel, ({ one }) => ({
  plan: one(plan, { fields: [doel.planId], references: [plan.id] }),
}));
export const contactmomentRelations = relations(contactmoment, ({ one }) => ({
  casus: one(casus, { fields: [contactmoment.dossierId], references: [casus.id] }),
}));
