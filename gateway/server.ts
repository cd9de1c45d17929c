import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { QueryPlan } from '@apollo/query-planner';
import { loadAuthConfig, type AuthConfig } from '../subgraphs/kit/auth/config';
import { CasusVragen } from '../subgraphs/kit/auth/casus-toegang';
import { HEADERS, signedHeaders } from '../subgraphs/kit/auth/gateway-credential';
import { tokenVerifier, type Actor } from '../subgraphs/kit/auth/token';
import { SUBGRAPHS, type SubgraphName } from '../subgraphs/kit/config';
import { ErrorCode } from '../subgraphs/kit/errors';
import { basePlugins, maskUnexpectedErrors } from '../subgraphs/kit/server';
import { ServiceStats } from '../subgraphs/kit/stats';
import { headerMap, startListener, type HttpListener } from '../subgraphs/kit/http';
import { logger, safeError } from '../subgraphs/kit/logger';
import { gatewayMetrics } from '../subgraphs/kit/metrics';
import { startSpan, type TraceSpan } from '../subgraphs/kit/telemetry';
import { loadDoorConfig, type DoorConfig } from './config';
import { SubgraphDataSource } from './data-source';
import { createDoor, doorSettings } from './door';
import { serveApp, type OidcConfig } from './app';
import { serveExplorer, type ExplorerOptions } from './explorer';
import { gatewayReadiness } from './health';
import { createTranscryptor } from './transcryptor';
import { BELEID_BRONNEN_ROUTE } from '../subgraphs/kit/statistiek';

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
  /** Production: the web application's sign-in at the gemeente's identity provider (gateway/app.ts). */
  oidc?: OidcConfig;
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
      return new SubgraphDataSource(name, resolved, auth.gatewaySecret, doorConfig.subgraphTimeoutMs);
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
  const transcryptor = createTranscryptor({
    urls: () => Object.fromEntries(SUBGRAPHS.map((name) => [name, options.subgraphUrls?.[name] ?? supergraphUrl(options.supergraphSdl, name)])) as Record<SubgraphName, string>,
    gatewaySecret: auth.gatewaySecret,
    // A source encrypts every household of a large gemeente for one export: seconds to tens of seconds (BENCHMARKS.md), not a request's budget.
    timeoutMs: 600_000,
  });
  return {
    server,
    stats,
    async listen(port, host = '127.0.0.1') {
      await server.start();
      // The transcryptor of the policy figures (transcryptor.ts) beside the door: a service's route, not a client's.
      // The web application beside GraphQL on the same origin (app.ts): in development it offers the explorer's roles to sign in with.
      const app = { roles: development ? options.explorer?.roles : undefined, oidc: options.oidc };
      listener = await startListener(async (req, res) => {
        if (req.url === BELEID_BRONNEN_ROUTE && req.method === 'POST') return transcryptor(req, res);
        if (serveApp(req, res, app)) return;
        return door(req, res);
      }, port, host);
      logger.info({ subgraphs: urls }, 'gateway: subgraph URLs');
      return listener.url;
    },
    async close() {
      await listener?.close();
      await server.stop();
    },
  };
}
