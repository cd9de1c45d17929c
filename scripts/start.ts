/**
 * `npm start`: the hub in one process on embedded storage (one PGlite under `.data/loketlink`, each
 * subgraph in its own Postgres schema) unless a database URL is configured. The first start seeds a demo
 * gemeente. Prints the gateway URL and an example household to query.
 */
import type { PGlite } from '@electric-sql/pglite';
import { loadGatewayConfig } from '../gateway/config';
import { DEMO_GEMEENTE, findExampleHuishouden } from '../subgraphs/demo/generator';
import { loadAuthConfig } from '../subgraphs/kit/auth/config';
import { prepareProcess, loadDemoConfig, loadSubgraphConfig, SUBGRAPHS, type SubgraphName } from '../subgraphs/kit/config';
import { openPglite, type Storage } from '../subgraphs/kit/database';
import { closeOnSignal, startMetrics } from '../subgraphs/kit/main';
import { developmentRoles, type ExplorerRole } from '../gateway/explorer';
import { logger } from '../subgraphs/kit/logger';
import { startTelemetry } from '../subgraphs/kit/telemetry';
import { ensureAppBuilt } from '../app/build';
import { startHub } from './hub';

prepareProcess();
const demo = loadDemoConfig();
const gatewayConfig = loadGatewayConfig();
await startTelemetry('loketlink');
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

// The explorer's and the banner's tokens: the wijkteam member is the regisseur of the example household's
// casus (its Grondslag covers WMO and CJG, not WERKPLEIN); the resident is its oldest member.
const example = findExampleHuishouden({ households: demo.households, seed: demo.seed });
const roles = gatewayConfig.development
  ? await developmentRoles(loadAuthConfig(), { gemeenten: [DEMO_GEMEENTE.code], regisseur: example?.wijkteam?.casus.regisseur, inwonerBsn: example?.leden[0]?.bsn })
  : [];

// The web application is built here when its sources are newer than its build: no separate command, no postinstall.
await ensureAppBuilt((line) => logger.info(line));
hub = await startHub({
  storage,
  ports,
  host: gatewayConfig.host,
  demo: { households: demo.households, seed: demo.seed },
  development: gatewayConfig.development,
  explorer: gatewayConfig.development ? { roles, huishoudenId: example?.id } : undefined,
  oidc: gatewayConfig.oidc,
  log: (line) => logger.info(line),
});
await startMetrics(gatewayConfig.metrics);
console.log(`
LoketLink gateway ready at ${hub.gatewayUrl}
Web application: ${new URL('/app/', hub.gatewayUrl).href}${gatewayConfig.development ? ' (sign in with a development role)' : ''}
Example household: ${example?.id ?? '(none: DEMO_HOUSEHOLDS is too small)'}`);
if (gatewayConfig.development) console.log(developmentTokens(hub.gatewayUrl, roles, example?.id));

/** One ready-made token per role, valid for 8 hours, and a curl to start with; the explorer has them too. */
function developmentTokens(url: string, roles: ExplorerRole[], exampleId: string | undefined): string {
  const lines = ['', `Explorer: open ${url} in a browser and pick a role. Development tokens (8 hours), each with the X-Doel to send:`];
  for (const { rol, doel, token, label } of roles) lines.push(`  ${rol}  X-Doel: ${doel}${label ? `  (${label})` : ''}`, `    ${token}`);
  const wijkteamToken = roles.find((r) => r.rol === 'wijkteam-medewerker')?.token ?? '';
  lines.push(
    '',
    `  curl -s ${url} -H 'content-type: application/json' \\`,
    `    -H 'authorization: Bearer ${wijkteamToken}' -H 'x-doel: integrale-aanpak' \\`,
    `    -d '{"query":"{ huishouden(id: \\"${exampleId ?? ''}\\") { adres { adresregel1 } leden { naam { volledigeNaam } } betrokkenheid { loket status } } }"}'`,
    '',
  );
  return lines.join('\n');
}
