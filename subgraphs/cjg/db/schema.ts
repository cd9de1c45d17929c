import { isNotNull, relations } from 'drizzle-orm';
import { date, index, integer, pgSchema, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { verwerkingTable } from '../../kit/auth/log';
import { omvangColumns } from '../../kit/istandaarden';
import { belongsToDossier, contactmomentTable, dossierRecordColumns, dossierTable, writeColumns } from '../../kit/loket';
import { openStapColumns } from '../../kit/stappen';
import { JEUGDHULP_STATUSSEN, VERWIJZERS } from '../domain/jeugdhulp';

/** The cjg subgraph's own Postgres schema. */
export const cjg = pgSchema('cjg');

/** The processing log: append-only (see the migrations' trigger). */
export const verwerking = verwerkingTable(cjg);

export const dossier = dossierTable(cjg);
/** ToewijzingNummer (iJw 301): unique within the gemeente's youth care, drawn when a traject is assigned. */
export const toewijzingnummer = cjg.sequence('toewijzingnummer_seq', { startWith: 20_000_001 });
export const contactmoment = contactmomentTable(cjg, () => dossier.id);

/**
 * Youth care for one child, by iJw productcategorie (JZ020), and its chain (domain/jeugdhulp.ts): the
 * verwijzing, the aanvraag and beschikking on the gemeente's route, the toewijzing (iJw 301), and the care
 * from its start (305) to its stop (307): `startdatum` and `einddatum`. One row per traject.
 */
export const jeugdhulptraject = cjg.table(
  'jeugdhulptraject',
  {
    ...dossierRecordColumns(() => dossier.id),
    ...writeColumns(),
    productcategorie: text('productcategorie').notNull(),
    productcode: text('productcode'),
    ...omvangColumns(),
    status: text('status', { enum: JEUGDHULP_STATUSSEN }).notNull().default('IN_ZORG'),
    statusSinds: date('status_sinds', { mode: 'string' }),
    verwijzer: text('verwijzer', { enum: VERWIJZERS }).notNull().default('GEMEENTE'),
    verwijsdatum: date('verwijsdatum', { mode: 'string' }),
    /** The aanvraag on the gemeente's route: its date and the beschikking's deadline (eight weeks). */
    aanvraagOntvangenOp: date('aanvraag_ontvangen_op', { mode: 'string' }),
    beschikkingUiterlijk: date('beschikking_uiterlijk', { mode: 'string' }),
    beschikkingsdatum: date('beschikkingsdatum', { mode: 'string' }),
    besluit: text('besluit', { enum: ['TOEGEKEND', 'AFGEWEZEN'] }),
    redenAfwijzing: text('reden_afwijzing'),
    /** The period the beschikking (or the doctor's verwijzing) names for the care. */
    ingangsdatum: date('ingangsdatum', { mode: 'string' }),
    geldigTot: date('geldig_tot', { mode: 'string' }),
    /** iJw 301. */
    toewijzingnummer: integer('toewijzingnummer'),
    aanbiederAgb: text('aanbieder_agb'),
    aanbiederNaam: text('aanbieder_naam'),
    toewijzingsdatum: date('toewijzingsdatum', { mode: 'string' }),
    toewijzingIngangsdatum: date('toewijzing_ingangsdatum', { mode: 'string' }),
    redenWijziging: text('reden_wijziging'),
    /** iJw 305 and 307: when the care started and stopped. */
    startdatum: date('startdatum', { mode: 'string' }),
    einddatum: date('einddatum', { mode: 'string' }),
    redenBeeindiging: text('reden_beeindiging'),
    ...openStapColumns(),
  },
  (t) => [
    index('jeugdhulptraject_dossier_idx').on(t.dossierId),
    uniqueIndex('jeugdhulptraject_idempotency_idx').on(t.idempotencyKey),
    index('jeugdhulptraject_stap_idx').on(t.stapUiterlijk).where(isNotNull(t.stap)),
  ],
);

export const dossierRelations = relations(dossier, ({ many }) => ({
  contactmomenten: many(contactmoment),
  jeugdhulptrajecten: many(jeugdhulptraject),
}));
export const contactmomentRelations = belongsToDossier(contactmoment, dossier);
export const jeugdhulptrajectRelations = relations(jeugdhulptraject, ({ one }) => ({
  dossier: one(dossier, { fields: [jeugdhulptraject.dossierId], references: [dossier.id] }),
}));
