/**
 * `npm run start:gateway:hive`: the same supergraph on Hive Gateway (MIT), the open-licence alternative to
 * `@apollo/gateway` (Elastic License 2.0). It runs unchanged on our Federation 2 supergraph; LoketLink adds
 * one plugin that does what our own gateway does: verify the caller's token (401 without), and forward the
 * token, the purpose and a trace id to every subgraph, signed with the gateway credential. The same
 * configuration (gateway/config.ts, kit/auth/config.ts) applies.
 *
 * Hive Gateway is a dev dependency: the benchmark runs it side by side with ours. To deploy it, move
 * `@graphql-hive/gateway` to dependencies.
 */
import { createServer } from 'node:http';
import { loadAuthConfig } from '../subgraphs/kit/auth/config';
import { prepareProcess } from '../subgraphs/kit/config';
import { closeOnSignal, startMetrics } from '../subgraphs/kit/main';
import { logger } from '../subgraphs/kit/logger';
import { startTelemetry } from '../subgraphs/kit/telemetry';
import { loadGatewayConfig } from './config';
import { DEMO_GEMEENTE } from '../subgraphs/demo/generator';
import { serveApp } from './app';
import { developmentRoles } from './explorer';
import { createHiveServer } from './hive-runtime';

prepareProcess();
const config = loadGatewayConfig();
await startTelemetry('loketlink-hive-gateway');
const auth = loadAuthConfig();
const explorer = config.development ? { roles: await developmentRoles(auth, { gemeenten: [DEMO_GEMEENTE.code] }) } : undefined;
// HIVE_ROUTER_RUNTIME=true: the Rust query planner, as Hive's own command line reads the same variable.
const routerRuntime = /^(1|true|yes)$/i.test(process.env.HIVE_ROUTER_RUNTIME ?? '');
const hive = await createHiveServer({ auth, subgraphUrls: config.subgraphUrls, development: config.development, door: config.door, explorer, routerRuntime });
// The web application on the same origin, as beside our own gateway (app.ts).
const app = { roles: explorer?.roles, oidc: config.oidc };
const server = createServer((req, res) => {
  if (!serveApp(req, res, app)) void hive.handler(req, res);
});
closeOnSignal(async () => {
  server.close();
  await hive.dispose();
});
server.listen(config.port, config.host, () => logger.info(`LoketLink Hive Gateway${routerRuntime ? ' (Rust query planner)' : ''} ready at http://${config.host}:${config.port}/graphql`));
await startMetrics(config.metrics);
