/**
 * `npm start`: the hub in one process on embedded storage (one PGlite under `.data/loketlink`, each
 * subgraph in its own Postgres schema) unless a database URL is configured. The first start seeds a demo
 * gemeente. Prints the gateway URL and an example household to query.
 */
import type { PGlite } from '@electric-sql/pglite';
import { loadGatewayConfig } from '../gateway/config';
import { DEMO_GEMEENTE, findExampleHuishouden } from '../subgraphs/demo/generator';
import type { DemoHuishouden } from '../subgraphs/demo/types';
import { loadAuthConfig } from '../subgraphs/kit/auth/config';
import { ROLLEN } from '../subgraphs/kit/auth/roles';
import { prepareProcess, loadDemoConfig, loadSubgraphConfig, SUBGRAPHS, type SubgraphName } from '../subgraphs/kit/config';
import { openPglite, type Storage } from '../subgraphs/kit/database';
import { closeOnSignal, startMetrics } from '../subgraphs/kit/main';
import { startHub } from './hub';
import { developmentToken } from './token';

prepareProcess();
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
await startMetrics(gatewayConfig.metrics);
const example = findExampleHuishouden({ households: demo.households, seed: demo.seed });
console.log(`
LoketLink gateway ready at ${hub.gatewayUrl}
Example household: ${example?.id ?? '(none: DEMO_HOUSEHOLDS is too small)'}`);
if (gatewayConfig.development) console.log(await developmentTokens(hub.gatewayUrl, example));

/**
 * One ready-made token per role, valid for 8 hours. The wijkteam member is the regisseur of the example
 * household's casus, whose Grondslag covers WMO and CJG but not WERKPLEIN; the resident is its oldest member.
 */
async function developmentTokens(url: string, example: DemoHuishouden | undefined): Promise<string> {
  const auth = loadAuthConfig();
  const gemeenten = [DEMO_GEMEENTE.code];
  const regisseur = example?.wijkteam?.casus.regisseur;
  const lines = ['', 'Development tokens (8 hours), each with the X-Doel to send:'];
  let wijkteamToken = '';
  for (const rol of ROLLEN) {
    const persoon = rol === 'wijkteam-medewerker' && regisseur ? { sub: regisseur.sub, naam: regisseur.naam } : {};
    const bsn = rol === 'inwoner' ? example?.leden[0]?.bsn : undefined;
    if (rol === 'inwoner' && !bsn) continue;
    const { token, doel } = await developmentToken(auth, { rol, gemeenten, bsn, ...persoon });
    if (rol === 'wijkteam-medewerker') wijkteamToken = token;
    const who = persoon.naam ? '  (the regisseur of the example casus)' : bsn ? '  (the oldest member of the example household)' : '';
    lines.push(`  ${rol}  X-Doel: ${doel}${who}`, `    ${token}`);
  }
  lines.push(
    '',
    `  curl -s ${url} -H 'content-type: application/json' \\`,
    `    -H 'authorization: Bearer ${wijkteamToken}' -H 'x-doel: integrale-aanpak' \\`,
    `    -d '{"query":"{ huishouden(id: \\"${example?.id ?? ''}\\") { adres { adresregel1 } leden { naam { volledigeNaam } } betrokkenheid { loket status } } }"}'`,
    '',
  );
  return lines.join('\n');
}
