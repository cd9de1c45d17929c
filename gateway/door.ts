/**
 * The gateway's door: everything a request must pass before a gateway runtime parses, validates, plans or
 * executes it, the same for `@apollo/gateway` (gateway/server.ts) and Hive Gateway (gateway/hive-runtime.ts).
 * In order: method and CORS, the concurrency limit (503), body size, media type, the token (401), the caller's rate (429), JSON, the
 * trusted documents, the syntax and the limits (400, a code per limit), the input values. Every answer is a
 * GraphQL JSON response with `extensions.code` and an `X-Trace-Id`; a refusal never reaches the planner.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import { z } from 'zod';
import { HEADERS } from '../subgraphs/kit/auth/gateway-credential';
import type { Actor } from '../subgraphs/kit/auth/token';
import { ErrorCode } from '../subgraphs/kit/errors';
import { readBody, sendJson, serveHealth, type Readiness } from '../subgraphs/kit/http';
import { logger, safeError } from '../subgraphs/kit/logger';
import { gatewayMetrics } from '../subgraphs/kit/metrics';
import { startSpan, type TraceSpan } from '../subgraphs/kit/telemetry';
import type { DoorConfig } from './config';
import { checkLiterals, checkVariables, doorSchema } from './inputs';
import { enforceLimits, measure, parseDocument, resolveOperation, type Limits } from './limits';
import { RateLimiter } from './rate-limit';
import { badRequest, Refusal } from './refusal';
import { readManifest, TrustedDocuments } from './trusted-documents';

/** What a runtime gets to execute: an operation that passed the door, and whom it is for. */
export interface AdmittedRequest<C> {
  req: IncomingMessage;
  context: C;
  body: { query: string; operationName?: string; variables?: Record<string, unknown> };
  traceId: string;
  /** The request's span (kit/telemetry.ts): the parent of the runtime's subgraph fetches. */
  span: TraceSpan;
  /** Aborted when the request runs past its timeout: fetches still under way stop. */
  signal: AbortSignal;
}

export interface RuntimeResponse {
  status: number;
  headers: Iterable<[string, string]>;
  body: string;
  /** Subgraph fetches the request made, where the runtime counts them. */
  fetches?: number;
}

/** What the access log line and the metrics say about one request; never a variable or a person. */
interface AccessRecord {
  operation: string;
  operationName?: string;
  rol?: string;
  organisatie?: string;
  fetches?: number;
  code?: string;
  partial?: boolean;
}

export interface DoorOptions<C extends { actor: Actor; spanId?: string }> {
  /** The supergraph with the kit's scalars (inputs.ts): argument types and list fields. */
  schema: GraphQLSchema;
  limits: Limits;
  trusted: TrustedDocuments;
  rateLimiter: RateLimiter;
  /** Origins whose pages may call the gateway from a browser; none by default. */
  corsOrigins: readonly string[];
  requestTimeoutMs: number;
  /** Requests worked on at once before the next is shed (503); 0: no limit. */
  maxConcurrentRequests: number;
  development: boolean;
  /** Verifies the caller (a GraphQLError with `extensions.http.status` 401 otherwise) and builds the runtime's context. */
  authenticate(headers: IncomingHttpHeaders, traceId: string): Promise<C>;
  execute(request: AdmittedRequest<C>): Promise<RuntimeResponse>;
  /** A GET without an operation in development: the runtime's explorer page. */
  serveGet?(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** `GET /readyz` (gateway/health.ts); `GET /healthz` needs nothing. */
  readiness(): Promise<Readiness>;
}

const bodySchema = z.object({
  query: z.string().nullish(),
  operationName: z.string().nullish(),
  variables: z.record(z.string(), z.unknown()).nullish(),
  extensions: z.record(z.string(), z.unknown()).nullish(),
  documentId: z.string().nullish(),
});

/** The door's parts for a gateway on `supergraphSdl`, from its configuration. */
export function doorSettings(config: DoorConfig, supergraphSdl: string, development: boolean) {
  const enforce = !development && !config.allowArbitraryOperations;
  if (!development && config.allowArbitraryOperations) {
    logger.warn('ALLOW_ARBITRARY_OPERATIONS is set: this production gateway runs any operation, not only its trusted documents');
  }
  return {
    schema: doorSchema(supergraphSdl),
    limits: config.limits,
    trusted: new TrustedDocuments(readManifest(), enforce),
    rateLimiter: new RateLimiter(config.rateLimit.perMinute, config.rateLimit.burst),
    corsOrigins: config.corsOrigins,
    requestTimeoutMs: config.requestTimeoutMs,
    maxConcurrentRequests: config.maxConcurrentRequests,
    development,
  };
}

/** Documents that passed parsing and the literal checks, by text: a client sends the same few again and again. */
const ADMITTED_KEPT = 500;

/**
 * Past saturation a request that waits only makes every other one later, until clients time out and their
 * connections break. A request over the concurrency limit is refused at once, before its body is read or
 * its token checked: 503 with `Retry-After`, so a client can tell "try again in a second" from a failure.
 */
const RETRY_AFTER_SECONDS = 1;

export function createDoor<C extends { actor: Actor; spanId?: string }>(options: DoorOptions<C>) {
  const admitted = new Map<string, DocumentNode>();
  const cors = new Set(options.corsOrigins);
  let inFlight = 0;

  function documentFor(query: string): DocumentNode {
    const known = admitted.get(query);
    if (known) return known;
    const document = parseDocument(query, options.limits.maxTokens);
    checkLiterals(options.schema, document);
    if (admitted.size >= ADMITTED_KEPT) admitted.delete(admitted.keys().next().value!);
    admitted.set(query, document);
    return document;
  }

  /** The operation of a parsed body, once it passed every check; throws a Refusal. */
  function admit(raw: unknown): AdmittedRequest<C>['body'] {
    if (Array.isArray(raw)) throw badRequest(ErrorCode.BAD_REQUEST, 'Send one operation per request: batched requests are not supported');
    const parsed = bodySchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw badRequest(ErrorCode.BAD_REQUEST, `The request body is not a GraphQL request: ${issue.path.join('.') || 'body'}: ${issue.message}`);
    }
    const { operationName, variables, extensions, documentId } = parsed.data;
    const query = options.trusted.resolve({ query: parsed.data.query ?? undefined, documentId: documentId ?? undefined, extensions: extensions ?? undefined });
    const document = documentFor(query);
    const operation = resolveOperation(document, operationName);
    enforceLimits(measure(options.schema, document, operation, variables), options.limits);
    checkVariables(options.schema, operation, variables);
    // Only the keys that have a value: Apollo refuses a key that is there but undefined.
    return { query, ...(operationName ? { operationName } : {}), ...(variables ? { variables } : {}) };
  }

