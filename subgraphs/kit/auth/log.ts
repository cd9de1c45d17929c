import { createHmac } from 'node:crypto';
import { and, desc, eq, gte, lt, sql, type Query } from 'drizzle-orm';
import { index, PgDialect, text, timestamp, uuid, type PgSchema } from 'drizzle-orm/pg-core';
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
/** AGGREGAAT: a policy figure's computation or read, about no one (its `betrokkene` is `GEEN_BETROKKENE`). */
export const NIVEAUS = ['SIGNAAL', 'INHOUD', 'LOGBOEK', 'AGGREGAAT'] as const;
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

/** One data subject's entry of a fetch: what differs per subject. */
export interface LogEntry {
  betrokkene: string;
  handeling: (typeof HANDELINGEN)[number];
  niveau: Niveau;
  resultaat: (typeof RESULTATEN)[number];
  grondslag: Grondslag | null;
  weigering: string | null;
}

/**
 * What one fetch writes to the log: what is the same for all its entries once, and one short entry per data
 * subject. The keys are the table's column names, as the INSERT reads them (`LogStore.insert`).
 */
export interface LogWrite {
  trace_id: string;
  tijdstip: string;
  operatie: string;
  actor_sub: string;
  actor_rol: string;
  actor_organisatie: string;
  doel: string | null;
  entries: LogEntry[];
}

/** The `betrokkene` of an entry about no one: never an HMAC of a BSN (those are base64url of 32 bytes). */
export const GEEN_BETROKKENE = 'geen';

function aggregaatEntry(outcome: Disclosure['outcome']): LogEntry {
  const allowed = 'grondslag' in outcome;
  return {
    betrokkene: GEEN_BETROKKENE,
    handeling: 'LEZEN',
    niveau: 'AGGREGAAT',
    resultaat: allowed ? 'TOEGESTAAN' : 'GEWEIGERD',
    grondslag: allowed ? outcome.grondslag : null,
    weigering: allowed ? null : outcome.weigering,
  };
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

  /** A processing of aggregates: one entry about no data subject (the policy figures, docs/beleid.md). */
  recordAggregaat(outcome: Disclosure['outcome']): void {
    this.aggregaat = outcome;
  }
  private aggregaat: Disclosure['outcome'] | undefined;

  /** Everything recorded since the last flush, as one `LogWrite` (null when nothing), and forgets it. */
  drain(): LogWrite | null {
    if (!this.subjects.size && !this.aggregaat) return null;
    const { actor, purpose, traceId, key } = this.context;
    const aggregaat = this.aggregaat ? [aggregaatEntry(this.aggregaat)] : [];
    this.aggregaat = undefined;
    const entries = [...aggregaat, ...[...this.subjects].map(([bsn, e]): LogEntry => ({
      betrokkene: subjectKey(key, bsn),
      handeling: e.handeling,
      niveau: e.niveau,
      resultaat: e.allowed ? (e.refused ? 'GEDEELTELIJK' : 'TOEGESTAAN') : 'GEWEIGERD',
      grondslag: e.allowed ? e.grondslag : null,
      weigering: e.weigering,
    }))];
    this.subjects.clear();
    return {
      trace_id: traceId,
      tijdstip: new Date().toISOString(),
      operatie: this.operation,
      actor_sub: actor.sub,
      actor_rol: actor.rol,
      actor_organisatie: actor.organisatie,
      doel: purpose,
      entries,
    };
  }

  /**
   * Writes everything recorded so far. Outside a transaction it joins the subgraph's group commit (one
   * INSERT per fetch at most, fewer under load); inside one (`tx`) it is written with the change it logs.
   */
  async flush(tx?: Database<Record<string, unknown>>): Promise<void> {
    const write = this.drain();
    if (!write) return;
    await (tx ? this.store.insert(tx, [write]) : this.store.write(write));
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
  private queue: { write: LogWrite; done: (error?: unknown) => void }[] = [];
  private writing = false;

  private readonly insertQuery: Query;

  constructor(
    readonly db: Database<Record<string, unknown>>,
    readonly table: VerwerkingTable,
  ) {
    this.insertQuery = new PgDialect().sqlToQuery(sql`
      insert into ${table} (id, trace_id, tijdstip, operatie, actor_sub, actor_rol, actor_organisatie, doel,
                            betrokkene, handeling, niveau, resultaat, grondslag, weigering)
      select gen_random_uuid(), f.trace_id, f.tijdstip, f.operatie, f.actor_sub, f.actor_rol, f.actor_organisatie, f.doel,
             e.betrokkene, e.handeling, e.niveau, e.resultaat, e.grondslag, e.weigering
      from json_to_recordset(${sql.placeholder('writes')}::json) as f(trace_id text, tijdstip timestamptz, operatie text,
             actor_sub text, actor_rol text, actor_organisatie text, doel text, entries json)
      cross join lateral json_to_recordset(f.entries) as e(betrokkene text, handeling text, niveau text, resultaat text,
             grondslag text, weigering text)`);
  }

  write(write: LogWrite): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ write, done: (error) => (error ? reject(error) : resolve()) });
      if (!this.writing) void this.writeQueued();
    });
  }

  private async writeQueued(): Promise<void> {
    this.writing = true;
    while (this.queue.length) {
      const batch = this.queue.splice(0);
      try {
        await this.insert(this.db, batch.map((entry) => entry.write));
        for (const entry of batch) entry.done();
      } catch (error) {
        for (const entry of batch) entry.done(error);
      }
    }
    this.writing = false;
  }

  /**
   * One statement for any number of fetches, all of them as one JSON parameter: what a fetch shares is sent
   * once, each subject adds a short entry, and the database makes the ids. A drizzle insert with 13
   * parameters per row cost more CPU to build than the insert took to run, and a row per subject in JSON
   * sent every actor and trace field again (both measured; BENCHMARKS.md). Prepared: its text never
   * changes, and planning it anew cost the server about as much as running it (BENCHMARKS.md).
   */
  async insert(db: Database<Record<string, unknown>>, writes: readonly LogWrite[]): Promise<void> {
    // drizzle prepares only its query builders; a raw statement goes through the session, as they do.
    await db._.session.prepareQuery(this.insertQuery, undefined, 'verwerking_insert', false).execute({ writes: JSON.stringify(writes) });
  }

  async read(betrokkene: string, van: string | null, tot: string | null): Promise<VerwerkingRow[]> {
    const { table } = this;
    const conditions = [eq(table.betrokkene, betrokkene)];
    if (van) conditions.push(gte(table.tijdstip, `${van}T00:00:00Z`));
    if (tot) conditions.push(lt(table.tijdstip, `${addDays(tot, 1)}T00:00:00Z`));
    return await this.db.select().from(table).where(and(...conditions)).orderBy(desc(table.tijdstip));
  }
}

