import { startStandaloneServer } from '@apollo/server/standalone';
import { closeOnSignal } from '../subgraphs/kit/main';
import { disableTelemetry } from '../subgraphs/kit/config';
import { loadGatewayConfig } from './config';
import { createGateway, readSupergraph } from './server';

disableTelemetry();
const config = loadGatewayConfig();
const { server } = createGateway({ supergraphSdl: readSupergraph(), subgraphUrls: config.subgraphUrls, development: config.development });
closeOnSignal(() => server.stop()); // before listening: see kit/main.ts
const { url } = await startStandaloneServer(server, { listen: { port: config.port, host: config.host } });
console.log(`LoketLink gateway ready at ${url}`);
