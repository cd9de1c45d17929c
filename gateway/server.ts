import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { QueryPlan } from '@apollo/query-planner';
import { loadAuthConfig, type AuthConfig } from '../subgraphs/kit/auth/config';
import { CasusVragen } from '../subgraphs/kit/auth/casus-toegang';
import { HEADERS, signedHeaders } from '../subgraphs/kit/auth/gateway-credential';
import { tokenVerifier, type Actor } from '../subgraphs/kit/auth/token';
import type { SubgraphName } from '../subgraphs/kit/config';
import { ErrorCode } from '../subgraphs/kit/errors';
import { basePlugins, maskUnexpectedErrors } from '../subgraphs/kit/server';
import { ServiceStats } from '../subgraphs/kit/stats';
import { headerMap, startListener, type HttpListener } from '../subgraphs/kit/http';
import { logger, safeError } from '../subgraphs/kit/logger';
import { gatewayMetrics } from '../subgraphs/kit/metrics';
import { startSpan, type TraceSpan } from '../subgraphs/kit/telemetry';
import { loadDoorConfig, type DoorConfig } from './config';
import { createDoor, doorSettings } from './door';
import { serveExplorer, type ExplorerOptions } from './explorer';
import { gatewayReadiness } from './health';

export const SUPERGRAPH_FILE = new URL('../schema/supergraph.graphql', import.meta.url);

export function readSupergraph(): string {
  return readFileSync(SUPERGRAPH_FILE, 'utf8');
}

/** A subgraph's URL as the supergraph names it (`join__graph(name:, url:)`); a gateway may override it. */
export function supergraphUrl(supergraphSdl: string, name: SubgraphName): string {
  const url = new RegExp(`join__graph\\(name: "${name}", url: "([^"]+)"\\)`).exec(supergraphSdl)?.[1];
  if (!url) throw new Error(`the supergraph names no subgraph "${name}"`);
  return url;
}

/** One client request as the gateway knows it: the verified caller, the stated purpose, its trace id. */
export interface GatewayContext {
  actor: Actor;
  authorization: string;
  purpose: string;
  traceId: string;
  /** For a wijkteam member: asks the wijkteam about casus access, for the lokets (casus-toegang.ts). */
  casusVragen?: CasusVragen;
  /** Subgraph fetches of this request, for the access log (an object: Apollo copies the context per operation). */
  counters?: { fetches: number };
  /** The request's span at the door: the parent of each subgraph fetch's span. */
  spanId?: string;
}

