/**
 * docker/postgres-init.sh run for real, against the Postgres server CI has (DATABASE_URL): one role and one
 * database per subgraph, each role owning its own database and unable to connect to another's. Runs only
 * where a Postgres server is configured; under a prefix, so it never touches a real deployment's names.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '../subgraphs/kit/config';

// Set and not empty (CI's PGlite run sets it empty).
const SERVER = process.env.DATABASE_URL || undefined;
const SCRIPT = fileURLToPath(new URL('../docker/postgres-init.sh', import.meta.url));
const prefix = `lltest_${randomBytes(3).toString('hex')}_`;

describe.runIf(SERVER)('docker/postgres-init.sh on a Postgres server', () => {
  const server = new URL(SERVER ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const as = (role: string, database: string) => {
    const url = new URL(server);
    url.username = role;
    url.password = `${role}-secret`;
    url.pathname = `/${database}`;
    return postgres(url.href, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  };
  const admin = as(decodeURIComponent(server.username) || 'postgres', 'postgres');

  beforeAll(() => {
    const passwords = Object.fromEntries(SUBGRAPHS.map((name) => [`${name.toUpperCase()}_DB_PASSWORD`, `${prefix}${name}-secret`]));
    execFileSync('sh', [SCRIPT], {
      env: {
        ...process.env,
        ...passwords,
        LOKETLINK_DB_PREFIX: prefix,
        POSTGRES_USER: decodeURIComponent(server.username) || 'postgres',
        PGHOST: server.hostname,
        PGPORT: server.port || '5432',
        PGPASSWORD: decodeURIComponent(server.password),
      },
      stdio: 'pipe',
    });
  });
  afterAll(async () => {
    for (const name of SUBGRAPHS) {
      await admin.unsafe(`drop database if exists "${prefix}${name}" with (force)`);
      await admin.unsafe(`drop role if exists "${prefix}${name}"`);
    }
    await admin.end();
  });

  it('gives every subgraph a role that owns its own database and can build its schema there', async () => {
    for (const name of SUBGRAPHS) {
      const own = as(`${prefix}${name}`, `${prefix}${name}`);
      try {
        const [row] = await own`select current_user as role, current_database() as db, pg_catalog.pg_get_userbyid(datdba) as owner from pg_database where datname = current_database()`;
        expect(row).toEqual({ role: `${prefix}${name}`, db: `${prefix}${name}`, owner: `${prefix}${name}` });
        await own.unsafe(`create schema ${name}; create table ${name}.probe (id int); drop schema ${name} cascade`);
      } finally {
        await own.end();
      }
    }
  });

  it('refuses every subgraph’s role a connection to another subgraph’s database', async () => {
    for (const name of SUBGRAPHS) {
      for (const other of SUBGRAPHS.filter((o) => o !== name)) {
        const foreign = as(`${prefix}${name}`, `${prefix}${other}`);
        try {
          await expect(foreign`select 1`).rejects.toThrow(/permission denied for database/);
        } finally {
          await foreign.end();
        }
      }
    }
  });
});
