import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { QueryPlan } from '@apollo/query-planner';
import type { SubgraphName } from '../subgraphs/kit/config';
import { ErrorCode } from '../subgraphs/kit/errors';
import { basePlugins, maskUnexpectedErrors } from '../subgraphs/kit/server';
import { ServiceStats } from '../subgraphs/kit/stats';

export const SUPERGRAPH_FILE = new URL('../schema/supergraph.graphql', import.meta.url);

export function readSupergraph(): string {
  return readFileSync(SUPERGRAPH_FILE, 'utf8');
}

/**
 * A subgraph the gateway cannot reach is named in the error, so a wijkteam member reads "the cjg service
 * is unavailable" next to the rest of the picture instead of a bare internal error.
 */
class LoketDataSource extends RemoteGraphQLDataSource {
  constructor(private readonly serviceName: string, url: string) {
    super({ url });
  }

  override async process(options: GraphQLDataSourceProcessOptions) {
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

export interface GatewayOptions {
  supergraphSdl: string;
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
  development?: boolean;
  /** Called with every query plan the gateway executes (tests count its fetch stages). */
  onQueryPlan?: (plan: QueryPlan) => void;
}

export interface Gateway {
  server: ApolloServer;
  stats: ServiceStats;
}

/**
 * The gateway on the committed supergraph file: it starts without asking the subgraphs anything, so it
 * comes up even while a subgraph is down, and serves exactly the schema that was reviewed.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const stats = new ServiceStats();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => new LoketDataSource(name, options.subgraphUrls?.[name as SubgraphName] ?? url ?? ''),
    experimental_didResolveQueryPlan: options.onQueryPlan ? ({ queryPlan }) => options.onQueryPlan?.(queryPlan) : undefined,
  });
  const landingPage = options.development
    ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
    : ApolloServerPluginLandingPageDisabled();
  const server = new ApolloServer({
    gateway,
    plugins: [...basePlugins(stats), landingPage],
    introspection: options.development ?? false,
    includeStacktraceInErrorResponses: false,
    formatError: maskUnexpectedErrors,
    stopOnTerminationSignals: false, // see kit/subgraph.ts: our handler stops everything once
  });
  return { server, stats };
}
