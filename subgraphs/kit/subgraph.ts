import { ApolloServer, type GraphQLRequest } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DocumentNode, GraphQLScalarType } from 'graphql';
import type { IncomingHttpHeaders } from 'node:http';
import type { DemoHuishouden } from '../demo/types';
import type { AccessControl, RequestAuth } from './auth/access';
import { loadAuthConfig, type AuthConfig } from './auth/config';
import { LogStore, type VerwerkingTable } from './auth/log';
import { subgraphGuard, type GuardedContext, type GuardFactory } from './auth/request';
import { DEFAULT_PORTS, subgraphUrlVariable, type SubgraphName } from './config';
import { databaseReadiness, openDatabase, type Database, type Storage } from './database';
import { listenHttp, type HttpListener, type JsonRoute } from './http';
import { maskUnexpectedErrors, subgraphPlugins } from './server';
import { registerService } from './metrics';
import { ServiceStats } from './stats';

/** The time as the service sees it; tests pass a fixed clock so deadlines and statuses are reproducible. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/**
 * What a service needs to ask another LoketLink service outside a client's query (the beleid service asks
 * the gateway's transcryptor; a loket asks the brp where a resident lives before it writes): where they
 * are, and the credential to sign with. The hub knows the URLs only once everything listens.
 */
export interface Peers {
  gatewayUrl(): string;
  /** A subgraph's GraphQL URL; its JSON routes are beside it. */
  subgraphUrl(name: SubgraphName): string;
  gatewaySecret: Uint8Array;
}

/** Where a subgraph is: `<NAME>_URL`, as the gateway reads it, else its default port on this host. */
function subgraphUrlFromEnv(name: SubgraphName): string {
  return process.env[subgraphUrlVariable(name)] || `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`;
}

/**
 * Resolvers by type name. Looser than Apollo's `GraphQLResolverMap`, whose index signature cannot type
 * `__resolveReference(reference, context, info)`; each resolver file types its own functions instead.
 */
export type Resolvers<C> = Record<string, GraphQLScalarType | Record<string, unknown>>;

/**
 * Everything that makes one subgraph: its contract (SDL), its tables and migrations, its resolvers, and
 * how it writes its part of the demo gemeente. The kit turns a definition into a running service, so each
 * subgraph holds only what is its own.
 */
export interface SubgraphDefinition<S extends Record<string, unknown>, C extends GuardedContext> {
  name: SubgraphName;
  typeDefs: DocumentNode;
  tables: S;
  /** This subgraph's processing log (one of `tables`). */
  verwerkingen: VerwerkingTable;
  migrationsFolder: string;
  resolvers: Resolvers<C>;
  /** Builds the per-request context (fresh loaders for every request) around the caller's access. */
  createContext(deps: { db: Database<S>; clock: Clock; access: AccessControl; peers: Peers }): C;
  /**
   * Internal JSON routes beside GraphQL, by path (`/casus-toegang`), for the gateway's own questions that
   * need none of GraphQL's machinery. Each gets the caller's context, after the same checks as an
   * operation: the token, and the gateway's signature over the path and the body.
   */
  routes?: Record<string, (body: unknown, context: C) => Promise<unknown>>;
  /** Writes this subgraph's part of `households`; called inside a transaction. */
  seed(db: Database<S>, households: readonly DemoHuishouden[]): Promise<void>;
  /** True while the store holds no data of this subgraph (first start). */
  isEmpty(db: Database<S>): Promise<boolean>;
}

