import type { GuardedContext, GuardFactory } from './auth/request';
import { prepareProcess, loadSubgraphConfig, type MetricsConfig } from './config';
import { serveMetrics } from './metrics';
import { startTelemetry, stopTelemetry } from './telemetry';
import { storageFor, type Storage } from './database';
import { seedIfEmpty } from './seed';
import type { ServiceStats } from './stats';
import { buildSubgraph, type SubgraphDefinition, type SubgraphService } from './subgraph';
import { logger } from './logger';

/** Stops the services on SIGINT/SIGTERM so connections and the embedded database close cleanly. */
export function closeOnSignal(close: () => Promise<void>): void {
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'stopping');
    close()
      .then(stopTelemetry) // what is still buffered goes out before the process does
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'stopping failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/**
 * On SIGUSR2 a service prints its counters as one JSON line (`{"loketlinkStats":{...}}`): the benchmark
 * reads fetches and SQL statements per request from separate processes this way, without an HTTP surface.
 */
export function printStatsOnSignal(stats: ServiceStats): void {
  process.on('SIGUSR2', () => console.log(JSON.stringify({ loketlinkStats: stats.snapshot() })));
}

/** `/metrics` on its own port (kit/metrics.ts), unless turned off; stopped with the process. */
export async function startMetrics(config: MetricsConfig): Promise<void> {
  if (!config.port) return;
  const listener = await serveMetrics(config.port, config.host);
  logger.info({ url: `${listener.url}metrics` }, `metrics at ${listener.url}metrics (keep this port off the public network)`);
}

/** `npm run start:<subgraph>`: one subgraph as its own process, as a real deployment runs it. */
export async function runSubgraph<S extends Record<string, unknown>, C extends GuardedContext>(
  definition: SubgraphDefinition<S, C>,
  options: { guard?: GuardFactory } = {},
): Promise<SubgraphService<S, C>> {
  prepareProcess();
  // First thing: until a listener exists, SIGTERM's default action kills the process on the spot, even
  // between "ready" and the next line; a signal during start-up must still close the database cleanly.
  let service: SubgraphService<S, C> | undefined;
  let storage: Storage | undefined;
  closeOnSignal(async () => {
    await service?.close();
    // The embedded store is this process's own: closed last, which also lets the next process open it.
    if (storage?.kind === 'pglite') await storage.client.close();
  });
  const config = loadSubgraphConfig(definition.name);
  await startTelemetry(`loketlink-${definition.name}`);
  storage = await storageFor(config);
  service = await buildSubgraph(definition, { storage, guard: options.guard });
  printStatsOnSignal(service.stats);
  // Its own store: `npm start` keeps all five in one PGlite under <LOKETLINK_DATA_DIR>/loketlink instead.
  const store = config.databaseUrl ? 'postgres' : `${config.dataDir}/${definition.name}`;
  if (await seedIfEmpty(definition, service.db, config.demo)) {
    logger.info({ store, households: config.demo.households }, `${definition.name}: seeded a demo gemeente of ${config.demo.households} households`);
  }
  const url = await service.listen(config.port, config.host);
  await startMetrics(config.metrics);
  logger.info({ store, url }, `${definition.name} subgraph ready at ${url}`);
  return service;
}
