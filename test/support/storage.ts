import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { openPglite, type Storage } from '../../subgraphs/kit/database';

export interface TestStorage {
  kind: 'pglite' | 'postgres';
  storage(): Storage;
  close(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: an in-memory PGlite by default, or a throwaway database on the
 * Postgres server named by `DATABASE_URL` (dropped afterwards). Subgraphs share it, each in its own schema,
 * exactly as they share the embedded store under `npm start`.
 */
export async function createTestStorage(): Promise<TestStorage> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const client = await openPglite();
    return { kind: 'pglite', storage: () => ({ kind: 'pglite', client }), close: () => client.close() };
  }
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const name = `loketlink_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  return {
    kind: 'postgres',
    storage: () => ({ kind: 'postgres', url: testUrl.toString(), poolMax: 4 }),
    async close() {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
