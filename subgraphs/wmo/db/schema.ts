import { isNotNull, relations } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgSchema, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { verwerkingTable } from '../../kit/auth/log';
import type { ZrmDomein } from '../../kit/domein';
import { KANALEN } from '../../kit/domein';
import { aanbiederColumns, LEVERINGSVORMEN, omvangColumns } from '../../kit/istandaarden';
import { belongsToDossier, contactmomentTable, dossierRecordColumns, dossierTable, writeColumns } from '../../kit/loket';
import { openStapColumns } from '../../kit/stappen';
import { MELDING_STATUSSEN } from '../domain/melding';
import { VERZOEK_STATUSSEN, VOORZIENING_STATUSSEN } from '../domain/voorziening';

/** The wmo subgraph's own Postgres schema. */
export const wmo = pgSchema('wmo');

/** The processing log: append-only (see the migrations' trigger). */
export const verwerking = verwerkingTable(wmo);

export const dossier = dossierTable(wmo);
export const contactmoment = contactmomentTable(wmo, () => dossier.id);

/** One finding of the brede intake: a life domain of the ZRM and what the conversation found there. */
export interface Bevinding {
  domein: ZrmDomein;
  bevinding: string;
}

/**
 * A report of a need for support, and the chain that follows it up to the beschikking (domain/melding.ts):
 * one row per chain, each step filling its columns. The terms are stored as computed when their event was
 * recorded, so work lists sort and filter on them in SQL.
 */
export const melding = wmo.table(
  'melding',
  {
    ...dossierRecordColumns(() => dossier.id),
    ...writeColumns(),
    meldingsdatum: date('meldingsdatum', { mode: 'string' }).notNull(),
    kanaal: text('kanaal', { enum: KANALEN }),
    onderwerp: text('onderwerp').notNull(),
    status: text('status', { enum: MELDING_STATUSSEN }).notNull(),
    /** Who took the melding in: the Wmo-loket itself, or the KCC on its behalf. */
    geregistreerdVia: text('geregistreerd_via', { enum: ['WMO', 'KCC'] }).notNull().default('WMO'),
    /** The resident's rights on receipt (art. 2.3.2 lid 2 and 3): a persoonlijk plan within 7 days, free cliëntondersteuning. */
    persoonlijkPlanUiterlijk: date('persoonlijk_plan_uiterlijk', { mode: 'string' }).notNull(),
    clientondersteuningGewenst: boolean('clientondersteuning_gewenst').notNull().default(false),
    onderzoekUiterlijk: date('onderzoek_uiterlijk', { mode: 'string' }).notNull(),
    onderzoekGestartOp: date('onderzoek_gestart_op', { mode: 'string' }),
    gespreksdatum: date('gespreksdatum', { mode: 'string' }),
    gesprekskanaal: text('gesprekskanaal', { enum: KANALEN }),
    bevindingen: jsonb('bevindingen').$type<Bevinding[]>().notNull().default([]),
    verslagVerstuurdOp: date('verslag_verstuurd_op', { mode: 'string' }),
    aanvraagOntvangenOp: date('aanvraag_ontvangen_op', { mode: 'string' }),
    beschikkingUiterlijk: date('beschikking_uiterlijk', { mode: 'string' }),
    beschikkingsdatum: date('beschikkingsdatum', { mode: 'string' }),
    besluit: text('besluit', { enum: ['TOEGEKEND', 'AFGEWEZEN'] }),
    redenAfwijzing: text('reden_afwijzing'),
    ingetrokkenOp: date('ingetrokken_op', { mode: 'string' }),
    redenIntrekking: text('reden_intrekking'),
    ...openStapColumns(),
  },
  (t) => [
    index('melding_dossier_idx').on(t.dossierId),
    uniqueIndex('melding_idempotency_idx').on(t.idempotencyKey),
    index('melding_stap_idx').on(t.stapUiterlijk).where(isNotNull(t.stap)),
  ],
);

/**
 * A maatwerkvoorziening: one product a beschikking granted, with its own process after the beschikking
 * (domain/voorziening.ts): toewijzing, levering, einde.
 */
