/**
 * The benchmark's baseline: LoketLink with authorization and logging taken out, to measure what they cost
 * (issue 3: the household picture may cost at most 20% more with them than without).
 *
 * Taken out: token verification, the gateway's casus question and signature, every access decision, and
 * the processing log. Everything else is the production code path: the same supergraph, resolvers,
 * loaders and SQL. Only the benchmark (unguarded-main.ts) and the test that compares counts use it; no
 * service, script or setting reaches it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { GatewayContext } from '../../gateway/server';
import { DEMO_GEMEENTE } from '../../subgraphs/demo/generator';
import { AccessControl, type Decision } from '../../subgraphs/kit/auth/access';
import { ProcessingLog, type LogStore } from '../../subgraphs/kit/auth/log';
import type { SubgraphGuard } from '../../subgraphs/kit/auth/request';
import type { Actor } from '../../subgraphs/kit/auth/token';

/** The caller every request is taken to be: the page of households still filters on its gemeenten. */
const ACTOR: Actor = { sub: 'bench-unguarded', naam: 'Benchmark', rol: 'wijkteam-medewerker', organisatie: 'benchmark', gemeenten: [DEMO_GEMEENTE.code] };
const ALLOWED: Decision = { allowed: true, grondslag: 'WETTELIJKE_TAAK' };

/** Allows everything and records nothing, so the processing log stays empty and is never written. */
class Unrestricted extends AccessControl {
  override check(): Decision {
    return ALLOWED;
  }
  override requireLogboek(): boolean {
    return true;
  }
}

export function unguardedGuard(config: { subjectKey: Uint8Array }, store: LogStore): SubgraphGuard {
  const auth = { actor: ACTOR, purpose: null, traceId: '' };
  const access = () => new Unrestricted(auth, new ProcessingLog({ ...auth, key: config.subjectKey }, store));
  return { access, fromHeaders: async () => access(), fromRoute: async () => access(), plugin: () => ({}) };
}

/** No token, no casus question; without a caller's authorization the gateway signs nothing either. */
export async function unguardedCaller(_headers: IncomingHttpHeaders): Promise<GatewayContext> {
  return { actor: ACTOR, authorization: '', purpose: '', traceId: '' };
}
