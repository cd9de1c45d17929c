/**
 * LoketLink on Hive Gateway (MIT): the committed supergraph, unchanged, plus one plugin that does what our
 * own gateway does (gateway/server.ts): verify the caller's token at the door (401 without), and forward the
 * token, the purpose and a trace id to every subgraph, signed with the gateway credential.
 */
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway';
import type { GraphQLError } from 'graphql';
import type { AuthConfig } from '../subgraphs/kit/auth/config';
import { HEADERS, signedHeaders } from '../subgraphs/kit/auth/gateway-credential';
import { tokenVerifier, type Actor } from '../subgraphs/kit/auth/token';
import { CasusVragen } from '../subgraphs/kit/auth/casus-toegang';
import { SUBGRAPHS, type SubgraphName } from '../subgraphs/kit/config';
import { loadDoorConfig, type DoorConfig } from './config';
import { createDoor, doorSettings } from './door';
import { serveExplorer, type ExplorerOptions } from './explorer';
import { gatewayReadiness } from './health';
import { gatewayMetrics } from '../subgraphs/kit/metrics';
import { parseTraceparent, randomHex, startSpan } from '../subgraphs/kit/telemetry';
import { readSupergraph, supergraphUrl } from './server';

interface Caller {
  authorization: string;
  purpose: string;
  traceId: string;
  spanId: string;
  casusVragen?: CasusVragen;
}

/** Authentication at the door, and the signed headers on every subgraph fetch. */
export function loketLinkPlugin(auth: AuthConfig, urls: Record<SubgraphName, string>): GatewayPlugin<{ loketlink?: Caller }> {
  const verifyToken = tokenVerifier(auth);
  const subgraphAt = new Map(Object.entries(urls).map(([name, url]) => [url, name]));
  const callers = new WeakMap<Request, Caller>();
  return {
    // At the door, before anything is parsed: without a valid token the answer is 401 and nothing else.
    async onRequest({ request, endResponse, fetchAPI }) {
      const authorization = request.headers.get('authorization') ?? '';
      let actor: Actor;
      try {
        actor = await verifyToken(authorization);
      } catch (error) {
        const { message, extensions } = error as GraphQLError;
        endResponse(Response.json.call(fetchAPI.Response, { errors: [{ message, extensions: { code: extensions?.code } }] }, { status: 401 }));
        return;
      }
      // The door (door.ts) set the request's traceparent on the request it handed over, over any a client sent.
      const trace = parseTraceparent(request.headers.get('traceparent') ?? undefined);
      const traceId = trace?.traceId ?? randomHex(16);
      const caller: Caller = { authorization, purpose: request.headers.get(HEADERS.purpose) ?? '', traceId, spanId: trace?.spanId ?? randomHex(8) };
      if (actor.rol === 'wijkteam-medewerker') caller.casusVragen = new CasusVragen({ url: urls.wijkteam, secret: auth.gatewaySecret, caller });
      callers.set(request, caller);
    },
    onContextBuilding({ context, extendContext }) {
      const caller = callers.get(context.request);
      if (caller) extendContext({ loketlink: caller });
    },
    async onFetch({ context, url, options, setOptions }) {
      const caller = 'loketlink' in context ? context.loketlink : undefined;
      if (!caller || typeof options.body !== 'string') return;
      const { query, variables } = JSON.parse(options.body) as { query?: string; variables?: Record<string, unknown> };
      const casusToegang = (await caller.casusVragen?.headerFor(subgraphAt.get(url) ?? '', variables)) ?? '';
      const headers = signedHeaders(auth.gatewaySecret, { ...caller, casusToegang, query, variables });
      const service = subgraphAt.get(url) ?? 'unknown';
      const span = startSpan(`fetch ${service}`, { traceId: caller.traceId, spanId: caller.spanId }, 'client');
      setOptions({ ...options, headers: { ...(options.headers as Record<string, string>), ...headers, traceparent: span.traceparent() } });
      const timer = gatewayMetrics.fetchDuration.startTimer({ service });
      return ({ response }) => {
        timer();
        span.end(response.ok ? undefined : `HTTP ${response.status}`);
        if (!response.ok) gatewayMetrics.fetchErrors.inc({ service, code: `HTTP_${response.status}` });
      };
    },
  };
}