  function corsHeaders(req: IncomingMessage): Record<string, string> {
    const origin = req.headers.origin;
    if (!origin || !cors.has(origin)) return {};
    return { 'access-control-allow-origin': origin, vary: 'Origin', 'access-control-expose-headers': `${HEADERS.traceId}, retry-after` };
  }

  async function handle(req: IncomingMessage, res: ServerResponse, span: TraceSpan, record: AccessRecord): Promise<void> {
    const { traceId } = span;
    if (await serveHealth(req, res, options.readiness)) return;
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') return preflight(req, res);
    if (method === 'GET' || method === 'HEAD') {
      const search = new URL(req.url ?? '/', 'http://gateway').searchParams;
      if (options.development && options.serveGet && !search.has('query') && !search.has('documentId')) return options.serveGet(req, res);
      throw new Refusal(405, ErrorCode.METHOD_NOT_ALLOWED, 'Send operations with POST and a JSON body', {}, { allow: 'POST' });
    }
    if (method !== 'POST') throw new Refusal(405, ErrorCode.METHOD_NOT_ALLOWED, 'Send operations with POST and a JSON body', {}, { allow: 'POST' });
    if (options.maxConcurrentRequests && inFlight >= options.maxConcurrentRequests) {
      req.resume(); // the body is not read, but drained: the connection stays usable for the retry
      throw new Refusal(503, ErrorCode.OVERLOADED, `The gateway is busy: try again in ${RETRY_AFTER_SECONDS} s`, { retryAfter: RETRY_AFTER_SECONDS }, { 'retry-after': String(RETRY_AFTER_SECONDS) });
    }
    inFlight++;
    try {
      await admitAndExecute(req, res, span, record);
    } finally {
      inFlight--;
    }
  }

