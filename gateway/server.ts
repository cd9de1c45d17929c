import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { QueryPlan } from '@apollo/query-planner';
import { loadAuthConfig, type AuthConfig } from '../subgraphs/kit/auth/config';
import { CasusVragen } from '../subgraphs/kit/auth/casus-toegang';
import { HEADERS, signedHeaders } from '../subgraphs/kit/auth/gateway-credential';
import { tokenVerifier, type Actor } from '../subgraphs/kit/auth/token';
import type { SubgraphName } from '../subgraphs/kit/config';
import { ErrorCode } from '../subgraphs/kit/errors';
import { basePlugins, maskUnexpectedErrors } from '../subgraphs/kit/server';
import { ServiceStats } from '../subgraphs/kit/stats';

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
  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly gatewaySecret: Uint8Array,
  ) {
    // Node's own fetch (undici, keep-alive): the default make-fetch-happen stack cost the gateway about a
    // fifth of its CPU per request in the benchmark's profile (BENCHMARKS.md). The headers go over as a
    // plain record: undici reading Apollo's node-fetch `Headers` one by one cost three times as much.
    super({ url, fetcher: (input, init) => fetch(input, { ...(init as RequestInit), headers: plainHeaders(init?.headers) }) });
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    // Only client operations carry a caller; the gateway's own requests (health checks) have none.
    if (!('context' in options) || !options.context.authorization) return;
    const { request } = options;
    const context = options.context as GatewayContext;
    const casusToegang = (await context.casusVragen?.headerFor(this.serviceName, request.variables)) ?? '';
    const headers = signedHeaders(this.gatewaySecret, { ...context, casusToegang, query: request.query, variables: request.variables });
    for (const [name, value] of Object.entries(headers)) request.http!.headers.set(name, value);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      throw new GraphQLError(`The ${this.serviceName} service is unavailable`, {
        extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, service: this.serviceName },
      });
    }
  }
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
  /**
   * Who is asking: by default the verified token (401 otherwise) and, for a wijkteam member, whom to ask
   * about casus access. Only the benchmark replaces it, to measure without authorization
   * (scripts/bench/unguarded.ts).
   */
  caller?: (headers: IncomingHttpHeaders) => Promise<GatewayContext>;
}

export interface Gateway {
  server: ApolloServer<GatewayContext>;
  stats: ServiceStats;
  /** Listens on `port` (0: any free port) and returns the GraphQL URL. */
  listen(port: number, host?: string): Promise<string>;
}

/** The trace id goes back to the client too: a support desk can find one request in every log with it. */
const returnTraceId: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart({ contextValue }) {
    return {
      async willSendResponse({ response }) {
        if (contextValue.traceId) response.http.headers.set(HEADERS.traceId, contextValue.traceId);
      },
    };
  },
};

/**
 * The gateway on the committed supergraph file: it starts without asking the subgraphs anything, so it
 * comes up even while a subgraph is down, and serves exactly the schema that was reviewed.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const stats = new ServiceStats();
  const auth = options.auth ?? loadAuthConfig();
  const verifyToken = tokenVerifier(auth);
  const urls: Partial<Record<SubgraphName, string>> = {};
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const resolved = (urls[name as SubgraphName] = options.subgraphUrls?.[name as SubgraphName] ?? url ?? '');
      return new LoketDataSource(name, resolved, auth.gatewaySecret);
    },
    experimental_didResolveQueryPlan: options.onQueryPlan ? ({ queryPlan }) => options.onQueryPlan?.(queryPlan) : undefined,
  });
  const landingPage = options.development
    ? ApolloServerPluginLandingPageLocalDefault({
        // The Sandbox sends these with every operation, its schema polling included: paste a token from
        // `npm start` or `npm run token` after "Bearer ". No usage data leaves the browser.
        embed: { runTelemetry: false, initialState: { sharedHeaders: { authorization: 'Bearer ', [HEADERS.purpose]: 'integrale-aanpak' } } },
      })
    : ApolloServerPluginLandingPageDisabled();
  const server = new ApolloServer<GatewayContext>({
    gateway,
    plugins: [...(basePlugins(stats) as ApolloServerPlugin<GatewayContext>[]), returnTraceId, landingPage],
    introspection: options.development ?? false,
    includeStacktraceInErrorResponses: false,
    formatError: maskUnexpectedErrors,
    stopOnTerminationSignals: false, // see kit/subgraph.ts: our handler stops everything once
  });
  // Authentication happens here, once per request (401 without a valid token); authorization happens in
  // each subgraph, which owns its data.
  const authenticate = async (headers: IncomingHttpHeaders): Promise<GatewayContext> => {
    const authorization = header(headers, 'authorization');
    const actor = await verifyToken(authorization);
    const caller = { actor, authorization, purpose: header(headers, HEADERS.purpose), traceId: randomBytes(16).toString('hex') };
    if (actor.rol !== 'wijkteam-medewerker') return caller;
    return { ...caller, casusVragen: new CasusVragen({ url: urls.wijkteam!, secret: auth.gatewaySecret, caller }) };
  };
  const context = ({ req }: { req: { headers: IncomingHttpHeaders } }) => (options.caller ?? authenticate)(req.headers);
  return {
    server,
    stats,
    async listen(port, host = '127.0.0.1') {
      return (await startStandaloneServer(server, { listen: { port, host }, context })).url;
    },
  };
}
