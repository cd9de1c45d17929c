import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStorage, type TestStorage } from '../../test/support/storage';
import { wmoSubgraph } from '../wmo/server';
import { openDatabase } from './database';
import { ServiceStats } from './stats';

describe('openDatabase', () => {
  let storage: TestStorage;
  beforeAll(async () => {
    storage = await createTestStorage();
  });
  afterAll(() => storage?.close());

  const open = () =>
    openDatabase({
      subgraph: 'wmo',
      storage: storage.storage(),
      schema: wmoSubgraph.tables,
      migrationsFolder: wmoSubgraph.migrationsFolder,
      stats: new ServiceStats(),
    });

  it('lets replicas that start together migrate one database without tripping over each other', async () => {
    const opened = await Promise.all([open(), open(), open()]);
    for (const { db } of opened) expect(await wmoSubgraph.isEmpty(db)).toBe(true);
    await Promise.all(opened.map((o) => o.close()));
  });

  it('counts every SQL statement a subgraph issues', async () => {
    const stats = new ServiceStats();
    const { db, close } = await openDatabase({ subgraph: 'wmo', storage: storage.storage(), schema: wmoSubgraph.tables, migrationsFolder: wmoSubgraph.migrationsFolder, stats });
    stats.reset();
    await wmoSubgraph.isEmpty(db);
    await db.query.dossier.findMany({ with: { contactmomenten: true, meldingen: true } });
    expect(stats.statements).toBe(2);
    await close();
  });
});
