import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from './errors';

/**
 * A route of a service's own beside GraphQL, for the gateway's internal questions: JSON in, JSON out.
 * It throws a GraphQLError with a code for a refusal; its `extensions.http.status` is the HTTP status.
 */
export type JsonRoute = (request: { headers: IncomingHttpHeaders; body: unknown }) => Promise<unknown>;

export interface HttpListener {
  url: string;
  close(): Promise<void>;
}

/** Larger than any gateway fetch (a page of 100 households' representations is a few KB). */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const DRAIN_MS = 5_000;

/**
 * Serves a started Apollo Server on Node's own HTTP server (Apollo's documented integration API,
 * `executeHTTPGraphQLRequest`), with the service's JSON routes beside it; GraphQL answers on every other
 * path, as the standalone server does. Why not the standalone server: it cannot hold a route of our own,
 * and its express stack (body-parser, negotiator, cors that a subgraph does not need) showed in every
 * subgraph profile of the benchmark.
 */
export async function listenHttp<C extends BaseContext>(
  server: ApolloServer<C>,
  options: { port: number; host: string; context: (req: IncomingMessage) => Promise<C>; routes?: Record<string, JsonRoute> },
): Promise<HttpListener> {
  const routes = new Map(Object.entries(options.routes ?? {}));
  const http = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('HTTP request failed', error);
      if (!res.headersSent) sendJson(res, 500, errorBody('Internal server error', ErrorCode.INTERNAL_SERVER_ERROR));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://service');
    const raw = await readBody(req);
    if (raw === null) return sendJson(res, 413, errorBody(`A request body may hold at most ${MAX_BODY_BYTES} bytes`, ErrorCode.BAD_USER_INPUT));
    const isJson = (req.headers['content-type'] ?? '').startsWith('application/json');
    let body: unknown = raw.length ? raw : undefined;
    if (isJson && raw.length) {
      try {
        body = JSON.parse(raw);
      } catch {
        return sendJson(res, 400, errorBody('The request body is not valid JSON', ErrorCode.BAD_USER_INPUT));
      }
    }
    const route = routes.get(url.pathname);
    if (route) return serveRoute(route, req, res, body);
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method?.toUpperCase() ?? 'GET', headers, search: url.search, body },
      context: () => options.context(req),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') return void res.end(response.body.string);
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/`,
    async close() {
      // Stop taking connections and let requests in flight finish (for a while); stopping Apollo is the owner's.
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeIdleConnections();
      const timer = setTimeout(() => http.closeAllConnections(), DRAIN_MS);
      await closed;
      clearTimeout(timer);
    },
  };
}

async function serveRoute(route: JsonRoute, req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, errorBody('Send a POST with a JSON body', ErrorCode.BAD_USER_INPUT));
  try {
    sendJson(res, 200, await route({ headers: req.headers, body }));
  } catch (error) {
    if (!(error instanceof GraphQLError) || !error.extensions.code) throw error;
    const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 400;
    sendJson(res, status, errorBody(error.message, String(error.extensions.code)));
  }
}

/** The body as text; null when it is larger than allowed. */
async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end even when too large, so the client gets the 413 instead of a reset connection.
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8');
}

function errorBody(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
