/**
 * `node --import tsx scripts/bench/unguarded.ts <gateway|subgraph name>`: one service of the benchmark's
 * baseline, LoketLink with authorization and logging taken out, to measure what they cost (issue 3: the
 * household picture may cost at most 20% more with them than without).
 *
 * Taken out: token verification, the gateway's casus question and signature, every access decision, and
 * the processing log. Everything else is the production code path: the same supergraph, resolvers,
 * loaders and SQL. Only the benchmark starts this file; no service, script or setting reaches it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { createGateway, readSupergraph } from '../../gateway/server';
import { loadGatewayConfig } from '../../gateway/config';
import { AccessControl, type Decision } from '../../subgraphs/kit/auth/access';
import { ProcessingLog, type LogStore } from '../../subgraphs/kit/auth/log';
import type { SubgraphGuard } from '../../subgraphs/kit/auth/request';
import type { Actor } from '../../subgraphs/kit/auth/token';
import { disableTelemetry, SUBGRAPHS, type SubgraphName } from '../../subgraphs/kit/config';
import { closeOnSignal, printStatsOnSignal, runSubgraph } from '../../subgraphs/kit/main';
import { subgraphDefinitions } from '../../subgraphs/index';

/** The caller every request is taken to be: the page of households still filters on its gemeenten. */
const ACTOR: Actor = { sub: 'bench-unguarded', naam: 'Benchmark', rol: 'wijkteam-medewerker', organisatie: 'benchmark', gemeenten: ['GM9999'] };
const ALLOWED: Decision = { allowed: true, grondslag: 'WETTELIJKE_TAAK' };

/** Allows everything and records nothing, so the processing log stays empty and is never written. */
class Unrestricted extends AccessControl {
  override check(): Decision {
    return ALLOWED;
  }
  override requireLogboek(): void {}
}

function unguarded(config: { subjectKey: Uint8Array }, store: LogStore): SubgraphGuard {
  const auth = { actor: ACTOR, purpose: null, traceId: '' };
  const access = () => new Unrestricted(auth, new ProcessingLog({ ...auth, key: config.subjectKey }, store));
  return { access, fromHeaders: async () => access(), plugin: () => ({}) };
}

/** No token, no casus question; without a caller's authorization the gateway signs nothing either. */
async function unguardedCaller(_headers: IncomingHttpHeaders) {
  return { actor: ACTOR, authorization: '', purpose: '', traceId: '' };
}

disableTelemetry();
const service = process.argv[2] ?? '';
if (service === 'gateway') {
  const config = loadGatewayConfig();
  const gateway = createGateway({ supergraphSdl: readSupergraph(), subgraphUrls: config.subgraphUrls, caller: unguardedCaller });
  closeOnSignal(() => gateway.server.stop());
  printStatsOnSignal(gateway.stats);
  console.log(`unguarded gateway ready at ${await gateway.listen(config.port, config.host)}`);
} else if ((SUBGRAPHS as readonly string[]).includes(service)) {
  await runSubgraph(subgraphDefinitions[service as SubgraphName], { guard: unguarded });
} else {
  throw new Error(`usage: unguarded.ts gateway|${SUBGRAPHS.join('|')}`);
}
