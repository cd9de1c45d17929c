import { relations } from 'drizzle-orm';
import { date, index, integer, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { LOKETTEN, ZRM_DOMEINEN } from '../../kit/domein';
import { verwerkingTable } from '../../kit/auth/log';
import { contactmomentTable, dossierAccessColumns } from '../../kit/loket';

/** The wijkteam subgraph's own Postgres schema. */
export const wijkteam = pgSchema('wijkteam');

/** The integrated approach for one household: one family, one plan, one regisseur. */
export const casus = wijkteam.table(
  'casus',
  {
    id: uuid('id').primaryKey(),
    huishoudenId: text('huishouden_id').notNull(),
    ...dossierAccessColumns(),
    startdatum: date('startdatum', { mode: 'string' }).notNull(),
    einddatum: date('einddatum', { mode: 'string' }),
    regisseurNaam: text('regisseur_naam').notNull(),
    regisseurTelefoon: text('regisseur_telefoon').notNull(),
    team: text('team').notNull(),
  },
  // A household may have had several casussen over the years; entity fetches read them all by household.
  (t) => [index('casus_huishouden_idx').on(t.huishoudenId)],
);

/** Who works on a casus, by token subject: the regisseur and the team members see what a Grondslag covers. */
export const casusLid = wijkteam.table(
  'casus_lid',
  {
    casusId: uuid('casus_id')
      .notNull()
      .references(() => casus.id),
    medewerkerSub: text('medewerker_sub').notNull(),
    naam: text('naam').notNull(),
    rol: text('rol', { enum: ['REGISSEUR', 'TEAMLID'] }).notNull(),
  },
  // By subject too: a gateway asks, per request of a wijkteam member, for every casus they work on.
  (t) => [primaryKey({ columns: [t.casusId, t.medewerkerSub] }), index('casus_lid_medewerker_idx').on(t.medewerkerSub)],
);

/**
 * A registered legal basis for sharing other lokets' records with the casus. Never deleted: a revocation
 * is recorded on the row (who, when, why), and `version` guards against two people changing it at once.
 */
export const grondslag = wijkteam.table(
  'grondslag',
  {
    id: uuid('id').primaryKey(),
    casusId: uuid('casus_id')
      .notNull()
      .references(() => casus.id),
    /** The client's key for this registration: a retry with the same key stores nothing new. */
    idempotencyKey: text('idempotency_key').notNull(),
    soort: text('soort', { enum: ['TOESTEMMING', 'INTEGRALE_AANPAK'] }).notNull(),
    domeinen: text('domeinen', { enum: LOKETTEN }).array().notNull(),
    geldigVan: date('geldig_van', { mode: 'string' }).notNull(),
    geldigTot: date('geldig_tot', { mode: 'string' }),
    toelichting: text('toelichting').notNull(),
    vastgelegdDoor: text('vastgelegd_door').notNull(),
    vastgelegdDoorSub: text('vastgelegd_door_sub').notNull(),
    vastgelegdOp: timestamp('vastgelegd_op', { withTimezone: true, mode: 'string' }).notNull(),
    ingetrokkenOp: timestamp('ingetrokken_op', { withTimezone: true, mode: 'string' }),
    ingetrokkenDoor: text('ingetrokken_door'),
    intrekkingsreden: text('intrekkingsreden'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('grondslag_idempotency_key_idx').on(t.idempotencyKey), index('grondslag_casus_idx').on(t.casusId)],
);

/** The processing log: append-only (see the migrations' trigger). */
export const verwerking = verwerkingTable(wijkteam);

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
  leden: many(casusLid),
  grondslagen: many(grondslag),
}));
export const casusLidRelations = relations(casusLid, ({ one }) => ({
  casus: one(casus, { fields: [casusLid.casusId], references: [casus.id] }),
}));
export const grondslagRelations = relations(grondslag, ({ one }) => ({
  casus: one(casus, { fields: [grondslag.casusId], references: [casus.id] }),
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