export const voorziening = wmo.table(
  'voorziening',
  {
    ...dossierRecordColumns(() => dossier.id),
    ...writeColumns(),
    /** The melding whose beschikking granted it. */
    meldingId: uuid('melding_id').references(() => melding.id),
    productcategorie: text('productcategorie').notNull(),
    productcode: text('productcode'),
    ...omvangColumns(),
    leveringsvorm: text('leveringsvorm', { enum: LEVERINGSVORMEN }).notNull().default('ZIN'),
    ingangsdatum: date('ingangsdatum', { mode: 'string' }).notNull(),
    einddatum: date('einddatum', { mode: 'string' }),
    status: text('status', { enum: VOORZIENING_STATUSSEN }).notNull().default('TOEGEKEND'),
    statusSinds: date('status_sinds', { mode: 'string' }),
    redenBeeindiging: text('reden_beeindiging'),
    ...openStapColumns(),
  },
  (t) => [index('voorziening_dossier_idx').on(t.dossierId), index('voorziening_stap_idx').on(t.stapUiterlijk).where(isNotNull(t.stap))],
);

/** A toewijzing to an aanbieder (iWmo 301), with the start (305) and stop (307) the aanbieder reports. */
export const toewijzing = wmo.table(
  'toewijzing',
  {
    id: uuid('id').primaryKey(),
    voorzieningId: uuid('voorziening_id')
      .notNull()
      .references(() => voorziening.id),
    ...writeColumns(),
    /** ToewijzingNummer: unique within the gemeente's Wmo, numbered by the database. */
    toewijzingnummer: integer('toewijzingnummer').generatedByDefaultAsIdentity({ startWith: 10_000_001 }).notNull(),
    ...aanbiederColumns(),
    productcategorie: text('productcategorie').notNull(),
    productcode: text('productcode'),
    ...omvangColumns(),
    toewijzingsdatum: date('toewijzingsdatum', { mode: 'string' }).notNull(),
    ingangsdatum: date('ingangsdatum', { mode: 'string' }).notNull(),
    einddatum: date('einddatum', { mode: 'string' }),
    redenWijziging: text('reden_wijziging'),
    /** iWmo 305: Begindatum. */
    leveringBegindatum: date('levering_begindatum', { mode: 'string' }),
    /** iWmo 307: Einddatum and RedenBeeindiging. */
    leveringEinddatum: date('levering_einddatum', { mode: 'string' }),
    redenBeeindiging: text('reden_beeindiging'),
  },
  (t) => [index('toewijzing_voorziening_idx').on(t.voorzieningId), uniqueIndex('toewijzing_idempotency_idx').on(t.idempotencyKey)],
);

/** An aanbieder's verzoek om toewijzing (iWmo 315) for a voorziening, answered within five working days. */
export const verzoekOmToewijzing = wmo.table(
  'verzoek_om_toewijzing',
  {
    ...dossierRecordColumns(() => dossier.id),
    ...writeColumns(),
    voorzieningId: uuid('voorziening_id')
      .notNull()
      .references(() => voorziening.id),
    ...aanbiederColumns(),
    ontvangenOp: date('ontvangen_op', { mode: 'string' }).notNull(),
    antwoordUiterlijk: date('antwoord_uiterlijk', { mode: 'string' }).notNull(),
    status: text('status', { enum: VERZOEK_STATUSSEN }).notNull(),
    beantwoordOp: date('beantwoord_op', { mode: 'string' }),
    redenAfwijzing: text('reden_afwijzing'),
    toewijzingId: uuid('toewijzing_id').references(() => toewijzing.id),
    ...openStapColumns(),
  },
  (t) => [
    index('verzoek_dossier_idx').on(t.dossierId),
    uniqueIndex('verzoek_idempotency_idx').on(t.idempotencyKey),
    index('verzoek_stap_idx').on(t.stapUiterlijk).where(isNotNull(t.stap)),
  ],
);

export const dossierRelations = relations(dossier, ({ many }) => ({
  contactmomenten: many(contactmoment),
  meldingen: many(melding),
  voorzieningen: many(voorziening),
  verzoeken: many(verzoekOmToewijzing),
}));
export const contactmomentRelations = belongsToDossier(contactmoment, dossier);
// Written out, not through belongsToDossier: a write reads a record with its dossier, and drizzle types that
// relation only when it sees the tables themselves.
export const meldingRelations = relations(melding, ({ one }) => ({ dossier: one(dossier, { fields: [melding.dossierId], references: [dossier.id] }) }));
export const voorzieningRelations = relations(voorziening, ({ one, many }) => ({
  dossier: one(dossier, { fields: [voorziening.dossierId], references: [dossier.id] }),
  toewijzingen: many(toewijzing),
}));
export const toewijzingRelations = relations(toewijzing, ({ one }) => ({
  voorziening: one(voorziening, { fields: [toewijzing.voorzieningId], references: [voorziening.id] }),
}));
export const verzoekRelations = relations(verzoekOmToewijzing, ({ one }) => ({
  dossier: one(dossier, { fields: [verzoekOmToewijzing.dossierId], references: [dossier.id] }),
}));
