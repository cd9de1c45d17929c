import { jsonb, pgSchema, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { verwerkingTable } from '../../kit/auth/log';

/**
 * The beleid subgraph's own Postgres schema. It never holds a BSN, a household id, a name or an address:
 * only published tables (aggregates) and its processing log. The pseudonyms a computation works with stay
 * in its memory and are gone when the table is stored (docs/beleid.md).
 */
export const beleid = pgSchema('beleid');

/** The processing log: append-only (see the migrations' trigger). */
export const verwerking = verwerkingTable(beleid);

/** One computed table per gemeente and period: what every question about that period is answered from. */
export const publicatie = beleid.table(
  'publicatie',
  {
    gemeenteCode: text('gemeente_code').notNull(),
    /** The period's code: 2025, 2025-H1, 2025-Q3, 2025-07. */
    periode: text('periode').notNull(),
    berekendOp: timestamp('berekend_op', { withTimezone: true, mode: 'string' }).notNull(),
    /** The counts before rounding (for the gemeente's own checks; never served) and the published figures. */
    cijfers: jsonb('cijfers').notNull(),
  },
  (t) => [primaryKey({ columns: [t.gemeenteCode, t.periode] })],
);
