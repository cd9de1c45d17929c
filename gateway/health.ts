import type { Readiness } from '../subgraphs/kit/http';

const SUBGRAPH_CHECK_MS = 2_000;

/**
 * The gateway's `GET /readyz`: ready once its supergraph is loaded, with each subgraph's own readiness
 * listed (`ready`, `not ready`, `unreachable`), asked fresh. A gateway whose subgraphs are down still
 * answers (with those fields null and SUBGRAPH_UNAVAILABLE), so it stays ready; `status` says `degraded`
 * then, for the operator.
 */
export function gatewayReadiness(loaded: () => boolean, subgraphUrls: () => Record<string, string>) {
  return async (): Promise<Readiness> => {
    if (!loaded()) return { ready: false, supergraph: 'not loaded' };
    const entries = await Promise.all(
      Object.entries(subgraphUrls()).map(async ([name, url]) => {
        try {
          const response = await fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(SUBGRAPH_CHECK_MS) });
          return [name, response.ok ? 'ready' : 'not ready'] as const;
        } catch {
          return [name, 'unreachable'] as const;
        }
      }),
    );
    const subgraphs = Object.fromEntries(entries);
    return { ready: true, supergraph: 'loaded', subgraphs, ...(entries.every(([, s]) => s === 'ready') ? {} : { degraded: true }) };
  };
}
