/**
 * Where a resident lives, as the brp knows it: the question a loket asks before it writes about a
 * resident it does not know yet (a melding, a contact moment, a verwijzing), so that its new dossier
 * hangs on the household the BRP registers and belongs to the gemeente the resident lives in. A signed
 * JSON route of the brp, asked as the original caller: the brp decides and logs the read itself, and a
 * resident outside the caller's gemeenten looks the same as an unknown BSN.
 */
import { GraphQLError } from 'graphql';
import type { AccessControl } from './auth/access';
import { signedHeaders } from './auth/gateway-credential';
import { ErrorCode, expectedError, notFound } from './errors';
import { postJson } from './http-client';
import type { Peers } from './subgraph';

export const BEWONING_ROUTE = '/bewoning';

export interface Bewoning {
  huishoudenId: string;
  gemeenteCode: string;
}

const TIMEOUT_MS = 5_000;

/** The household and gemeente of `bsn`, or NOT_FOUND; brp's refusal is passed on with its code. */
export async function vraagBewoning(access: AccessControl, peers: Peers, bsn: string): Promise<Bewoning> {
  const parts = access.auth.credential?.parts;
  if (!parts) throw new GraphQLError('A write about a resident needs the gateway credential to ask the brp', { extensions: { code: ErrorCode.UNAUTHENTICATED } });
  const body = { bsn };
  const headers = signedHeaders(peers.gatewaySecret, { authorization: parts.authorization, purpose: parts.purpose, traceId: parts.traceId, query: BEWONING_ROUTE, variables: body });
  const answer = await postJson(new URL(`.${BEWONING_ROUTE}`, peers.subgraphUrl('brp')), headers, JSON.stringify(body), { timeoutMs: TIMEOUT_MS, retryReset: true }).catch(() => {
    throw expectedError('The brp could not be reached to look up where the resident lives; nothing was stored', ErrorCode.SUBGRAPH_UNAVAILABLE);
  });
  const parsed = JSON.parse(answer.body) as Bewoning | null | { errors?: { message: string; extensions?: { code?: string } }[] };
  if (answer.status !== 200) {
    const first = parsed && 'errors' in parsed ? parsed.errors?.[0] : undefined;
    throw expectedError(first?.message ?? `The brp answered HTTP ${answer.status}`, first?.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
  }
  if (!parsed || !('huishoudenId' in parsed)) throw notFound('No resident with this BSN lives in your gemeenten');
  return parsed;
}
