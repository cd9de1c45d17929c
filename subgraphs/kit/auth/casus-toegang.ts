import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors';
import type { CasusToegang } from './access';
import { signedHeaders } from './gateway-credential';

const QUERY = 'query CasusToegang { casusToegang { huishoudenId casusId grondslagen { domein soort } } }';

/**
 * Which households' content a wijkteam member may see through a casus. Only the wijkteam subgraph knows
 * (it keeps the casus, its team and the Grondslag register), so a gateway asks it once per request of a
 * wijkteam member, before executing the plan, and passes the answer to every subgraph in a header that its
 * signature covers; each loket then decides INHOUD itself. Asked fresh on every request: a Grondslag
 * registered or revoked counts from the next one. Nobody else has casus access, so for them it costs nothing.
 *
 * Why not `@requires` in the supergraph: the merged contact list requires the lokets' lists, which would then
 * require this answer. Hive Gateway (the MIT route) cannot plan such a chain, and @apollo/gateway needed a
 * fourth plan stage for it. Why not each loket asking: three requests to the wijkteam per household picture
 * instead of one (measured in BENCHMARKS.md).
 */
export async function fetchCasusToegang(options: {
  url: string;
  secret: Uint8Array;
  caller: { authorization: string; purpose: string; traceId: string };
}): Promise<string> {
  const headers = signedHeaders(options.secret, { ...options.caller, query: QUERY, variables: {} });
  try {
    const response = await fetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: QUERY, variables: {} }),
    });
    const body = (await response.json()) as { data?: { casusToegang: CasusToegang[] } };
    if (!response.ok || !body.data) throw new Error(`HTTP ${response.status}`);
    return JSON.stringify(body.data.casusToegang);
  } catch {
    throw new GraphQLError('The wijkteam service is unavailable, so access through a casus cannot be checked', {
      extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, service: 'wijkteam', http: { status: 503 } },
    });
  }
}

/** The header's value, by household; a subgraph reads it only after checking the gateway's signature. */
export function parseCasusToegang(header: string): ReadonlyMap<string, CasusToegang> {
  if (!header) return new Map();
  return new Map((JSON.parse(header) as CasusToegang[]).map((t) => [t.huishoudenId, t]));
}