  async function admitAndExecute(req: IncomingMessage, res: ServerResponse, span: TraceSpan, record: AccessRecord): Promise<void> {
    const { traceId } = span;
    const raw = await readBody(req, options.limits.maxBodyBytes);
    if (raw === null) throw new Refusal(413, ErrorCode.REQUEST_TOO_LARGE, `A request body may hold at most ${options.limits.maxBodyBytes} bytes`, { limit: options.limits.maxBodyBytes });
    requireJson(req.headers['content-type']);
    const context = await options.authenticate(req.headers, traceId);
    context.spanId = span.spanId;
    record.rol = context.actor.rol;
    record.organisatie = context.actor.organisatie;
    const wait = options.rateLimiter.take(context.actor.sub);
    if (wait) throw new Refusal(429, ErrorCode.RATE_LIMITED, `Too many requests: try again in ${wait} s`, { retryAfter: wait }, { 'retry-after': String(wait) });
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw badRequest(ErrorCode.BAD_REQUEST, 'The request body is not valid JSON');
    }
    const body = admit(json);
    record.operation = options.trusted.nameOf(body.query);
    record.operationName = body.operationName;
    const response = await withTimeout((signal) => options.execute({ req, context, body, traceId, span, signal }));
    record.fetches = response.fetches;
    // The access log tells a complete answer from one with refused or unreachable parts.
    record.partial = response.status === 200 && response.body.includes('"errors":');
    res.writeHead(response.status, { ...Object.fromEntries(response.headers), ...corsHeaders(req), [HEADERS.traceId]: traceId });
    res.end(options.development ? response.body : withoutSuggestions(response.body));
  }

  async function withTimeout(run: (signal: AbortSignal) => Promise<RuntimeResponse>): Promise<RuntimeResponse> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Refusal(504, ErrorCode.REQUEST_TIMEOUT, `The request took longer than ${options.requestTimeoutMs} ms`));
      }, options.requestTimeoutMs);
    });
    try {
      return await Promise.race([run(controller.signal), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  function preflight(req: IncomingMessage, res: ServerResponse): void {
    const allowed = corsHeaders(req);
    if (!allowed['access-control-allow-origin']) throw new Refusal(403, ErrorCode.CORS_ORIGIN_NOT_ALLOWED, 'This origin may not call the gateway from a browser');
    res.writeHead(204, {
      ...allowed,
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': `authorization, content-type, ${HEADERS.purpose}`,
      'access-control-max-age': '600',
    });
    res.end();
  }

  return async function door(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    // A caller's W3C traceparent is continued: its trace id is the one the processing logs carry and what
    // X-Trace-Id returns; without one a new trace starts.
    const span = startSpan('GraphQL request', { traceparent: req.headers.traceparent }, 'server');
    const { traceId } = span;
    const record: AccessRecord = { operation: 'unknown' };
    try {
      await handle(req, res, span, record);
    } catch (error) {
      if (res.headersSent) return void res.destroy();
      const refusal = asRefusal(error);
      record.code = refusal.code;
      sendJson(res, refusal.status, refusal.body(), { ...refusal.headers, ...corsHeaders(req), [HEADERS.traceId]: traceId });
    }
    if (record.operation !== 'unknown' || record.code) account(record, res.statusCode, performance.now() - started, traceId);
    span.end(res.statusCode >= 500 ? `HTTP ${res.statusCode}` : undefined);
  };
}

/** One access line per request, and the request metrics. Health checks and explorer pages are not requests. */
function account({ partial, ...record }: AccessRecord, status: number, ms: number, traceId: string): void {
  const outcome = record.code === ErrorCode.OVERLOADED ? 'shed' : status >= 500 ? 'error' : status >= 400 ? 'refused' : partial ? 'partial' : 'ok';
  gatewayMetrics.requests.inc({ operation: record.operation, outcome });
  gatewayMetrics.duration.observe({ operation: record.operation }, ms / 1000);
  logger.info({ traceId, ...record, status, outcome, durationMs: Math.round(ms * 10) / 10 }, 'request');
}

/** `application/json`, in UTF-8 (the only charset JSON has, RFC 8259). */
function requireJson(contentType: string | undefined): void {
  const [type, ...params] = (contentType ?? '').split(';').map((p) => p.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length).replace(/"/g, '');
  if (type !== 'application/json' || (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')) {
    throw new Refusal(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Send the request body as application/json in UTF-8');
  }
}

/** A refusal as it is: an authentication error with its status; anything else is ours, logged and masked. */
function asRefusal(error: unknown): Refusal {
  if (error instanceof Refusal) return error;
  if (error instanceof GraphQLError && error.extensions.code) {
    const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 400;
    return new Refusal(status, error.extensions.code as ErrorCode, error.message);
  }
  logger.error({ err: safeError(error) }, 'gateway request failed');
  return new Refusal(500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
}

/**
 * Production shows no "Did you mean …?": a field suggestion tells a stranger the schema's names. Only
 * request errors carry them, which are rare, so the body is rewritten only when one is there.
 */
function withoutSuggestions(body: string): string {
  if (!body.includes('Did you mean')) return body;
  const parsed = JSON.parse(body) as { errors?: { message: string }[] };
  for (const error of parsed.errors ?? []) error.message = error.message.replace(/ ?Did you mean .*\?/, '');
  return JSON.stringify(parsed);
}
