import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLResponse } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ConfigError } from './config';
import { ErrorCode } from './errors';
import { logger } from './logger';
import { startSpan } from './telemetry';

/**
 * A route of a service's own beside GraphQL, for the gateway's internal questions: JSON in, JSON out.
 * It throws a GraphQLError with a code for a refusal; its `extensions.http.status` is the HTTP status.
 */
export type JsonRoute = (request: { headers: IncomingHttpHeaders; body: unknown }) => Promise<unknown>;

/** What `GET /readyz` answers: 200 when `ready`, else 503; the rest is detail for the operator. */
export interface Readiness {
  ready: boolean;
  [detail: string]: unknown;
}

/**
 * `GET /healthz` (alive: the process answers) and `GET /readyz` (ready to serve), without a token and
 * without any person data; true when it answered the request.
 */
export async function serveHealth(req: IncomingMessage, res: ServerResponse, readiness: () => Promise<Readiness>): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/healthz') {
    sendJson(res, 200, { status: 'alive' });
    return true;
  }
  if (path !== '/readyz') return false;
  const state = await readiness().catch((): Readiness => ({ ready: false }));
  const { ready, ...detail } = state;
  sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', ...detail });
  return true;
}

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
  options: {
    /** The service, for its spans. */
    name: string;
    port: number;
    host: string;
    context: (req: IncomingMessage) => Promise<C>;
    routes?: Record<string, JsonRoute>;
    readiness: () => Promise<Readiness>;
  },
): Promise<HttpListener> {
  const routes = new Map(Object.entries(options.routes ?? {}));
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (await serveHealth(req, res, options.readiness)) return;
    // The gateway's fetch span is the parent (its traceparent); the span ends when the answer has left.
    const span = startSpan(`${options.name} request`, { traceparent: req.headers.traceparent }, 'server');
    res.once('finish', () => span.end(res.statusCode >= 500 ? `HTTP ${res.statusCode}` : undefined));
    const url = new URL(req.url ?? '/', 'http://service');
    const raw = await readBody(req, MAX_BODY_BYTES);
    if (raw === null) return sendJson(res, 413, errorBody(`A request body may hold at most ${MAX_BODY_BYTES} bytes`, ErrorCode.REQUEST_TOO_LARGE));
    const isJson = (req.headers['content-type'] ?? '').startsWith('application/json');
    let body: unknown = raw.length ? raw : undefined;
    if (isJson && raw.length) {
      try {
        body = JSON.parse(raw);
      } catch {
        return sendJson(res, 400, errorBody('The request body is not valid JSON', ErrorCode.BAD_REQUEST));
      }
    }
    const route = routes.get(url.pathname);
    if (route) return serveRoute(route, req, res, body);
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method?.toUpperCase() ?? 'GET', headers: headerMap(req.headers), search: url.search, body },
      context: () => options.context(req),
    });
    await writeApolloResponse(res, response);
  }

  return startListener(handle, options.port, options.host);
}

/**
 * Listens with `handle` on Node's HTTP server: an error it throws is logged (safely) and answered with a
 * coded 500 JSON body, never a stack. `close()` stops taking connections and lets requests in flight finish.
 */
export async function startListener(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  port: number,
  host: string,
): Promise<HttpListener> {
  const http = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'HTTP request failed');
      if (!res.headersSent) sendJson(res, 500, errorBody('Internal server error', ErrorCode.INTERNAL_SERVER_ERROR));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new ConfigError(`port ${port} on ${host} is in use (another npm start?): stop that one, or choose another port`) : error),
    );
    http.listen(port, host, () => resolve());
  });
  const address = http.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/`,
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
  if (req.method !== 'POST') return sendJson(res, 405, errorBody('Send a POST with a JSON body', ErrorCode.METHOD_NOT_ALLOWED), { allow: 'POST' });
  try {
    sendJson(res, 200, await route({ headers: req.headers, body }));
  } catch (error) {
    if (!(error instanceof GraphQLError) || !error.extensions.code) throw error;
    const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 400;
    sendJson(res, status, errorBody(error.message, String(error.extensions.code)));
  }
}

/** Past this much, a too-large body is not even read to the end: the connection is dropped. */
const DRAIN_LIMIT_FACTOR = 64;

/** The body as text; null when it is larger than `maxBytes`. */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end even when too large, so the client gets the 413 instead of a reset connection; but
  // not without end.
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
    else if (size > maxBytes * DRAIN_LIMIT_FACTOR) break;
  }
  return size > maxBytes ? null : Buffer.concat(chunks).toString('utf8');
}

export function errorBody(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Writes what `executeHTTPGraphQLRequest` answered. */
export async function writeApolloResponse(res: ServerResponse, response: HTTPGraphQLResponse, extraHeaders: Record<string, string> = {}): Promise<void> {
  for (const [name, value] of response.headers) res.setHeader(name, value);
  for (const [name, value] of Object.entries(extraHeaders)) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') return void res.end(response.body.string);
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** Node's request headers as Apollo's `HeaderMap`. */
export function headerMap(headers: IncomingHttpHeaders): HeaderMap {
  const map = new HeaderMap();
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) map.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return map;
}
