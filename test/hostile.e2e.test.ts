/**
 * The door under fire: a table of hostile and malformed requests, each with the status and code it must
 * get, sent over real HTTP to the real gateways in every mode a gemeente can run (development; production
 * with trusted documents; production allowing any operation; Hive Gateway on the same door). No answer is a
 * 5xx, none carries a stack, a path of this machine, SQL, a BSN or a token, and what the door refuses
 * never reaches the query planner.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { QueryPlan } from '@apollo/query-planner';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadDoorConfig, type DoorConfig } from '../gateway/config';
import { createHiveServer } from '../gateway/hive-runtime';
import { createGateway, readSupergraph, type Gateway } from '../gateway/server';
import { HUISHOUDBEELD, HUISHOUDENS_PAGE, LOKET_LOOKUP, REGISTER_GRONDSLAG, VERWERKINGEN } from '../schema/operations';
import { documentId } from '../schema/trusted-documents';
import { findExampleHuishouden } from '../subgraphs/demo/generator';
import { headersFor, TEST_AUTH, type Caller } from './support/auth';
import { startTestHub, type TestHub } from './support/hub';

const DEMO = { households: 30, seed: 5 };
const example = findExampleHuishouden(DEMO)!;
const regisseur: Caller = { rol: 'wijkteam-medewerker', sub: example.wijkteam!.casus.regisseur.sub };
const BSN = example.leden[0]!.bsn;

type Mode = 'development' | 'production' | 'production-any' | 'hive-production' | 'hive-any';
const MODES: Mode[] = ['development', 'production', 'production-any', 'hive-production', 'hive-any'];
const TRUSTED_ONLY: ReadonlySet<Mode> = new Set(['production', 'hive-production']);
const PRODUCTION: ReadonlySet<Mode> = new Set(['production', 'production-any', 'hive-production', 'hive-any']);

interface Expected {
  status: number;
  /** The first error's code; null: no error at all. */
  code: string | null;
}

interface Case {
  name: string;
  method?: string;
  /** Replaces the default headers (content type, token, purpose) where given; null removes one. */
  headers?: Record<string, string | null>;
  /** A string goes as it is; anything else as JSON. */
  body?: unknown;
  search?: string;
  expect: Expected;
  /** Free text, not a trusted document: where only the manifest runs, refused as OPERATION_NOT_TRUSTED. */
  freeText?: boolean;
  /** What production answers instead, where it differs (introspection, suggestions). */
  production?: Expected;
}

const refused = (status: number, code: string): Expected => ({ status, code });
const ok: Expected = { status: 200, code: null };
const q = (query: string, variables?: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ query, variables, ...extra });
const byId = (body: string, variables?: Record<string, unknown>) => ({ documentId: documentId(body), variables });
const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
const nested = (levels: number) => `{ persoon(bsn: "${BSN}") { ${'huishouden { leden { '.repeat(levels)} bsn ${'} } '.repeat(levels)} } }`;
const fragmentBomb = (levels: number) =>
  `{ ...F0 } ${Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F${levels} on Query { __typename }`;
const grondslag = (change: Record<string, unknown>) => ({
  input: {
    idempotencyKey: 'hostile-corpus-key',
    casusId: example.wijkteam!.casus.id,
    soort: 'INTEGRALE_AANPAK',
    domeinen: ['WERKPLEIN'],
    geldigVan: '2026-10-15',
    toelichting: 'Schulden en zorg hangen samen; besloten in het casusoverleg.',
    ...change,
  },
});
const CONTACTS = (van: string) => `{ huishouden(id: "${example.id}") { contactmomenten(van: "${van}") { tijdstip } } }`;
const nulCursor = Buffer.from('k:9999010000000008\u0000', 'utf8').toString('base64url');

