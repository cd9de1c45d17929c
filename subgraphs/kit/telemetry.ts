/**
 * Traces. Every request belongs to one W3C trace: the gateway continues a caller's `traceparent` or starts
 * a trace, and sends a `traceparent` to each subgraph; the trace id is the processing log's trace id and the
 * response's `X-Trace-Id`. Spans are exported with OpenTelemetry (OTLP over HTTP) only when
 * `OTEL_EXPORTER_OTLP_ENDPOINT` is set (plus the standard `OTEL_*` variables the exporter reads); by default
 * nothing leaves the machine and a span costs a random id.
 *
 * Why not `@opentelemetry/sdk-node`: its current line needs Node 22.15, and LoketLink still runs on Node 20.19;
 * the trace SDK and the OTLP exporter it would load are used directly instead.
 */
import { randomFillSync } from 'node:crypto';
import { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, TraceFlags, type Span } from '@opentelemetry/api';
import { logger } from './logger';

const TRACEPARENT = /^00-([\da-f]{32})-([\da-f]{16})-([\da-f]{2})$/;
let exporting: { shutdown(): Promise<void>; forceFlush(): Promise<void> } | undefined;

/** Starts exporting spans when OTEL_EXPORTER_OTLP_ENDPOINT is set; a no-op otherwise. */
export async function startTelemetry(serviceName: string, env: NodeJS.ProcessEnv = process.env): Promise<typeof exporting> {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT || exporting) return exporting;
  const [{ TracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }] = await Promise.all([
    import('@opentelemetry/sdk-trace'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
  ]);
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME || serviceName }),
    spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: tracesUrl(env) }) })],
  });
  trace.setGlobalTracerProvider(provider);
  exporting = provider;
  logger.info({ endpoint: tracesUrl(env) }, 'exporting traces with OpenTelemetry (OTLP/HTTP)');
  return exporting;
}

/** Where spans go: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, else OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces (the OTLP spec). */
function tracesUrl(env: NodeJS.ProcessEnv): string {
  return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || `${env.OTEL_EXPORTER_OTLP_ENDPOINT!.replace(/\/$/, '')}/v1/traces`;
}

/** Sends what is still buffered and stops exporting (on shutdown). */
export async function stopTelemetry(): Promise<void> {
  await exporting?.shutdown();
  exporting = undefined;
}

/** One span of a request's trace; `end()` closes it. Without an exporter it only carries ids. */
export interface TraceSpan {
  traceId: string;
  spanId: string;
  /** The W3C header for a call made within this span. */
  traceparent(): string;
  end(error?: string): void;
}

/**
 * A span with the given parent (a `traceparent`, or a trace id and span id); a new trace when there is
 * none. `kind` is SERVER for a request received, CLIENT for a fetch made.
 */
export function startSpan(name: string, parent: { traceparent?: string | string[] } | { traceId: string; spanId: string }, kind: 'server' | 'client'): TraceSpan {
  const remote = 'traceId' in parent ? parent : parseTraceparent(parent.traceparent);
  if (!exporting) {
    const traceId = remote?.traceId ?? randomHex(16);
    const spanId = randomHex(8);
    return { traceId, spanId, traceparent: () => `00-${traceId}-${spanId}-01`, end() {} };
  }
  const parentContext = remote
    ? trace.setSpanContext(ROOT_CONTEXT, { traceId: remote.traceId, spanId: remote.spanId, traceFlags: TraceFlags.SAMPLED, isRemote: true })
    : context.active();
  const span: Span = trace.getTracer('loketlink').startSpan(name, { kind: kind === 'server' ? SpanKind.SERVER : SpanKind.CLIENT }, parentContext);
  const { traceId, spanId } = span.spanContext();
  return {
    traceId,
    spanId,
    traceparent: () => `00-${traceId}-${spanId}-01`,
    end(error) {
      if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: error });
      span.end();
    },
  };
}

/** The trace and parent span of a W3C `traceparent`; undefined when absent or malformed. */
export function parseTraceparent(header: string | string[] | undefined): { traceId: string; spanId: string } | undefined {
  const match = typeof header === 'string' ? TRACEPARENT.exec(header.trim()) : null;
  if (!match || /^0+$/.test(match[1]!) || /^0+$/.test(match[2]!)) return undefined;
  return { traceId: match[1]!, spanId: match[2]! };
}

/**
 * `bytes` random bytes as hex, from a pool filled 4 KiB at a time: every request and every fetch makes a
 * span id, and a `randomBytes` call each was a measurable share of a subgraph's CPU (issue 15's profile).
 */
const pool = Buffer.alloc(4096);
let used = pool.length;
export function randomHex(bytes: number): string {
  if (used + bytes > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += bytes;
  return pool.toString('hex', used - bytes, used);
}
