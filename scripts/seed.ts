/**
 * `npm run seed -- --households N --seed S [--reset]`: writes a deterministic demo gemeente into every
 * subgraph's store (the same stores `npm start` uses). A store that already holds data is left alone
 * unless `--reset` is given, which drops that subgraph's schema and migrates it afresh.
 */
import { parseArgs } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { MAX_DEMO_HOUSEHOLDS } from '../subgraphs/demo/generator';
import { prepareProcess, loadSubgraphConfig, SUBGRAPHS } from '../subgraphs/kit/config';
import { openDatabase, openPglite, type Storage } from '../subgraphs/kit/database';
import { seedSubgraph } from '../subgraphs/kit/seed';
import { ServiceStats } from '../subgraphs/kit/stats';
import { subgraphDefinitions } from '../subgraphs/index';

prepareProcess();
const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '500' },
    seed: { type: 'string', default: '1' },
    reset: { type: 'boolean', default: false },
  },
});
const households = Number(values.households);
const seed = Number(values.seed);
if (!Number.isInteger(households) || households < 1 || households > MAX_DEMO_HOUSEHOLDS) {
  throw new Error(`--households must be a whole number from 1 to ${MAX_DEMO_HOUSEHOLDS} (the synthetic BSN range limits the size)`);
}
if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');

let shared: PGlite | undefined;
const started = Date.now();
for (const name of SUBGRAPHS) {
  const config = loadSubgraphConfig(name);
  shared ??= config.databaseUrl ? undefined : await openPglite(`${config.dataDir}/loketlink`);
  const storage: Storage = config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl, poolMax: 2 }
    : { kind: 'pglite', client: shared! };
  const definition = subgraphDefinitions[name];
  const open = () => openDatabase({ subgraph: name, storage, schema: definition.tables, migrationsFolder: definition.migrationsFolder, stats: new ServiceStats() });
  let opened = await open();
  if (values.reset) {
    await opened.db.execute(sql.raw(`DROP SCHEMA IF EXISTS "${name}" CASCADE`));
    await opened.db.execute(sql.raw(`DROP TABLE IF EXISTS drizzle."${name}_migrations"`));
    await opened.close();
    opened = await open();
  }
  if (!(await definition.isEmpty(opened.db))) {
    console.log(`${name}: already holds data; left alone (use --reset to replace it)`);
  } else {
    const t0 = Date.now();
    await seedSubgraph(definition, opened.db, { households, seed });
    console.log(`${name}: seeded ${households} households in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  await opened.close();
}
await shared?.close();
console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