const CORPUS: Case[] = [
  // --- HTTP: method, media type, size, JSON, shape ---------------------------------------------------------
  { name: 'a GET with a query', method: 'GET', search: `?query=${encodeURIComponent('{ __typename }')}`, expect: refused(405, 'METHOD_NOT_ALLOWED') },
  { name: 'a GET with a mutation', method: 'GET', search: `?query=${encodeURIComponent('mutation { __typename }')}`, expect: refused(405, 'METHOD_NOT_ALLOWED') },
  { name: 'a GET with a documentId', method: 'GET', search: `?documentId=${documentId(LOKET_LOOKUP)}`, expect: refused(405, 'METHOD_NOT_ALLOWED') },
  { name: 'PUT', method: 'PUT', body: q('{ __typename }'), expect: refused(405, 'METHOD_NOT_ALLOWED') },
  { name: 'DELETE', method: 'DELETE', expect: refused(405, 'METHOD_NOT_ALLOWED') },
  { name: 'PATCH', method: 'PATCH', body: q('{ __typename }'), expect: refused(405, 'METHOD_NOT_ALLOWED') },
  { name: 'a preflight from an origin not configured', method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' }, expect: refused(403, 'CORS_ORIGIN_NOT_ALLOWED') },
  { name: 'text/plain (a cross-site form)', headers: { 'content-type': 'text/plain' }, body: q('{ __typename }'), expect: refused(415, 'UNSUPPORTED_MEDIA_TYPE') },
  { name: 'no content type', headers: { 'content-type': null }, body: q('{ __typename }'), expect: refused(415, 'UNSUPPORTED_MEDIA_TYPE') },
  { name: 'JSON in latin1', headers: { 'content-type': 'application/json; charset=latin1' }, body: q('{ __typename }'), expect: refused(415, 'UNSUPPORTED_MEDIA_TYPE') },
  { name: 'a form post', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B__typename%7D', expect: refused(415, 'UNSUPPORTED_MEDIA_TYPE') },
  { name: 'multipart (file upload)', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x\r\n\r\n--x--', expect: refused(415, 'UNSUPPORTED_MEDIA_TYPE') },
  { name: 'GraphQL as its own media type', headers: { 'content-type': 'application/graphql' }, body: '{ __typename }', expect: refused(415, 'UNSUPPORTED_MEDIA_TYPE') },
  { name: 'a body of 3 MB', body: q(`{ __typename } # ${'x'.repeat(3 * 1024 * 1024)}`), expect: refused(413, 'REQUEST_TOO_LARGE') },
  { name: 'a body of 20 MB', body: q('{ __typename }', { pad: 'x'.repeat(20 * 1024 * 1024) }), expect: refused(413, 'REQUEST_TOO_LARGE') },
  { name: 'JSON cut off', body: '{"query": "{ __typename }"', expect: refused(400, 'BAD_REQUEST') },
  { name: 'an empty body', body: '', expect: refused(400, 'BAD_REQUEST') },
  { name: 'JSON null', body: 'null', expect: refused(400, 'BAD_REQUEST') },
  { name: 'a JSON number', body: '42', expect: refused(400, 'BAD_REQUEST') },
  { name: 'a JSON string', body: '"{ __typename }"', expect: refused(400, 'BAD_REQUEST') },
  { name: 'a byte-order mark before the JSON', body: `\uFEFF${JSON.stringify(q('{ __typename }'))}`, expect: refused(400, 'BAD_REQUEST') },
  { name: 'a batch of two operations', body: [q('{ __typename }'), q('{ __typename }')], expect: refused(400, 'BAD_REQUEST') },
  { name: 'a query that is a number', body: { query: 42 }, expect: refused(400, 'BAD_REQUEST') },
  { name: 'variables that are a list', body: { query: '{ __typename }', variables: [1, 2] }, expect: refused(400, 'BAD_REQUEST') },
  { name: 'variables that are a string', body: { query: '{ __typename }', variables: '{"id":"1"}' }, expect: refused(400, 'BAD_REQUEST') },
  { name: 'an operationName that is a number', body: { query: '{ __typename }', operationName: 7 }, expect: refused(400, 'BAD_REQUEST') },
  { name: 'extensions that are a string', body: { query: '{ __typename }', extensions: 'x' }, expect: refused(400, 'BAD_REQUEST') },
  { name: 'neither a query nor a document id', body: {}, expect: refused(400, 'BAD_REQUEST') },
  // --- the caller --------------------------------------------------------------------------------------------
  { name: 'no token', headers: { authorization: null }, body: q('{ __typename }'), expect: refused(401, 'UNAUTHENTICATED') },
  { name: 'a garbage token', headers: { authorization: 'Bearer not.a.token' }, body: q('{ __typename }'), expect: refused(401, 'UNAUTHENTICATED') },
  { name: 'an unsigned token (alg none)', headers: { authorization: `Bearer ${b64({ alg: 'none' })}.${b64({ sub: 'x', rol: 'fg', exp: 9e9 })}.` }, body: q('{ __typename }'), expect: refused(401, 'UNAUTHENTICATED') },
  { name: 'a token in another scheme', headers: { authorization: 'Basic YWRtaW46YWRtaW4=' }, body: q('{ __typename }'), expect: refused(401, 'UNAUTHENTICATED') },
  // --- trusted documents and persisted queries -------------------------------------------------------------
  { name: 'a persisted-query hash that is not the query’s', body: q('{ __typename }', undefined, { extensions: { persistedQuery: { version: 1, sha256Hash: documentId(LOKET_LOOKUP) } } }), expect: refused(400, 'PERSISTED_QUERY_HASH_MISMATCH') },
  { name: 'an unknown persisted-query hash', body: { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }, expect: refused(400, 'PERSISTED_QUERY_NOT_FOUND') },
  { name: 'a persisted query of version 2', body: { extensions: { persistedQuery: { version: 2, sha256Hash: documentId(LOKET_LOOKUP) } } }, expect: refused(400, 'BAD_REQUEST') },
  { name: 'a persisted-query hash that is not hex', body: { extensions: { persistedQuery: { version: 1, sha256Hash: 'zz' } } }, expect: refused(400, 'BAD_REQUEST') },
  { name: 'an unknown documentId', body: { documentId: `sha256:${'b'.repeat(64)}` }, expect: refused(400, 'PERSISTED_QUERY_NOT_FOUND') },
  { name: 'a malformed documentId', body: { documentId: '../../etc/passwd' }, expect: refused(400, 'PERSISTED_QUERY_NOT_FOUND') },
  { name: 'a trusted document by documentId (control)', body: byId(LOKET_LOOKUP, { bsn: BSN }), expect: ok },
  // The regisseur's picture: the Werkplein's records need a Grondslag the example casus does not have.
  { name: 'a trusted document by persisted-query hash (control)', body: { extensions: { persistedQuery: { version: 1, sha256Hash: documentId(HUISHOUDBEELD) } }, variables: { id: example.id } }, expect: { status: 200, code: 'GRONDSLAG_REQUIRED' } },
  { name: 'a trusted document by its exact text (control)', body: q(LOKET_LOOKUP, { bsn: BSN }), expect: ok },
  // --- trusted documents with bad variables: refused in every mode ----------------------------------------
  { name: 'a NUL byte in a trusted document’s BSN', body: byId(LOKET_LOOKUP, { bsn: `${BSN}\u0000` }), expect: refused(400, 'BAD_USER_INPUT') },
  { name: 'a missing required variable', body: byId(HUISHOUDBEELD, {}), expect: refused(400, 'BAD_USER_INPUT') },
  { name: 'a variable of the wrong type', body: byId(HUISHOUDBEELD, { id: { $ne: null } }), expect: refused(400, 'BAD_USER_INPUT') },
  { name: 'a Date variable of 30 February', body: byId(VERWERKINGEN, { bsn: BSN, van: '2026-02-30' }), expect: refused(400, 'BAD_USER_INPUT') },
  { name: 'a Date variable in Dutch order', body: byId(VERWERKINGEN, { bsn: BSN, van: '01-11-2026' }), expect: refused(400, 'BAD_USER_INPUT') },
  { name: 'a geldigVan of month 13', body: byId(REGISTER_GRONDSLAG, grondslag({ geldigVan: '2026-13-01' })), expect: refused(400, 'BAD_USER_INPUT') },
  { name: 'a geldigVan in year 99999', body: byId(REGISTER_GRONDSLAG, grondslag({ geldigVan: '99999-01-01' })), expect: refused(400, 'BAD_USER_INPUT') },
  { name: 'a NUL byte in a toelichting', body: byId(REGISTER_GRONDSLAG, grondslag({ toelichting: 'Besproken in het overleg\u0000; akkoord' })), expect: refused(400, 'BAD_USER_INPUT') },
  { name: 'a NUL byte in a variable’s name', body: byId(LOKET_LOOKUP, { bsn: BSN, 'x\u0000': 1 }), expect: refused(400, 'BAD_USER_INPUT') },
  { name: 'an unknown enum value in a variable', body: byId(REGISTER_GRONDSLAG, grondslag({ domeinen: ['BELASTINGDIENST'] })), expect: refused(400, 'BAD_USER_INPUT') },
  { name: 'a cursor that decodes to a NUL byte', body: byId(HUISHOUDENS_PAGE, { after: nulCursor }), expect: { status: 200, code: 'BAD_USER_INPUT' } },
  { name: 'a forged cursor', body: byId(HUISHOUDENS_PAGE, { after: 'AAAA' }), expect: { status: 200, code: 'BAD_USER_INPUT' } },
  { name: 'a BSN that fails the 11-proef', body: byId(LOKET_LOOKUP, { bsn: '999999999' }), expect: { status: 200, code: 'BAD_USER_INPUT' } },
  { name: 'a BSN of 1.5 MB', body: byId(LOKET_LOOKUP, { bsn: '9'.repeat(1_500_000) }), expect: { status: 200, code: 'BAD_USER_INPUT' } },
  { name: 'an SQL injection as household id', body: byId(HUISHOUDBEELD, { id: "1' OR '1'='1" }), expect: ok },
  { name: 'a lone surrogate as household id', body: '{"documentId":"' + documentId(HUISHOUDBEELD) + '","variables":{"id":"\\ud800"}}', expect: ok },
  { name: 'right-to-left override and emoji as household id', body: byId(HUISHOUDBEELD, { id: '\u202e9999\u{1F600}' }), expect: ok },
  // --- free text: syntax, operations, limits, literals (where only the manifest runs: not trusted) ---------
  { name: 'a syntax error', body: q('{ huishouden(id: '), freeText: true, expect: refused(400, 'GRAPHQL_PARSE_FAILED') },
  { name: 'a raw NUL in the document', body: q('{ __typename \u0000 }'), freeText: true, expect: refused(400, 'GRAPHQL_PARSE_FAILED') },
  { name: 'an operationName the document does not have', body: q('query A { __typename }', undefined, { operationName: 'B' }), freeText: true, expect: refused(400, 'OPERATION_RESOLUTION_FAILURE') },
  { name: 'two operations and no operationName', body: q('query A { __typename } query B { __typename }'), freeText: true, expect: refused(400, 'OPERATION_RESOLUTION_FAILURE') },
  { name: 'a document with only a fragment', body: q('fragment F on Query { __typename }'), freeText: true, expect: refused(400, 'OPERATION_RESOLUTION_FAILURE') },
  { name: 'a subscription', body: q('subscription { __typename }'), freeText: true, expect: refused(400, 'OPERATION_NOT_SUPPORTED') },
  { name: '10,000 aliases (450 KB)', body: q(aliases(10_000)), freeText: true, expect: refused(400, 'QUERY_TOO_MANY_TOKENS') },
  { name: '16 aliases', body: q(aliases(16)), freeText: true, expect: refused(400, 'QUERY_TOO_MANY_ALIASES') },
  { name: 'a query of depth 16 through persoon, huishouden, leden', body: q(nested(7)), freeText: true, expect: refused(400, 'QUERY_TOO_DEEP') },
  { name: 'a query of depth 9', body: q(nested(4)), freeText: true, expect: refused(400, 'QUERY_TOO_DEEP') },
  {
    name: 'a page of 100 households with every member’s household’s members',
    body: q('{ huishoudens(first: 100) { edges { node { leden { bsn naam { volledigeNaam } huishouden { leden { bsn naam { voornamen geslachtsnaam } } } } } } } }'),
    freeText: true,
    expect: refused(400, 'QUERY_TOO_COSTLY'),
  },
  { name: 'the same with first as a variable', body: q('query($n: Int) { huishoudens(first: $n) { edges { node { leden { huishouden { leden { bsn naam { voornamen geslachtsnaam volledigeNaam } geboortedatum } } } } } } }', { n: 100 }), freeText: true, expect: refused(400, 'QUERY_TOO_COSTLY') },
  { name: 'a fragment bomb', body: q(fragmentBomb(17)), freeText: true, expect: refused(400, 'QUERY_TOO_COSTLY') },
  { name: '11 lookups in one request', body: q(`{ ${Array.from({ length: 11 }, (_, i) => `p${i}: persoon(bsn: "${BSN}") { bsn }`).join(' ')} }`), freeText: true, expect: refused(400, 'QUERY_TOO_MANY_ROOT_FIELDS') },
  { name: '11 root fields without aliases', body: q(`{ ${'__typename '.repeat(11)}}`), freeText: true, expect: refused(400, 'QUERY_TOO_MANY_ROOT_FIELDS') },
  { name: '21 directives', body: q(`{ __typename ${'@include(if: true) '.repeat(21)}}`), freeText: true, expect: refused(400, 'QUERY_TOO_MANY_DIRECTIVES') },
  { name: 'a Date literal of 30 February', body: q(CONTACTS('2026-02-30')), freeText: true, expect: refused(400, 'BAD_USER_INPUT') },
  { name: 'a Date literal in year 99999', body: q(CONTACTS('99999-01-01')), freeText: true, expect: refused(400, 'BAD_USER_INPUT') },
  { name: 'a Date literal of month 13', body: q(CONTACTS('2026-13-01')), freeText: true, expect: refused(400, 'BAD_USER_INPUT') },
  { name: 'a Date literal in Dutch order', body: q(CONTACTS('01-11-2026')), freeText: true, expect: refused(400, 'BAD_USER_INPUT') },
  { name: 'a NUL escape in a literal id', body: q(`{ huishouden(id: "${example.id}\\u0000") { id } }`), freeText: true, expect: refused(400, 'BAD_USER_INPUT') },
  { name: 'a NUL escape in braces', body: q(`{ huishouden(id: "${example.id}\\u{0}") { id } }`), freeText: true, expect: refused(400, 'BAD_USER_INPUT') },
  { name: 'an Int beyond 32 bits', body: q('query($n: Int) { huishoudens(first: $n) { pageInfo { hasNextPage } } }', { n: 99_999_999_999 }), freeText: true, expect: refused(400, 'BAD_USER_INPUT') },
  { name: 'an unknown field', body: q('{ huishoudn(id: "1") { id } }'), freeText: true, expect: refused(400, 'GRAPHQL_VALIDATION_FAILED') },
  { name: 'a cyclic fragment', body: q('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'), freeText: true, expect: refused(400, 'GRAPHQL_VALIDATION_FAILED') },
  { name: 'an internal per-loket field', body: q(`{ huishouden(id: "${example.id}") { wmoContactmomenten { id } } }`), freeText: true, expect: refused(400, 'GRAPHQL_VALIDATION_FAILED') },
  { name: 'a literal of an unknown enum value', body: q(`{ huishouden(id: "${example.id}") { contactmomenten(loketten: [BELASTINGDIENST]) { id } } }`), freeText: true, expect: refused(400, 'GRAPHQL_VALIDATION_FAILED') },
  {
    name: 'introspection',
    body: q('{ __schema { types { name } } }'),
    freeText: true,
    expect: ok,
    production: refused(400, 'GRAPHQL_VALIDATION_FAILED'),
  },
];

function b64(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function expectedFor(c: Case, mode: Mode): Expected {
  if (c.freeText && TRUSTED_ONLY.has(mode)) return refused(400, 'OPERATION_NOT_TRUSTED');
  return (PRODUCTION.has(mode) && c.production) || c.expect;
}

describe('the door refuses hostile and malformed requests, the same on every gateway and in every mode', () => {
  let hub: TestHub;
  const urls = {} as Record<Mode, string>;
  const plans: QueryPlan[] = [];
  const closers: (() => Promise<unknown> | unknown)[] = [];
  let defaultHeaders: Record<string, string>;

  beforeAll(async () => {
    const base: DoorConfig = { ...loadDoorConfig({}), rateLimit: { perMinute: 0, burst: 1 } };
    const any: DoorConfig = { ...base, allowArbitraryOperations: true };
    hub = await startTestHub(DEMO, regisseur, { door: base, development: false });
    urls.production = hub.gatewayUrl;
    const apollo = async (development: boolean, door: DoorConfig) => {
      const gateway: Gateway = createGateway({ supergraphSdl: readSupergraph(), subgraphUrls: hub.subgraphUrls, development, auth: TEST_AUTH, door, onQueryPlan: (plan) => plans.push(plan) });
      closers.push(() => gateway.close());
      return gateway.listen(0);
    };
    const hive = async (door: DoorConfig) => {
      const { handler, dispose } = await createHiveServer({ auth: TEST_AUTH, subgraphUrls: hub.subgraphUrls, door });
      const server: Server = createServer(handler);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      closers.push(() => new Promise((resolve) => server.close(resolve)), dispose);
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    };
    urls.development = await apollo(true, base);
    urls['production-any'] = await apollo(false, any);
    urls['hive-production'] = await hive(base);
    urls['hive-any'] = await hive(any);
    defaultHeaders = { 'content-type': 'application/json', ...(await headersFor(regisseur)) };
  });
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
    await hub?.close();
  });
  beforeEach(() => {
    plans.length = 0;
    hub?.resetCounters();
  });

  async function send(mode: Mode, c: Case) {
    const headers = { ...defaultHeaders };
    for (const [name, value] of Object.entries(c.headers ?? {})) {
      if (value === null) delete headers[name];
      else headers[name] = value;
    }
    const method = c.method ?? 'POST';
    const body = c.body === undefined || method === 'GET' ? undefined : typeof c.body === 'string' ? c.body : JSON.stringify(c.body);
    const response = await fetch(`${urls[mode]}${c.search ?? ''}`, { method, headers, body });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  it('holds at least 60 requests', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CORPUS.map((c) => c.name)).size).toBe(CORPUS.length);
  });

  describe.each(MODES)('%s', (mode) => {
    it.each(CORPUS)('$name', async (c) => {
      const expected = expectedFor(c, mode);
      const response = await send(mode, c);
      expect(response.status).toBeLessThan(500);
      if (c.method === 'OPTIONS' && expected.status === 204) return;
      const body = JSON.parse(response.text) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
      expect({ status: response.status, code: body.errors?.[0]?.extensions?.code ?? null }).toEqual(expected);
      expect(response.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
      expect(response.headers.get('x-trace-id')).toMatch(/^[0-9a-f]{32}$/);
      // Nothing of the machine, the database or the caller in an answer.
      expect(response.text).not.toMatch(/\bat \S+ \(|\/work\/|node_modules|stacktrace|\bselect\b.*\bfrom\b|\binsert into\b/i);
      if (response.status !== 200) {
        expect(response.text).not.toContain(BSN);
        expect(response.text).not.toContain(defaultHeaders.authorization!.slice('Bearer '.length));
        // Refused at the door: the planner never saw it, so it cost the gateway no planning time.
        expect([...plans, ...hub.plans]).toEqual([]);
      }
      if (PRODUCTION.has(mode)) expect(response.text).not.toMatch(/Did you mean/);
    });
  });

  it('suggests field names in development only', async () => {
    const typo = { name: 'typo', body: q(`{ huishouden(id: "${example.id}") { adress { postcode } } }`), expect: ok };
    expect((await send('development', typo)).text).toMatch(/Did you mean/);
    expect((await send('production-any', typo)).text).not.toMatch(/Did you mean/);
  });
});

describe('the door’s rate limit, CORS and timeouts', () => {
  let hub: TestHub;

  beforeAll(async () => {
    const door: DoorConfig = {
      ...loadDoorConfig({}),
      allowArbitraryOperations: true,
      rateLimit: { perMinute: 60, burst: 3 },
      corsOrigins: ['https://wijkteam.gemeente.example'],
    };
    hub = await startTestHub(DEMO, regisseur, { door });
  });
  afterAll(() => hub?.close());

  it('answers a caller past its burst with 429, a code and Retry-After, and leaves other callers alone', async () => {
    const caller: Caller = { rol: 'kcc-medewerker', sub: 'kcc-rate' };
    const headers = await headersFor(caller);
    const statuses: number[] = [];
    let last: Awaited<ReturnType<TestHub['post']>> | undefined;
    for (let i = 0; i < 5; i++) {
      last = await hub.post(hub.gatewayUrl, { query: '{ __typename }' }, headers);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(last!.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const other = await hub.post(hub.gatewayUrl, { query: '{ __typename }' }, await headersFor({ rol: 'kcc-medewerker', sub: 'kcc-other' }));
    expect(other.status).toBe(200);
  });

  it('allows a configured origin, and never answers with Access-Control-Allow-Origin: *', async () => {
    const origin = 'https://wijkteam.gemeente.example';
    const preflight = await fetch(hub.gatewayUrl, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, x-doel' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/x-doel/);
    const headers = { 'content-type': 'application/json', origin, ...(await headersFor({ rol: 'kcc-medewerker', sub: 'kcc-cors' })) };
    const allowed = await fetch(hub.gatewayUrl, { method: 'POST', headers, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(origin);
    const other = await fetch(hub.gatewayUrl, { method: 'POST', headers: { ...headers, origin: 'https://evil.example' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  /** The household query through a gateway whose brp accepts the connection and never answers. */
  async function askSilentBrp(door: Partial<DoorConfig>) {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const gateway = createGateway({
      supergraphSdl: readSupergraph(),
      subgraphUrls: { ...hub.subgraphUrls, brp: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/` },
      auth: TEST_AUTH,
      door: { ...loadDoorConfig({}), allowArbitraryOperations: true, ...door },
    });
    try {
      const url = await gateway.listen(0);
      return await hub.post(url, { query: `query($id: ID!) { huishouden(id: $id) { id } }`, variables: { id: example.id } }, await headersFor(regisseur));
    } finally {
      await gateway.close();
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  }

  it('answers a subgraph that does not answer in time with SUBGRAPH_TIMEOUT naming it: the gateway does not hang', async () => {
    const response = await askSilentBrp({ subgraphTimeoutMs: 300 });
    expect(response.status).toBe(200);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_TIMEOUT', service: 'brp' });
  });

  it('answers a request past its execution timeout with 504 REQUEST_TIMEOUT', async () => {
    const response = await askSilentBrp({ requestTimeoutMs: 200, subgraphTimeoutMs: 5_000 });
    expect(response.status).toBe(504);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('REQUEST_TIMEOUT');
  });
});