function header(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/**
 * Every subgraph request carries the caller's token, the purpose and the trace id, signed with the
 * gateway's credential (kit/auth/gateway-credential.ts). A subgraph the gateway cannot reach is named in
 * the error, so a wijkteam member reads "the cjg service is unavailable" next to the rest of the picture.
 */
class LoketDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** The span of each fetch under way (kit/telemetry.ts), by request. */
  private readonly spans = new WeakMap<object, TraceSpan>();

  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly gatewaySecret: Uint8Array,
    timeoutMs: number,
  ) {
    // Node's own fetch (undici, keep-alive): the default make-fetch-happen stack cost the gateway about a
    // fifth of its CPU per request in the benchmark's profile (BENCHMARKS.md). The headers go over as a
    // plain record: undici reading Apollo's node-fetch `Headers` one by one cost three times as much.
    super({
      url,
      fetcher: (input, init) => fetch(input, { ...(init as RequestInit), headers: plainHeaders(init?.headers), signal: AbortSignal.timeout(timeoutMs) }),
    });
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    // Only client operations carry a caller; the gateway's own requests (health checks) have none.
    if (!('context' in options) || !options.context.authorization) return;
    const { request } = options;
    const context = options.context as GatewayContext;
    const casusToegang = (await context.casusVragen?.headerFor(this.serviceName, request.variables)) ?? '';
    const headers = signedHeaders(this.gatewaySecret, { ...context, casusToegang, query: request.query, variables: request.variables });
    for (const [name, value] of Object.entries(headers)) request.http!.headers.set(name, value);
    this.spans.get(request)?.end('sent again');
    const span = startSpan(`fetch ${this.serviceName}`, { traceId: context.traceId, spanId: context.spanId ?? '0000000000000001' }, 'client');
    this.spans.set(request, span);
    request.http!.headers.set('traceparent', span.traceparent());
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const counters = 'context' in options ? (options.context as GatewayContext).counters : undefined;
    if (counters) counters.fetches++;
    const timer = gatewayMetrics.fetchDuration.startTimer({ service: this.serviceName });
    try {
      return await this.processOnce(options);
    } catch (error) {
      gatewayMetrics.fetchErrors.inc({ service: this.serviceName, code: String((error as GraphQLError).extensions?.code ?? 'UNKNOWN') });
      throw error;
    } finally {
      timer();
      this.spans.get(options.request)?.end();
      this.spans.delete(options.request);
    }
  }

  private async processOnce(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    try {
      return await super.process(options);
    } catch (error) {
      // A kept-alive connection that the subgraph closed while this gateway was busy (a long plan) fails
      // on first write; a read is safe to send once more, on a new connection. A write is not.
      if (!isReset(error) || /^\s*mutation\b/.test(options.request.query ?? '')) throw this.unavailable(error);
      try {
        return await super.process(options);
      } catch (again) {
        throw this.unavailable(again);
      }
    }
  }

  /**
   * A subgraph that refused the request answers with a coded GraphQL error (a 400 for a bad variable, a
   * 401 for a bad signature): pass its code and message on, instead of masking them as internal.
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]) {
    const body = (await this.parseBody(response).catch(() => undefined)) as { errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | undefined;
    const first = typeof body === 'object' ? body?.errors?.[0] : undefined;
    if (typeof first?.message === 'string' && typeof first.extensions?.code === 'string' && first.extensions.code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      return new GraphQLError(first.message, { extensions: { code: first.extensions.code, service: this.serviceName } });
    }
    return new GraphQLError(`The ${this.serviceName} service answered HTTP ${response.status}`, { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
  }

  private unavailable(error: unknown): GraphQLError {
    if (error instanceof GraphQLError) return error;
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    logger.warn({ service: this.serviceName, url: this.url, err: safeError(error) }, 'subgraph fetch failed');
    return new GraphQLError(timedOut ? `The ${this.serviceName} service did not answer in time` : `The ${this.serviceName} service is unavailable`, {
      extensions: { code: timedOut ? ErrorCode.SUBGRAPH_TIMEOUT : ErrorCode.SUBGRAPH_UNAVAILABLE, service: this.serviceName },
    });
  }
}

const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/** A connection that broke under a request (not one that was refused: that service is down). */
function isReset(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (typeof e.code === 'string' && RESET_CODES.has(e.code)) return true;
  }
  return false;
}

/** Apollo hands the fetcher node-fetch `Headers`; `raw()` gives all of them at once. */
function plainHeaders(headers: unknown): Record<string, string> | undefined {
  if (!headers) return undefined;
  const raw = (headers as { raw?: () => Record<string, string[]> }).raw;
  if (typeof raw !== 'function') return headers as Record<string, string>;
  const plain: Record<string, string> = {};
  for (const [name, values] of Object.entries(raw.call(headers))) plain[name] = values.join(', ');
  return plain;
}

export interface GatewayOptions {
  supergraphSdl: string;
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
  development?: boolean;
  /** Called with every query plan the gateway executes (tests count its fetch stages). */
  onQueryPlan?: (plan: QueryPlan) => void;
  /** Token keys and the gateway's credential; from the environment when not given. */
  auth?: AuthConfig;
  /** Limits, trusted documents, rate, timeouts, CORS; from the environment when not given. */
  door?: DoorConfig;
  /** Development: the explorer's roles and example household (gateway/explorer.ts); no page without. */
  explorer?: ExplorerOptions;
  /**
   * Who is asking: by default the verified token (401 otherwise) and, for a wijkteam member, whom to ask
   * about casus access. Only the benchmark replaces it, to measure without authorization
   * (scripts/bench/unguarded.ts).
   */
  caller?: (headers: IncomingHttpHeaders, traceId: string) => Promise<GatewayContext>;
}

