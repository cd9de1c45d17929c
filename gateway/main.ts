import { closeOnSignal, printStatsOnSignal } from '../subgraphs/kit/main';
import { disableTelemetry } from '../subgraphs/kit/config';
import { loadGatewayConfig } from './config';
import { createGateway, readSupergraph } from './server';

disableTelemetry();
const config = loadGatewayConfig();
const gateway = createGateway({ supergraphSdl: readSupergraph(), subgraphUrls: config.subgraphUrls, development: config.development });
closeOnSignal(() => gateway.close()); // before listening: see kit/main.ts
printStatsOnSignal(gateway.stats);
const url = await gateway.listen(config.port, config.host);
console.log(`LoketLink gateway ready at ${url}`);
