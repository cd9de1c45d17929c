/**
 * `npm start`: the hub in one process on embedded storage (one PGlite under `.data/loketlink`, each
 * subgraph in its own Postgres schema) unless a database URL is configured. The first start seeds a demo
 * gemeente. Prints the gateway URL and an example household to query.
 */
import type { PGlite } from '@electric-sql/pglite';
import { loadGatewayConfig } from '../gateway/config';
import { findExampleHuishouden } from '../subgraphs/demo/generator';
import { disableTelemetry, loadDemoConfig, loadSubgraphConfig, SUBGRAPHS, type SubgraphName } from '../subgraphs/kit/config';
import { openPglite, type Storage } from '../subgraphs/kit/database';
import { closeOnSignal } from '../subgraphs/kit/main';
import { startHub } from './hub';

disableTelemetry();
const demo = loadDemoConfig();
const gatewayConfig = loadGatewayConfig();
const configs = Object.fromEntries(SUBGRAPHS.map((name) => [name, loadSubgraphConfig(name)])) as Record<
  SubgraphName,
  ReturnType<typeof loadSubgraphConfig>
>;

let shared: PGlite | undefined;
async function storage(name: SubgraphName): Promise<Storage> {
  const config = configs[name];
  if (config.databaseUrl) return { kind: 'postgres', url: config.databaseUrl, poolMax: config.poolMax };
  shared ??= await openPglite(`${config.dataDir}/loketlink`);
  return { kind: 'pglite', client: shared };
}

const ports = { gateway: gatewayConfig.port } as Record<SubgraphName | 'gateway', number>;
for (const name of SUBGRAPHS) ports[name] = configs[name].port;

// Registered before anything starts: see kit/main.ts.
let hub: Awaited<ReturnType<typeof startHub>> | undefined;
closeOnSignal(async () => {
  await hub?.close();
  await shared?.close();
});

hub = await startHub({
  storage,
  ports,
  host: gatewayConfig.host,
  demo: { households: demo.households, seed: demo.seed },
  development: gatewayConfig.development,
  log: console.log,
});
const example = findExampleHuishouden({ households: demo.households, seed: demo.seed });
console.log(`
LoketLink gateway ready at ${hub.gatewayUrl}
Example household: ${example?.id ?? '(none: DEMO_HOUSEHOLDS is too small)'}

  curl -s ${hub.gatewayUrl} -H 'content-type: application/json' \\
    -d '{"query":"{ huishouden(id: \\"${example?.id ?? ''}\\") { adres { adresregel1 } leden { naam { volledigeNaam } } betrokkenheid { loket status } } }"}'
`);