export interface HiveGatewayOptions {
  auth: AuthConfig;
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  development?: boolean;
  /** Limits, trusted documents, rate, timeouts, CORS; from the environment when not given. */
  door?: DoorConfig;
  /** Development: the explorer's roles (gateway/explorer.ts), served on GET instead of Hive's GraphiQL. */
  explorer?: ExplorerOptions;
  /**
   * Hive Router's Rust query planner and executor (`@graphql-hive/router-runtime`, a native addon in its npm
   * package) instead of Hive's JavaScript stitching runtime: the stronger peer in the benchmark.
   */
  routerRuntime?: boolean;
}

export async function createHiveGateway(options: HiveGatewayOptions, door: DoorConfig = options.door ?? loadDoorConfig()) {
  const supergraph = readSupergraph();
  // A dev dependency, like Hive Gateway itself: loaded only when asked for.
  const unifiedGraphHandler = options.routerRuntime ? (await import('@graphql-hive/router-runtime')).unifiedGraphHandler : undefined;
  return createGatewayRuntime({
    supergraph,
    ...(unifiedGraphHandler ? { unifiedGraphHandler } : {}),
    transportEntries: Object.fromEntries(
      SUBGRAPHS.flatMap((name) => (options.subgraphUrls[name] ? [[name, { location: options.subgraphUrls[name] }]] : [])),
    ),
    plugins: () => [loketLinkPlugin(options.auth, Object.fromEntries(SUBGRAPHS.map((name) => [name, options.subgraphUrls[name] ?? supergraphUrl(supergraph, name)])) as Record<SubgraphName, string>)],
    landingPage: false,
    // Hive's GraphiQL loads from a CDN; the door serves our offline explorer instead (explorer.ts).
    graphiql: false,
    ...(options.development ? {} : { disableIntrospection: {} }),
    upstreamTimeout: door.subgraphTimeoutMs,
    logging: 'error',
  });
}

/**
 * Hive Gateway behind the same door as ours (door.ts): what it refuses, Hive never parses. The door hands
 * an admitted operation to the runtime as a fetch `Request`.
 */
export async function createHiveServer(options: HiveGatewayOptions) {
  const doorConfig = options.door ?? loadDoorConfig();
  const development = options.development ?? false;
  const runtime = await createHiveGateway(options, doorConfig);
  const verifyToken = tokenVerifier(options.auth);
  const supergraph = readSupergraph();
  const urls = Object.fromEntries(SUBGRAPHS.map((name) => [name, options.subgraphUrls[name] ?? supergraphUrl(supergraph, name)]));
  const handler = createDoor<{ actor: Actor }>({
    ...doorSettings(doorConfig, supergraph, development),
    readiness: gatewayReadiness(() => true, () => urls),
    authenticate: async (headers) => ({ actor: await verifyToken(typeof headers.authorization === 'string' ? headers.authorization : '') }),
    async execute({ req, body, span, signal }) {
      const headers = new Headers({ 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', traceparent: span.traceparent() });
      for (const name of ['authorization', HEADERS.purpose]) {
        const value = req.headers[name];
        if (typeof value === 'string') headers.set(name, value);
      }
      const response = await runtime.fetch(new Request('http://gateway/graphql', { method: 'POST', headers, body: JSON.stringify(body), signal }));
      const kept = [...response.headers].filter(([name]) => name !== 'content-length');
      return { status: response.status, headers: kept, body: await response.text() };
    },
    serveGet: options.explorer ? (req, res) => serveExplorer(req, res, options.explorer!, '/graphql') : undefined,
  });
  return { handler, dispose: () => runtime.dispose() };
}
