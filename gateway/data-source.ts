import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { signedHeaders } from '../subgraphs/kit/auth/gateway-credential';
import { ErrorCode } from '../subgraphs/kit/errors';
import { postJson, RequestTimeoutError, type PostResult } from '../subgraphs/kit/http-client';
import { logger, safeError } from '../subgraphs/kit/logger';
import { gatewayMetrics } from '../subgraphs/kit/metrics';
import { startSpan } from '../subgraphs/kit/telemetry';
import type { GatewayContext } from './server';

type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/**
 * How the gateway fetches from one subgraph. Every request carries the caller's token, the purpose and the
 * trace id, signed with the gateway's credential (kit/auth/gateway-credential.ts). A subgraph the gateway
 * cannot reach is named in the error, so a wijkteam member reads "the cjg service is unavailable" next to
 * the rest of the picture.
 *
 * Our own `GraphQLDataSource` rather than Apollo's `RemoteGraphQLDataSource`: that one builds node-fetch
 * `Headers` and a `Request` per fetch and hands them to a fetch implementation, which together were most
 * of the gateway's CPU under the household picture (issue 15's profile). What we need of it (a POST of
 * JSON, the answer parsed, the errors coded) is the few lines below on the kit's kept-alive client.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly url: URL;

  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly gatewaySecret: Uint8Array,
    private readonly timeoutMs: number,
  ) {
    this.url = new URL(url);
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    // Only client operations carry a caller; the gateway's own requests (health checks) have none.
    const context = 'incomingRequestContext' in options && options.context.authorization ? options.context : undefined;
    if (context?.counters) context.counters.fetches++;
    const span = context ? startSpan(`fetch ${this.serviceName}`, { traceId: context.traceId, spanId: context.spanId ?? '0000000000000001' }, 'client') : undefined;
    const timer = gatewayMetrics.fetchDuration.startTimer({ service: this.serviceName });
    let failure: string | undefined;
    try {
      const headers = context ? await this.headers(context, request.query ?? '', request.variables) : {};
      if (span) headers.traceparent = span.traceparent();
      const payload = JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName });
      // A kept-alive connection that the subgraph closed while this gateway was busy (a long plan) fails on
      // first write; a read is safe to send once more, on a new connection. A write is not.
      const retryReset = !/^\s*mutation\b/.test(request.query ?? '');
      const answer = await postJson(this.url, headers, payload, { timeoutMs: this.timeoutMs, retryReset }).catch((error: unknown) => {
        throw this.unavailable(error);
      });
      return this.parse(answer);
    } catch (error) {
      failure = String((error as GraphQLError).extensions?.code ?? 'UNKNOWN');
      gatewayMetrics.fetchErrors.inc({ service: this.serviceName, code: failure });
      throw error;
    } finally {
      timer();
      span?.end(failure);
    }
  }

  private async headers(context: GatewayContext, query: string, variables: Record<string, unknown> | undefined): Promise<Record<string, string>> {
    const casusToegang = (await context.casusVragen?.headerFor(this.serviceName, variables)) ?? '';
    return signedHeaders(this.gatewaySecret, { ...context, casusToegang, query, variables });
  }

  /**
   * A subgraph that refused the request answers with a coded GraphQL error (a 400 for a bad variable, a
   * 401 for a bad signature): pass its code and message on, instead of masking them as internal.
   */
  private parse({ status, body }: PostResult): GatewayGraphQLResponse {
    let parsed: GatewayGraphQLResponse | undefined;
    try {
      parsed = JSON.parse(body) as GatewayGraphQLResponse;
    } catch {
      parsed = undefined;
    }
    if (status >= 200 && status < 300 && parsed && typeof parsed === 'object') return parsed;
    const first = parsed?.errors?.[0];
    const code = first?.extensions?.code;
    if (typeof first?.message === 'string' && typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      throw new GraphQLError(first.message, { extensions: { code, service: this.serviceName } });
    }
    throw new GraphQLError(`The ${this.serviceName} service answered HTTP ${status}`, { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
  }

  private unavailable(error: unknown): GraphQLError {
    if (error instanceof GraphQLError) return error;
    const timedOut = error instanceof RequestTimeoutError;
    logger.warn({ service: this.serviceName, url: this.url.href, err: safeError(error) }, 'subgraph fetch failed');
    return new GraphQLError(timedOut ? `The ${this.serviceName} service did not answer in time` : `The ${this.serviceName} service is unavailable`, {
      extensions: { code: timedOut ? ErrorCode.SUBGRAPH_TIMEOUT : ErrorCode.SUBGRAPH_UNAVAILABLE, service: this.serviceName },
    });
  }
}
