import { createHmac, randomUUID } from 'node:crypto';
import { and, desc, eq, getTableColumns, gte, lt, sql } from 'drizzle-orm';
import { index, text, timestamp, uuid, type PgSchema } from 'drizzle-orm/pg-core';
import { addDays } from '../dates';
import type { Database } from '../database';
import type { Grondslag } from './doelen';
import type { Actor } from './token';

/**
 * The processing log (Logius Logboek Dataverwerkingen): one row per data subject per subgraph fetch,
 * written by the subgraph that served the data, into its own database. The table is append-only in the
 * database itself: a trigger (in each subgraph's migrations) makes UPDATE, DELETE and TRUNCATE fail.
 */
export function verwerkingTable(schema: PgSchema) {
  return schema.table(
    'verwerking',
    {
      id: uuid('id').primaryKey(),
      /** The same id in every subgraph that served one gateway request. */
      traceId: text('trace_id').notNull(),
      tijdstip: timestamp('tijdstip', { withTimezone: true, mode: 'string' }).notNull(),
      handeling: text('handeling', { enum: HANDELINGEN }).notNull(),
      /** The operation as the gateway named it (client operation name, subgraph, step) or the root field. */
      operatie: text('operatie').notNull(),
      actorSub: text('actor_sub').notNull(),
      actorRol: text('actor_rol').notNull(),
      actorOrganisatie: text('actor_organisatie').notNull(),
      /** The purpose as stated in `X-Doel`, also when it was unknown (that is why it was refused). */
      doel: text('doel'),
      /** Null when nothing was disclosed. */
      grondslag: text('grondslag'),
      /** HMAC of the BSN under LOG_SUBJECT_KEY: the log finds a person's entries without holding BSNs. */
      betrokkene: text('betrokkene').notNull(),
      /** The highest level asked for: SIGNAAL, INHOUD or LOGBOEK. */
      niveau: text('niveau', { enum: NIVEAUS }).notNull(),
      resultaat: text('resultaat', { enum: RESULTATEN }).notNull(),
      /** The code of the first refusal (FORBIDDEN, GRONDSLAG_REQUIRED), when anything was refused. */
      weigering: text('weigering'),
    },
    (t) => [index('verwerking_betrokkene_tijdstip_idx').on(t.betrokkene, t.tijdstip)],
  );
}
export type VerwerkingTable = ReturnType<typeof verwerkingTable>;
export type VerwerkingRow = VerwerkingTable['$inferSelect'];

export const HANDELINGEN = ['LEZEN', 'SCHRIJVEN'] as const;
/** Access levels, lowest first: the order is the order of disclosure. */
export const NIVEAUS = ['SIGNAAL', 'INHOUD', 'LOGBOEK'] as const;
export type Niveau = (typeof NIVEAUS)[number];
export const RESULTATEN = ['TOEGESTAAN', 'GEDEELTELIJK', 'GEWEIGERD'] as const;

/** The keyed hash the log stores instead of a BSN; every subgraph uses the same key, so entries line up. */
export function subjectKey(key: Uint8Array, bsn: string): string {
  return createHmac('sha256', key).update(bsn).digest('base64url');
}

interface SubjectEntry {
  niveau: Niveau;
  handeling: (typeof HANDELINGEN)[number];
  allowed: boolean;
  refused: boolean;
  weigering: string | null;
  grondslag: Grondslag | null;
  /** Level of the disclosure `grondslag` belongs to. */
  grondslagNiveau: number;
}

export interface Disclosure {
  bsns: readonly string[];
  niveau: Niveau;
  handeling?: (typeof HANDELINGEN)[number];
  /** The basis when allowed; the error code when refused. */
  outcome: { grondslag: Grondslag } | { weigering: string };
}

/**
 * What one subgraph fetch disclosed, per data subject. Resolvers record as they decide (in memory, cheap
 * per field); `flush` writes one multi-row INSERT at the end of the fetch, so the log never costs a write
 * per field or per record.
 */
export class ProcessingLog {
  private readonly subjects = new Map<string, SubjectEntry>();
  /** Set once the operation is parsed (the gateway names it: client operation, subgraph, step). */
  operation = 'onbekend';

  // The log records when the processing really happened: the wall clock, not a service's (test) clock.
  constructor(
    private readonly context: { actor: Actor; purpose: string | null; traceId: string; key: Uint8Array },
    private readonly store: LogStore,
  ) {}

  record(disclosure: Disclosure): void {
    const level = NIVEAUS.indexOf(disclosure.niveau);
    for (const bsn of new Set(disclosure.bsns)) {
      const entry = this.subjects.get(bsn) ?? this.fresh(disclosure);
      if (NIVEAUS.indexOf(entry.niveau) < level) entry.niveau = disclosure.niveau;
      if (disclosure.handeling === 'SCHRIJVEN') entry.handeling = 'SCHRIJVEN';
      if ('grondslag' in disclosure.outcome) {
        entry.allowed = true;
        if (level >= entry.grondslagNiveau) [entry.grondslag, entry.grondslagNiveau] = [disclosure.outcome.grondslag, level];
      } else {
        entry.refused = true;
        entry.weigering ??= disclosure.outcome.weigering;
      }
      this.subjects.set(bsn, entry);
    }
  }

