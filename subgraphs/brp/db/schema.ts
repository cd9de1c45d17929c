import { relations } from 'drizzle-orm';
import { date, index, integer, pgSchema, text } from 'drizzle-orm/pg-core';
import { verwerkingTable } from '../../kit/auth/log';

/** The brp subgraph's own Postgres schema; no other subgraph reads these tables. */
export const brp = pgSchema('brp');

/** CBS wijk. */
export const wijk = brp.table('wijk', {
  code: text('code').primaryKey(),
  naam: text('naam').notNull(),
  gemeenteCode: text('gemeente_code').notNull(),
  gemeenteNaam: text('gemeente_naam').notNull(),
});

/** CBS buurt. */
export const buurt = brp.table('buurt', {
  code: text('code').primaryKey(),
  naam: text('naam').notNull(),
  wijkCode: text('wijk_code')
    .notNull()
    .references(() => wijk.code),
});

/** The people registered at one address (BRP bewoning), keyed by the verblijfsobject id. */
export const huishouden = brp.table(
  'huishouden',
  {
    id: text('id').primaryKey(),
    straat: text('straat').notNull(),
    huisnummer: integer('huisnummer').notNull(),
    huisletter: text('huisletter'),
    huisnummertoevoeging: text('huisnummertoevoeging'),
    postcode: text('postcode').notNull(),
    woonplaats: text('woonplaats').notNull(),
    wijkCode: text('wijk_code')
      .notNull()
      .references(() => wijk.code),
    buurtCode: text('buurt_code')
      .notNull()
      .references(() => buurt.code),
    /** CBS code of the gemeente: a page holds only the caller's gemeenten. */
    gemeenteCode: text('gemeente_code').notNull(),
  },
  // Pages of a wijk or a gemeente are read in id order: each index serves filter and order without a sort,
  // so a page stops after 101 rows whatever the size of the gemeente (a join to wijk made it sort them all).
  // A search by postcode and house number finds its few rows by the third.
  (t) => [
    index('huishouden_wijk_id_idx').on(t.wijkCode, t.id),
    index('huishouden_gemeente_id_idx').on(t.gemeenteCode, t.id),
    index('huishouden_postcode_huisnummer_idx').on(t.postcode, t.huisnummer),
  ],
);

export const persoon = brp.table(
  'persoon',
  {
    bsn: text('bsn').primaryKey(),
    voornamen: text('voornamen').notNull(),
    voorvoegsel: text('voorvoegsel'),
    geslachtsnaam: text('geslachtsnaam').notNull(),
    geboortedatum: date('geboortedatum', { mode: 'string' }).notNull(),
    geslacht: text('geslacht', { enum: ['M', 'V', 'O'] }).notNull(),
    huishoudenId: text('huishouden_id')
      .notNull()
      .references(() => huishouden.id),
    /** CBS code of the gemeente the person is registered in (Haal Centraal: gemeenteVanInschrijving). */
    gemeenteVanInschrijving: text('gemeente_van_inschrijving').notNull(),
  },
  (t) => [index('persoon_huishouden_idx').on(t.huishoudenId)],
);

/** The processing log: append-only (see the migrations' trigger). */
export const verwerking = verwerkingTable(brp);

export const wijkRelations = relations(wijk, ({ many }) => ({ buurten: many(buurt) }));
export const buurtRelations = relations(buurt, ({ one }) => ({
  wijk: one(wijk, { fields: [buurt.wijkCode], references: [wijk.code] }),
}));
export const huishoudenRelations = relations(huishouden, ({ one, many }) => ({
  wijk: one(wijk, { fields: [huishouden.wijkCode], references: [wijk.code] }),
  buurt: one(buurt, { fields: [huishouden.buurtCode], references: [buurt.code] }),
  leden: many(persoon),
}));
export const persoonRelations = relations(persoon, ({ one }) => ({
  huishouden: one(huishouden, { fields: [persoon.huishoudenId], references: [huishouden.id] }),
}));
