/**
 * What the gemeente's operations team sees: health and readiness without a token, the access log, the
 * metrics, and one trace id from the caller's traceparent to every loket's processing log.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HUISHOUDBEELD, LOKET_LOOKUP } from '../schema/operations';
import { findExampleHuishouden } from '../subgraphs/demo/generator';
import { subgraphDefinitions } from '../subgraphs/index';
import { PERSON_SUBGRAPHS, SUBGRAPHS } from '../subgraphs/kit/config';
import type { HttpListener } from '../subgraphs/kit/http';
import { serveMetrics } from '../subgraphs/kit/metrics';
import { startTelemetry, stopTelemetry } from '../subgraphs/kit/telemetry';
import { eq } from 'drizzle-orm';
import { headersFor, tokenFor, type Caller } from './support/auth';
import { startTestHub, type TestHub } from './support/hub';

const DEMO = { households: 20, seed: 7 };
const example = findExampleHuishouden(DEMO)!;
const regisseur: Caller = { rol: 'wijkteam-medewerker', sub: example.wijkteam!.casus.regisseur.sub };

describe('health, logs, metrics and traces', () => {
  let hub: TestHub;
  let metrics: HttpListener;

  beforeAll(async () => {
    hub = await startTestHub(DEMO, regisseur);
    metrics = await serveMetrics(0, '127.0.0.1');
  });
  afterAll(async () => {
    await metrics?.close();
    await hub?.close();
  });

  const get = async (url: string, path: string) => {
    const response = await fetch(new URL(path, url));
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('answers /healthz and /readyz on every service, without a token and without person data', async () => {
    for (const url of [hub.gatewayUrl, ...SUBGRAPHS.map((name) => hub.subgraphUrls[name])]) {
      expect(await get(url, '/healthz')).toEqual({ status: 200, body: { status: 'alive' } });
      const ready = await get(url, '/readyz');
      expect(ready.status).toBe(200);
      expect(JSON.stringify(ready.body)).not.toMatch(/999\d{6}/);
    }
    const gateway = await get(hub.gatewayUrl, '/readyz');
    expect(gateway.body).toEqual({ status: 'ready', supergraph: 'loaded', subgraphs: Object.fromEntries(SUBGRAPHS.map((n) => [n, 'ready'])) });
  });

  it('turns a subgraph not ready within 5 s of its database going away, and ready again once it is back', async () => {
    const { db } = hub.services.cjg;
    // The migration bookkeeping gone is the database gone for this subgraph: it cannot say it is migrated.
    await db.execute(sql`alter table drizzle.cjg_migrations rename to cjg_migrations_weg`);
    try {
      const started = Date.now();
      const down = await get(hub.subgraphUrls.cjg, '/readyz');
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(down).toEqual({ status: 503, body: { status: 'not ready', database: 'unreachable' } });
      const gateway = await get(hub.gatewayUrl, '/readyz');
      expect(gateway.body).toMatchObject({ status: 'ready', degraded: true, subgraphs: { cjg: 'not ready', wmo: 'ready' } });
    } finally {
      await db.execute(sql`alter table drizzle.cjg_migrations_weg rename to cjg_migrations`);
    }
    expect(await get(hub.subgraphUrls.cjg, '/readyz')).toEqual({ status: 200, body: { status: 'ready', database: 'migrated' } });
  });

  it('continues a caller’s traceparent: its trace id is in X-Trace-Id and in every loket’s processing log', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await hub.post(
      hub.gatewayUrl,
      { query: HUISHOUDBEELD, variables: { id: example.id } },
      { ...(await headersFor(regisseur)), traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    );
    expect(response.headers.get('x-trace-id')).toBe(traceId);
    for (const name of PERSON_SUBGRAPHS) {
      const table = subgraphDefinitions[name].verwerkingen;
      const entries = await hub.services[name].db.select().from(table).where(eq(table.traceId, traceId));
      expect(entries.length, name).toBeGreaterThan(0);
    }
    const fresh = await hub.post(hub.gatewayUrl, { query: LOKET_LOOKUP, variables: { bsn: example.leden[0]!.bsn } }, { ...(await headersFor(regisseur)), traceparent: 'garbage' });
    expect(fresh.headers.get('x-trace-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(fresh.headers.get('x-trace-id')).not.toBe(traceId);
  });

  it('writes one access line per request, with trace id, operation, caller and fetches, and no BSN, name, token or variables', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const { logger } = await import('../subgraphs/kit/logger');
    const level = logger.level;
    logger.level = 'info';
    const token = await tokenFor(regisseur);
    let traceId: string | null;
    try {
      const response = await hub.post(hub.gatewayUrl, { query: HUISHOUDBEELD, variables: { id: example.id } }, await headersFor(regisseur));
      traceId = response.headers.get('x-trace-id');
      await hub.post(hub.gatewayUrl, { query: LOKET_LOOKUP, variables: { bsn: example.leden[0]!.bsn } }, await headersFor({ rol: 'kcc-medewerker' }));
      await hub.post(hub.gatewayUrl, { query: '{ __typename ', variables: {} }, await headersFor({ rol: 'kcc-medewerker' }));
    } finally {
      logger.level = level;
      spy.mockRestore();
    }
    const access = lines.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');
    expect(access).toHaveLength(3);
    // Six GraphQL fetches: brp, the three lokets and the casus, the merge (the casus question is a route).
    expect(access[0]).toMatchObject({ traceId, operation: 'Huishoudbeeld', rol: 'wijkteam-medewerker', status: 200, outcome: 'partial', fetches: 6 });
    expect(access[1]).toMatchObject({ operation: 'LoketLookup', rol: 'kcc-medewerker', status: 200, outcome: 'ok' });
    expect(access[2]).toMatchObject({ status: 400, outcome: 'refused', code: 'GRAPHQL_PARSE_FAILED' });
    const text = lines.join('');
    for (const p of example.leden) {
      expect(text).not.toContain(p.bsn);
      expect(text).not.toContain(`"${p.voornamen}`);
    }
    expect(text).not.toContain(token);
    expect(text).not.toContain(example.id);
  });

  it('serves Prometheus metrics: requests by operation and outcome, latency, subgraph fetches, statements, log inserts', async () => {
    await hub.post(hub.gatewayUrl, { query: HUISHOUDBEELD, variables: { id: example.id } }, await headersFor(regisseur));
    const response = await fetch(`${metrics.url}metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/loketlink_gateway_requests_total\{operation="Huishoudbeeld",outcome="partial"\} [1-9]/);
    expect(text).toMatch(/loketlink_gateway_request_duration_seconds_bucket\{le="0.5",operation="Huishoudbeeld"\} [1-9]/);
    expect(text).toMatch(/loketlink_subgraph_fetch_duration_seconds_count\{service="wmo"\} [1-9]/);
    expect(text).toMatch(/loketlink_db_statements_total\{service="brp"\} [1-9]/);
    expect(text).toMatch(/loketlink_processing_log_inserts_total\{service="wijkteam"\} [1-9]/);
    expect(text).toMatch(/loketlink_process_resident_memory_bytes/);
    for (const p of example.leden) expect(text).not.toContain(p.bsn);
    expect((await fetch(`${metrics.url}graphql`)).status).toBe(404);
  });
});

describe('traces exported with OpenTelemetry when OTEL_EXPORTER_OTLP_ENDPOINT is set', () => {
  it('exports the door’s, the gateway’s fetch and the subgraphs’ spans under the request’s one trace id, to the configured endpoint only', async () => {
    const received: { path: string; body: string }[] = [];
    const collector = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ path: req.url ?? '', body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
    const hub = await startTestHub(DEMO, regisseur);
    try {
      await startTelemetry('loketlink-test', { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
      const traceId = '0af7651916cd43dd8448eb211c80319c';
      const response = await hub.post(hub.gatewayUrl, { query: LOKET_LOOKUP, variables: { bsn: example.leden[0]!.bsn } }, { ...(await headersFor(regisseur)), traceparent: `00-${traceId}-b7ad6b7169203331-01` });
      expect(response.headers.get('x-trace-id')).toBe(traceId);
      await stopTelemetry(); // flushes the batch
      const spans = received.filter((r) => r.path === '/v1/traces').map((r) => r.body).join('\n');
      for (const name of ['GraphQL request', 'fetch brp', 'brp request', 'wijkteam request']) expect(spans, name).toContain(`"name":"${name}"`);
      expect(spans).toContain(traceId);
      expect(spans).not.toContain(example.leden[0]!.bsn);
    } finally {
      await stopTelemetry();
      await hub.close();
      await new Promise((resolve) => collector.close(resolve));
    }
  });
});
