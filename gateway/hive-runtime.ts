/**
 * LoketLink on Hive Gateway (MIT): the committed supergraph, unchanged, plus one plugin that does what our
 * own gateway does (gateway/server.ts): verify the caller's token at the door (401 without), and forward the
 * token, the purpose and a trace id to every subgraph, signed with the gateway credential.
 */
import { randomBytes } from 'node:crypto';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway';
import type { GraphQLError } from 'graphql';
import type { AuthConfig } from '../subgraphs/kit/auth/config';
import { HEADERS, signedHeaders } from '../subgraphs/kit/auth/gateway-credential';
import { tokenVerifier, type Actor } from '../subgraphs/kit/auth/token';
import { CasusVragen } from '../subgraphs/kit/auth/casus-toegang';
import { SUBGRAPHS, type SubgraphName } from '../subgraphs/kit/config';
import { readSupergraph, supergraphUrl } from './server';

interface Caller {
  authorization: string;
  purpose: string;
  traceId: string;
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
      const caller: Caller = { authorization, purpose: request.headers.get(HEADERS.purpose) ?? '', traceId: randomBytes(16).toString('hex') };
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
      setOptions({ ...options, headers: { ...(options.headers as Record<string, string>), ...headers } });
    },
  };
}

export function createHiveGateway(options: { auth: AuthConfig; subgraphUrls: Partial<Record<SubgraphName, string>>; development?: boolean }) {
  const supergraph = readSupergraph();
  return createGatewayRuntime({
    supergraph,
    transportEntries: Object.fromEntries(
      SUBGRAPHS.flatMap((name) => (options.subgraphUrls[name] ? [[name, { location: options.subgraphUrls[name] }]] : [])),
    ),
    plugins: () => [loketLinkPlugin(options.auth, Object.fromEntries(SUBGRAPHS.map((name) => [name, options.subgraphUrls[name] ?? supergraphUrl(supergraph, name)])) as Record<SubgraphName, string>)],
    landingPage: false,
    graphiql: options.development ?? false,
    logging: 'error',
  });
}
