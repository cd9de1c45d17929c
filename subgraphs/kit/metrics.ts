/**
 * Prometheus metrics (prom-client), one registry per process: `npm start` serves the gateway's and all five
 * subgraphs' in one, a split deployment one per process. Served on a port of their own (`METRICS_PORT`, on
 * 127.0.0.1 by default), never on the public gateway port: operation names and rates are for the operators.
 * No label carries a person: operations are labelled by their trusted-document name, or `other`.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { startListener, type HttpListener } from './http';
import type { ServiceStats } from './stats';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'loketlink_' });

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const gatewayMetrics = {
  requests: new Counter({
    name: 'loketlink_gateway_requests_total',
    help: 'Client requests by operation and outcome (ok, partial: data with errors, refused: 4xx, error: 5xx)',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  }),
  duration: new Histogram({
    name: 'loketlink_gateway_request_duration_seconds',
    help: 'Client request latency at the gateway, by operation',
    labelNames: ['operation'] as const,
    buckets: SECONDS,
    registers: [registry],
  }),
  fetchDuration: new Histogram({
    name: 'loketlink_subgraph_fetch_duration_seconds',
    help: 'Latency of the gateway\'s fetches to each subgraph',
    labelNames: ['service'] as const,
    buckets: SECONDS,
    registers: [registry],
  }),
  fetchErrors: new Counter({
    name: 'loketlink_subgraph_fetch_errors_total',
    help: 'Failed subgraph fetches by service and code (SUBGRAPH_UNAVAILABLE, SUBGRAPH_TIMEOUT, a subgraph refusal)',
    labelNames: ['service', 'code'] as const,
    registers: [registry],
  }),
};

/** The services of this process whose counters the metrics read (ServiceStats, counted where they happen). */
const services: { service: string; stats: ServiceStats; poolMax?: number }[] = [];

export function registerService(service: string, stats: ServiceStats, poolMax?: number): void {
  services.push({ service, stats, poolMax });
}

/** A counter that reads its value from the services' stats when scraped. */
function statsCounter(name: string, help: string, read: (stats: ServiceStats) => number) {
  return new Counter({
    name,
    help,
    labelNames: ['service'] as const,
    registers: [registry],
    collect() {
      // ServiceStats only grows (the benchmark and tests reset it between their own measurements).
      this.reset();
      for (const { service, stats } of services) this.inc({ service }, read(stats));
    },
  });
}

statsCounter('loketlink_subgraph_operations_total', 'Operations (gateway fetches) a subgraph served', (s) => s.snapshot().fetches);
statsCounter('loketlink_db_statements_total', 'SQL statements a subgraph sent, the processing log excluded', (s) => s.snapshot().statements);
statsCounter('loketlink_processing_log_inserts_total', 'Processing-log inserts (one per fetch that touched person data)', (s) => s.snapshot().logInserts);
new Gauge({
  name: 'loketlink_db_pool_max_connections',
  help: 'Connections a subgraph\'s Postgres pool may open (DB_POOL_MAX); embedded PGlite has none',
  labelNames: ['service'] as const,
  registers: [registry],
  collect() {
    for (const { service, poolMax } of services) if (poolMax !== undefined) this.set({ service }, poolMax);
  },
});

/** `GET /metrics` in the Prometheus text format, on its own listener; nothing else is answered there. */
export function serveMetrics(port: number, host: string): Promise<HttpListener> {
  return startListener(
    async (req, res) => {
      if (req.method !== 'GET' || (req.url ?? '/').split('?')[0] !== '/metrics') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('GET /metrics\n');
        return;
      }
      res.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics());
    },
    port,
    host,
  );
}
