import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './errors';
import type { ServiceStats } from './stats';
import { findNul, NUL_ESCAPE } from './text';
import { logger } from './logger';

/** Counts the operations a service served; for a subgraph each one is a fetch from the gateway. */
export function countFetches(stats: ServiceStats): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      stats.fetches++;
    },
  };
}

/**
 * Errors a client may see: ours and GraphQL's carry a code and a message meant for them. Anything else is
 * a bug or an infrastructure failure; its message could leak SQL or personal data, so it is replaced.
 */
export function maskUnexpectedErrors(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code && code !== ErrorCode.INTERNAL_SERVER_ERROR) return formatted;
  logger.error({ err: error }, 'unexpected error');
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/**
 * A NUL character in any input (a variable, or a `\u0000` escape in the operation) is the caller's error,
 * refused with 400 before anything runs: Postgres would refuse it in text and the caller would get an
 * internal error instead (kit/text.ts).
 */
export const refuseNulCharacters: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request }) {
        const where = findNul(request.variables, '$') ?? (request.query && NUL_ESCAPE.test(request.query) ? 'the operation' : undefined);
        if (where) {
          throw new GraphQLError(`A value in ${where} holds a NUL character`, { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
        }
      },
    };
  },
};

/**
 * The plugins every LoketLink Apollo Server runs: nothing leaves the machine (no usage reporting, no inline
 * traces that a gateway could forward), and operations are counted.
 */
export function basePlugins(stats: ServiceStats): ApolloServerPlugin<BaseContext>[] {
  return [
    ApolloServerPluginUsageReportingDisabled(),
    ApolloServerPluginInlineTraceDisabled(),
    // Nothing here may be cached on the way (every answer is personal data and the caller's own), so no
    // cache hints: Apollo's default plugin computed a policy per resolved field for nothing.
    ApolloServerPluginCacheControlDisabled(),
    countFetches(stats),
  ];
}

export function subgraphPlugins(stats: ServiceStats): ApolloServerPlugin<BaseContext>[] {
  return [...basePlugins(stats), refuseNulCharacters, ApolloServerPluginLandingPageDisabled()];
}