export interface Gateway {
  server: ApolloServer<GatewayContext>;
  stats: ServiceStats;
  /** Listens on `port` (0: any free port) and returns the GraphQL URL. */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The gateway on the committed supergraph file: it starts without asking the subgraphs anything, so it
 * comes up even while a subgraph is down, and serves exactly the schema that was reviewed.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const stats = new ServiceStats();
  const auth = options.auth ?? loadAuthConfig();
  const doorConfig = options.door ?? loadDoorConfig();
  const development = options.development ?? false;
  const verifyToken = tokenVerifier(auth);
  const urls: Partial<Record<SubgraphName, string>> = {};
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const resolved = (urls[name as SubgraphName] = options.subgraphUrls?.[name as SubgraphName] ?? url ?? '');
      return new LoketDataSource(name, resolved, auth.gatewaySecret, doorConfig.subgraphTimeoutMs);
    },
    experimental_didResolveQueryPlan: options.onQueryPlan ? ({ queryPlan }) => options.onQueryPlan?.(queryPlan) : undefined,
  });
  // Apollo's Sandbox loads Apollo's CDN and fonts; the explorer of development is our own page (explorer.ts).
  const landingPage = ApolloServerPluginLandingPageDisabled();
  const server = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [...(basePlugins(stats) as ApolloServerPlugin<GatewayContext>[]), landingPage],
    introspection: development,
    // The door (door.ts) already refused what is malformed, too large or untrusted; Apollo's own APQ
    // cache would let a client register operations, which trusted documents forbid.
    persistedQueries: false,
    hideSchemaDetailsFromClientErrors: !development,
    includeStacktraceInErrorResponses: false,
    formatError: maskUnexpectedErrors,
    stopOnTerminationSignals: false, // see kit/subgraph.ts: our handler stops everything once
  });
  // Authentication happens at the door, once per request (401 without a valid token); authorization
  // happens in each subgraph, which owns its data.
  const authenticate = async (headers: IncomingHttpHeaders, traceId: string): Promise<GatewayContext> => {
    const authorization = header(headers, 'authorization');
    const actor = await verifyToken(authorization);
    const caller = { actor, authorization, purpose: header(headers, HEADERS.purpose), traceId, counters: { fetches: 0 } };
    if (actor.rol !== 'wijkteam-medewerker') return caller;
    return { ...caller, casusVragen: new CasusVragen({ url: urls.wijkteam!, secret: auth.gatewaySecret, caller }) };
  };
  let listener: HttpListener | undefined;
  const door = createDoor<GatewayContext>({
    ...doorSettings(doorConfig, options.supergraphSdl, development),
    readiness: gatewayReadiness(() => listener !== undefined, () => urls as Record<string, string>),
    authenticate: options.caller ?? authenticate,
    async execute({ req, context, body }) {
      const response = await server.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: 'POST', headers: headerMap(req.headers), search: '', body },
        context: async () => context,
      });
      if (response.body.kind !== 'complete') throw new Error('incremental delivery is not enabled');
      return { status: response.status ?? 200, headers: response.headers, body: response.body.string, fetches: context.counters?.fetches };
    },
    serveGet: options.explorer ? (req, res) => serveExplorer(req, res, options.explorer!, '/') : undefined,
  });
  return {
    server,
    stats,
    async listen(port, host = '127.0.0.1') {
      await server.start();
      listener = await startListener(door, port, host);
      logger.info({ subgraphs: urls }, 'gateway: subgraph URLs');
      return listener.url;
    },
    async close() {
      await listener?.close();
      await server.stop();
    },
  };
}
