import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm';
import type { Logger } from 'drizzle-orm/logger';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { ConfigError, type SubgraphName } from './config';
import type { ServiceStats } from './stats';

/** How drizzle writes an insert into a subgraph's processing log (kit/auth/log.ts). */
const PROCESSING_LOG_INSERT = /^\s*insert into "\w+"\."verwerking"/;

/**
 * Where a subgraph keeps its data: an embedded PGlite (the default, shared by the subgraphs that one
 * process hosts, each in its own Postgres schema) or a Postgres server reached with the `postgres` driver.
 */
export type Storage = { kind: 'pglite'; client: PGlite } | { kind: 'postgres'; url: string; poolMax?: number };

export type Database<S extends Record<string, unknown>> = PgDatabase<
  PgQueryResultHKT,
  S,
  ExtractTablesWithRelations<S>
>;

export interface OpenedDatabase<S extends Record<string, unknown>> {
  db: Database<S>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions<S extends Record<string, unknown>> {
  subgraph: SubgraphName;
  storage: Storage;
  /** The subgraph's drizzle tables and relations. */
  schema: S;
  /** Absolute path of the subgraph's committed drizzle-kit migrations. */
  migrationsFolder: string;
  stats: ServiceStats;
}

/**
 * Opens the subgraph's database and brings it to the newest migration. Migration bookkeeping lives in
 * `drizzle.<subgraph>_migrations`, so subgraphs that share one database never see each other's history.
 * Closing a shared PGlite is the job of whoever created it, not of one of its subgraphs.
 */
export async function openDatabase<S extends Record<string, unknown>>(
  options: OpenDatabaseOptions<S>,
): Promise<OpenedDatabase<S>> {
  const { storage, schema, stats } = options;
  const logger: Logger = {
    logQuery: (query) => void (PROCESSING_LOG_INSERT.test(query) ? stats.logInserts++ : stats.statements++),
  };
  const migrationConfig = {
    migrationsFolder: options.migrationsFolder,
    migrationsSchema: 'drizzle',
    migrationsTable: `${options.subgraph}_migrations`,
  };
  if (storage.kind === 'pglite') {
    const db = drizzlePglite({ client: storage.client, schema, logger });
    await serialized(storage.client, () => migratePglite(db, migrationConfig));
    return { db, close: async () => {} };
  }
  await migrateUnderLock(storage.url, options.subgraph, migrationConfig);
  // `onnotice` silenced: "schema already exists, skipping" notices are not news.
  const client = postgres(storage.url, { max: storage.poolMax ?? 10, onnotice: () => {} });
  const db = drizzlePostgres({ client, schema, logger });
  return { db, close: () => client.end({ timeout: 5 }) };
}

/** How long a readiness check waits for the database before it calls it unreachable. */
const READINESS_TIMEOUT_MS = 2_000;

/**
 * Ready: the database answers and holds every committed migration of this subgraph (its bookkeeping table
 * has a row per entry of drizzle-kit's journal). Asked fresh on every `GET /readyz`.
 */
export function databaseReadiness<S extends Record<string, unknown>>(db: Database<S>, subgraph: SubgraphName, migrationsFolder: string) {
  const expected = (JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;
  return async (): Promise<{ ready: boolean; database: string }> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), READINESS_TIMEOUT_MS)));
    try {
      const rows = await Promise.race([db.execute(sql.raw(`select count(*)::int as n from "drizzle"."${subgraph}_migrations"`)), timeout]);
      const applied = Number(rowsOf<{ n: number }>(rows)[0]?.n ?? 0);
      return applied >= expected ? { ready: true, database: 'migrated' } : { ready: false, database: `${applied} of ${expected} migrations applied` };
    } catch {
      return { ready: false, database: 'unreachable' };
    } finally {
      clearTimeout(timer);
    }
  };
}

/** Migrations on one embedded database run one at a time: PGlite has no advisory locks to lean on. */
const pgliteQueues = new WeakMap<PGlite, Promise<unknown>>();
function serialized<T>(client: PGlite, work: () => Promise<T>): Promise<T> {
  const run = (pgliteQueues.get(client) ?? Promise.resolve()).catch(() => {}).then(work);
  pgliteQueues.set(client, run);
  return run;
}

/**
 * Replicas of one subgraph may start at the same moment against one database; a session advisory lock on
 * a connection of its own lets exactly one of them migrate while the others wait and then find nothing to do.
 */
async function migrateUnderLock(url: string, subgraph: SubgraphName, config: Parameters<typeof migratePostgres>[1]) {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(hashtext(${`loketlink:migrate:${subgraph}`}))`;
    await migratePostgres(drizzlePostgres({ client }), config);
  } finally {
    await client.end(); // ending the session releases the lock, also after a failed migration
  }
}

/** An embedded Postgres; with a directory it keeps its data there across restarts, without one it is in memory. */
export async function openPglite(dataDir?: string): Promise<PGlite> {
  if (!dataDir) return PGlite.create();
  mkdirSync(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  const client = await PGlite.create(dataDir);
  // Closing the store lets the next process open the directory (the lock goes with it).
  const close = client.close.bind(client);
  client.close = async () => {
    await close();
    release();
  };
  return client;
}

/**
 * One process per data directory: PGlite is Postgres for one process, and a second one opening the same
 * files would corrupt them. The lock is a file with the holder's pid; a holder that is gone (killed) leaves
 * a stale one, which the next start takes over.
 */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, 'loketlink.pid');
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const holder = Number(readFileSync(file, 'utf8'));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new ConfigError(`the data directory ${dir} is in use by process ${holder} (another npm start?): stop that one, or set LOKETLINK_DATA_DIR to another directory`);
    }
    writeFileSync(file, String(process.pid));
  }
  const release = () => {
    try {
      if (readFileSync(file, 'utf8') === String(process.pid)) rmSync(file, { force: true });
    } catch {
      // the directory is gone already
    }
  };
  process.once('exit', release);
  return release;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The storage for a subgraph's config: its Postgres URL, or else a PGlite in `<dataDir>/<name>`. */
export async function storageFor(config: {
  name: SubgraphName;
  databaseUrl: string | undefined;
  dataDir: string;
  poolMax: number;
}): Promise<Storage> {
  if (config.databaseUrl) return { kind: 'postgres', url: config.databaseUrl, poolMax: config.poolMax };
  return { kind: 'pglite', client: await openPglite(`${config.dataDir}/${config.name}`) };
}

/** The rows of a raw statement's result: postgres.js gives an array, PGlite an object with `rows`. */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

/** Runs a raw `select` (an aggregate drizzle's builders do not express) and returns its rows. */
export async function selectRows<T>(db: Database<Record<string, unknown>>, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}