  private fresh(disclosure: Disclosure): SubjectEntry {
    return { niveau: disclosure.niveau, handeling: disclosure.handeling ?? 'LEZEN', allowed: false, refused: false, weigering: null, grondslag: null, grondslagNiveau: -1 };
  }

  get size(): number {
    return this.subjects.size;
  }

  /** The rows for everything recorded since the last flush, and forgets them. */
  drain(): VerwerkingRow[] {
    const { actor, purpose, traceId, key } = this.context;
    const operation = this.operation;
    const tijdstip = new Date().toISOString();
    const rows = [...this.subjects].map(([bsn, e]): VerwerkingRow => ({
      id: randomUUID(),
      traceId,
      tijdstip,
      handeling: e.handeling,
      operatie: operation,
      actorSub: actor.sub,
      actorRol: actor.rol,
      actorOrganisatie: actor.organisatie,
      doel: purpose,
      grondslag: e.allowed ? e.grondslag : null,
      betrokkene: subjectKey(key, bsn),
      niveau: e.niveau,
      resultaat: e.allowed ? (e.refused ? 'GEDEELTELIJK' : 'TOEGESTAAN') : 'GEWEIGERD',
      weigering: e.weigering,
    }));
    this.subjects.clear();
    return rows;
  }

  /**
   * Writes everything recorded so far. Outside a transaction it joins the subgraph's group commit (one
   * INSERT per fetch at most, fewer under load); inside one (`tx`) it is written with the change it logs.
   */
  async flush(tx?: Database<Record<string, unknown>>): Promise<void> {
    const rows = this.drain();
    if (!rows.length) return;
    await (tx ? this.store.insert(tx, rows) : this.store.write(rows));
  }

  /** This subgraph's entries about one resident, newest first; `van` and `tot` are inclusive dates. */
  async read(bsn: string, van: string | null, tot: string | null): Promise<VerwerkingRow[]> {
    return this.store.read(subjectKey(this.context.key, bsn), van, tot);
  }
}

/**
 * Where a subgraph keeps its processing log. Writes are group-committed: while one INSERT is under way,
 * the fetches that finish meanwhile queue their rows, and the next INSERT takes them all. Every fetch still
 * waits until its own rows are stored before its response leaves, so nothing is disclosed unlogged.
 */
export class LogStore {
  private queue: { rows: VerwerkingRow[]; done: (error?: unknown) => void }[] = [];
  private writing = false;

  constructor(
    readonly db: Database<Record<string, unknown>>,
    readonly table: VerwerkingTable,
  ) {}

  write(rows: VerwerkingRow[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ rows, done: (error) => (error ? reject(error) : resolve()) });
      if (!this.writing) void this.writeQueued();
    });
  }

  private async writeQueued(): Promise<void> {
    this.writing = true;
    while (this.queue.length) {
      const batch = this.queue.splice(0);
      try {
        await this.insert(this.db, batch.flatMap((entry) => entry.rows));
        for (const entry of batch) entry.done();
      } catch (error) {
        for (const entry of batch) entry.done(error);
      }
    }
    this.writing = false;
  }

  /**
   * One statement, all rows as one JSON parameter: a drizzle insert with 13 parameters per row cost more
   * CPU to build than the insert took to run (measured with --cpu-prof; BENCHMARKS.md).
   */
  async insert(db: Database<Record<string, unknown>>, rows: readonly VerwerkingRow[]): Promise<void> {
    const { table } = this;
    const json = JSON.stringify(rows.map((row) => toColumns(table, row)));
    await db.execute(sql`insert into ${table} select * from json_populate_recordset(null::${table}, ${json})`);
  }

  async read(betrokkene: string, van: string | null, tot: string | null): Promise<VerwerkingRow[]> {
    const { table } = this;
    const conditions = [eq(table.betrokkene, betrokkene)];
    if (van) conditions.push(gte(table.tijdstip, `${van}T00:00:00Z`));
    if (tot) conditions.push(lt(table.tijdstip, `${addDays(tot, 1)}T00:00:00Z`));
    return await this.db.select().from(table).where(and(...conditions)).orderBy(desc(table.tijdstip));
  }
}

/** A row with the table's column names (snake_case) as keys, as `json_populate_recordset` reads it. */
function toColumns(table: VerwerkingTable, row: VerwerkingRow): Record<string, unknown> {
  const columns = getTableColumns(table);
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [columns[key as keyof VerwerkingRow].name, value]));
}

