import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The gateway's credential on every subgraph request: an HMAC-SHA256, with the shared GATEWAY_SECRET, over
 * the time, the trace id, the stated purpose, the caller's token and a hash of the operation and its
 * variables. A subgraph refuses any request without a valid one, so a direct call gets nothing, and a
 * signature cannot be lifted onto another body, token or purpose; it is only good for a minute.
 *
 * Why the body too: a loket trusts what the gateway brings in an entity representation (the wijkteam's
 * answer to "is this caller on the household's casus, and which Grondslag covers which domain").
 */
export const HEADERS = {
  purpose: 'x-doel',
  /** The wijkteam's answer about the caller's casus access (casus-toegang.ts); only for a wijkteam member. */
  casusToegang: 'x-casus-toegang',
  traceId: 'x-trace-id',
  timestamp: 'x-loketlink-timestamp',
  signature: 'x-loketlink-signature',
} as const;

const MAX_SKEW_MS = 60_000;

export interface SignedParts {
  timestamp: string;
  traceId: string;
  purpose: string;
  authorization: string;
  /** The casus-access header, '' when there is none. */
  casusToegang: string;
  /** `signedBody(query, variables)`. */
  body: string;
}

/**
 * One canonical form of an operation, as the gateway and the subgraph both see it: a SHA-256 of the
 * operation's text, and its variables as JSON (the signature's HMAC covers them directly). The text's
 * digest is remembered, because a gateway sends the same few planned operations over and over; hashing
 * and serializing each fetch's text twice was the bulk of the signature's cost (BENCHMARKS.md).
 */
export function signedBody(query: string | undefined, variables: unknown): string {
  return `${queryDigest(query ?? '')}\n${JSON.stringify(variables ?? null)}`;
}

const QUERY_DIGESTS_KEPT = 1_000;
const queryDigests = new Map<string, string>();
function queryDigest(query: string): string {
  let digest = queryDigests.get(query);
  if (digest === undefined) {
    digest = createHash('sha256').update(query).digest('base64url');
    if (queryDigests.size >= QUERY_DIGESTS_KEPT) queryDigests.clear(); // a client sending ever new operations
    queryDigests.set(query, digest);
  }
  return digest;
}

export function sign(secret: Uint8Array, parts: SignedParts): string {
  const mac = createHmac('sha256', secret);
  for (const value of [parts.timestamp, parts.traceId, parts.purpose, parts.authorization, parts.casusToegang, parts.body]) {
    mac.update(value).update('\n');
  }
  return mac.digest('base64url');
}

/** True when `signature` is the gateway's over `parts` and was made within the last minute (either way). */
export function verify(secret: Uint8Array, parts: SignedParts, signature: string, now = Date.now()): boolean {
  const time = Number(parts.timestamp);
  if (!Number.isFinite(time) || Math.abs(now - time) > MAX_SKEW_MS) return false;
  const expected = Buffer.from(sign(secret, parts));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * The headers a gateway adds to one subgraph request: the caller's token and purpose, the trace id, and
 * its signature over them and the operation. Every gateway LoketLink runs on uses this one function.
 */
export function signedHeaders(
  secret: Uint8Array,
  request: {
    authorization: string;
    purpose: string;
    traceId: string;
    casusToegang?: string;
    query: string | undefined;
    variables: Record<string, unknown> | undefined | null;
  },
  now = Date.now(),
): Record<string, string> {
  const parts = {
    timestamp: String(now),
    traceId: request.traceId,
    purpose: request.purpose,
    authorization: request.authorization,
    casusToegang: request.casusToegang ?? '',
    body: signedBody(request.query, request.variables),
  };
  return {
    authorization: parts.authorization,
    [HEADERS.purpose]: parts.purpose,
    [HEADERS.traceId]: parts.traceId,
    ...(parts.casusToegang ? { [HEADERS.casusToegang]: parts.casusToegang } : {}),
    [HEADERS.timestamp]: parts.timestamp,
    [HEADERS.signature]: sign(secret, parts),
  };
}
