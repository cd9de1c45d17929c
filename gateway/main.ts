import { closeOnSignal, printStatsOnSignal, startMetrics } from '../subgraphs/kit/main';
import { prepareProcess } from '../subgraphs/kit/config';
import { logger } from '../subgraphs/kit/logger';
import { DEMO_GEMEENTE } from '../subgraphs/demo/generator';
import { loadAuthConfig } from '../subgraphs/kit/auth/config';
import { startTelemetry } from '../subgraphs/kit/telemetry';
import { loadGatewayConfig } from './config';
import { developmentRoles } from './explorer';
import { createGateway, readSupergraph } from './server';

prepareProcess();
const config = loadGatewayConfig();
await startTelemetry('loketlink-gateway');
// In development the explorer offers a token per role for the demo gemeente (npm start's banner has them too).
const explorer = config.development ? { roles: await developmentRoles(loadAuthConfig(), { gemeenten: [DEMO_GEMEENTE.code] }) } : undefined;
const gateway = createGateway({ supergraphSdl: readSupergraph(), subgraphUrls: config.subgraphUrls, development: config.development, door: config.door, explorer, oidc: config.oidc });
closeOnSignal(() => gateway.close()); // before listening: see kit/main.ts
printStatsOnSignal(gateway.stats);
const url = await gateway.listen(config.port, config.host);
await startMetrics(config.metrics);
logger.info({ url, subgraphs: config.subgraphUrls }, `LoketLink gateway ready at ${url}`);
