/**
 * `node --import tsx scripts/bench/unguarded-main.ts <gateway|subgraph name>`: one service of the
 * benchmark's baseline without authorization and logging (unguarded.ts); started by `npm run bench` only.
 */
import { createGateway, readSupergraph } from '../../gateway/server';
import { loadGatewayConfig } from '../../gateway/config';
import { disableTelemetry, SUBGRAPHS, type SubgraphName } from '../../subgraphs/kit/config';
import { closeOnSignal, printStatsOnSignal, runSubgraph } from '../../subgraphs/kit/main';
import { subgraphDefinitions } from '../../subgraphs/index';
import { unguardedCaller, unguardedGuard } from './unguarded';

disableTelemetry();
const service = process.argv[2] ?? '';
if (service === 'gateway') {
  const config = loadGatewayConfig();
  const gateway = createGateway({ supergraphSdl: readSupergraph(), subgraphUrls: config.subgraphUrls, caller: unguardedCaller });
  closeOnSignal(() => gateway.close());
  printStatsOnSignal(gateway.stats);
  console.log(`unguarded gateway ready at ${await gateway.listen(config.port, config.host)}`);
} else if ((SUBGRAPHS as readonly string[]).includes(service)) {
  await runSubgraph(subgraphDefinitions[service as SubgraphName], { guard: unguardedGuard });
} else {
  throw new Error(`usage: unguarded-main.ts gateway|${SUBGRAPHS.join('|')}`);
}
