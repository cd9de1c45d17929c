import { closeOnSignal, printStatsOnSignal, startMetrics } from '../subgraphs/kit/main';
import { prepareProcess } from '../subgraphs/kit/config';
import { logger } from '../subgraphs/kit/logger';
import { loadGatewayConfig } from './config';
import { createGateway, readSupergraph } from './server';

prepareProcess();
const config = loadGatewayConfig();
const gateway = createGateway({ supergraphSdl: readSupergraph(), subgraphUrls: config.subgraphUrls, development: config.development });
closeOnSignal(() => gateway.close()); // before listening: see kit/main.ts
printStatsOnSignal(gateway.stats);
const url = await gateway.listen(config.port, config.host);
await startMetrics(config.metrics);
logger.info({ url, subgraphs: config.subgraphUrls }, `LoketLink gateway ready at ${url}`);