export interface SubgraphService<S extends Record<string, unknown> = Record<string, unknown>, C extends GuardedContext = GuardedContext> {
  definition: SubgraphDefinition<S, C>;
  name: SubgraphName;
  server: ApolloServer<C>;
  db: Database<S>;
  stats: ServiceStats;
  /** Runs one operation without a socket, as `auth` (tests; in-process callers are trusted like the gateway). */
  execute(request: GraphQLRequest, auth: RequestAuth): ReturnType<ApolloServer<C>['executeOperation']>;
  /** Listens on `port` (0: any free port) and returns the GraphQL URL. */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export async function buildSubgraph<S extends Record<string, unknown>, C extends GuardedContext>(
  definition: SubgraphDefinition<S, C>,
  deps: {
    storage: Storage;
    clock?: Clock;
    auth?: AuthConfig;
    /** Who may see what, and the processing log: `subgraphGuard` unless the benchmark measures without. */
    guard?: GuardFactory;
    /** Where the gateway is; from GATEWAY_URL (default: the gateway's default port here) when not given. */
    gatewayUrl?: () => string;
    /** Where the other subgraphs are; from `<NAME>_URL` (default: their default ports here) when not given. */
    subgraphUrls?: () => Partial<Record<SubgraphName, string>>;
  },
): Promise<SubgraphService<S, C>> {
  const stats = new ServiceStats();
  const clock = deps.clock ?? systemClock;
  const authConfig = deps.auth ?? loadAuthConfig(); // before the database: a bad secret fails fast
  const { db, close: closeDb } = await openDatabase({
    subgraph: definition.name,
    storage: deps.storage,
    schema: definition.tables,
    migrationsFolder: definition.migrationsFolder,
    stats,
  });
  const readiness = databaseReadiness(db, definition.name, definition.migrationsFolder);
  registerService(definition.name, stats, deps.storage.kind === 'postgres' ? (deps.storage.poolMax ?? 10) : undefined);
  const logStore = new LogStore(db as Database<Record<string, unknown>>, definition.verwerkingen);
  const guard = (deps.guard ?? subgraphGuard)(authConfig, logStore);
  const peers: Peers = {
    gatewayUrl: deps.gatewayUrl ?? (() => process.env.GATEWAY_URL || `http://127.0.0.1:${DEFAULT_PORTS.gateway}/`),
    subgraphUrl: (name) => deps.subgraphUrls?.()[name] ?? subgraphUrlFromEnv(name),
    gatewaySecret: authConfig.gatewaySecret,
  };
  const server = new ApolloServer<C>({
    schema: buildSubgraphSchema({ typeDefs: definition.typeDefs, resolvers: definition.resolvers as GraphQLResolverMap<unknown> }),
    plugins: [...subgraphPlugins(stats), guard.plugin()],
    includeStacktraceInErrorResponses: false,
    formatError: maskUnexpectedErrors,
    // Our own signal handler (kit/main.ts) stops server and database in order; Apollo's would call stop()
    // a second time, which never settles, and the process would hang until it is killed.
    stopOnTerminationSignals: false,
  });
  let starting: Promise<void> | undefined;
  const start = () => (starting ??= server.start());
  let listener: HttpListener | undefined;
  let closing: Promise<void> | undefined;
  // A route request is a fetch from the gateway like an operation, and counted as one.
  const routes = Object.fromEntries(
    Object.entries(definition.routes ?? {}).map(([path, handle]): [string, JsonRoute] => [
      path,
      async ({ headers, body }) => {
        stats.fetches++;
        return handle(body, definition.createContext({ db, clock, peers, access: await guard.fromRoute(headers, path, body) }));
      },
    ]),
  );
  return {
    definition,
    name: definition.name,
    server,
    db,
    stats,
    async execute(request, auth) {
      await start();
      return server.executeOperation(request, { contextValue: definition.createContext({ db, clock, peers, access: guard.access(auth) }) });
    },
    async listen(port, host = '127.0.0.1') {
      const context = async (req: { headers: IncomingHttpHeaders }) => {
        return definition.createContext({ db, clock, peers, access: await guard.fromHeaders(req.headers) });
      };
      await start();
      listener = await listenHttp(server, { name: definition.name, port, host, context, routes, readiness });
      return listener.url;
    },
    close() {
      // Once: a test that takes a service down closes it, and the hub closes everything again afterwards.
      return (closing ??= (async () => {
        await listener?.close(); // first: requests in flight still finish
        if (starting) await server.stop();
        await closeDb();
      })());
    },
  };
}

/** `isEmpty` for a definition: true while `table` has no rows (the subgraph's first start). */
export function tableIsEmpty<S extends Record<string, unknown>>(table: PgTable) {
  return async (db: Database<S>): Promise<boolean> =>
    (await db.select({ one: sql<number>`1` }).from(table).limit(1)).length === 0;
}
