/**
 * `npm run bench [-- --households N --duration S --rate R --runs K --gateways apollo,unguarded,hive,direct --no-write]`
 *
 * Measures the household picture and its neighbours at municipal scale: every subgraph and every gateway
 * as its own process (as in production), load from this process with autocannon, every request with its own
 * input and caller. Side by side on the same supergraph and data: our gateway (`apollo`), the same code with
 * authorization and logging taken out (`unguarded`, on its own subgraph processes: what they cost), Hive
 * Gateway (`hive`) and the hand-written direct client (`direct`, the floor). Writes a dated section to
 * BENCHMARKS.md with the medians of the runs.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { count } from 'drizzle-orm';
import { loadAuthConfig } from '../../subgraphs/kit/auth/config';
import { MAX_DEMO_HOUSEHOLDS } from '../../subgraphs/demo/generator';
import { subgraphDefinitions } from '../../subgraphs/index';
import { huishouden } from '../../subgraphs/brp/db/schema';
import { disableTelemetry, loadSubgraphConfig, portVariable, SUBGRAPHS, subgraphUrlVariable, type SubgraphName } from '../../subgraphs/kit/config';
import { openDatabase, storageFor } from '../../subgraphs/kit/database';
import { seedSubgraph } from '../../subgraphs/kit/seed';
import { ServiceStats } from '../../subgraphs/kit/stats';
import { developmentToken } from '../../subgraphs/kit/auth/token';
import { postgresCpuSeconds, startProcess, type ServiceProcess } from './processes';
import { scenarios, type Caller, type Scenario } from './scenarios';
import { POSTGRES, report, totalCpuMs, type Measurement } from './report';

disableTelemetry();
const { values: args } = parseArgs({
  options: {
    households: { type: 'string', default: String(MAX_DEMO_HOUSEHOLDS) },
    seed: { type: 'string', default: '1' },
    duration: { type: 'string', default: '30' },
    saturation: { type: 'string', default: '15' },
    /** Seconds of load before each measurement, and before each of the first run's (for the JIT to settle). */
    warmup: { type: 'string', default: '3' },
    'first-warmup': { type: 'string', default: '20' },
    rate: { type: 'string', default: '200' },
    connections: { type: 'string', default: '16' },
    runs: { type: 'string', default: '3' },
    gateways: { type: 'string', default: 'apollo,unguarded,hive,direct' },
    scenarios: { type: 'string', default: 'huishoudbeeld,loket-lookup,page-100' },
    'data-dir': { type: 'string', default: '.bench' },
    'no-write': { type: 'boolean', default: false },
    /**
     * The fixed-rate phase of all gateways at the same time, each at --rate, instead of one after another:
     * on a shared machine whose speed drifts from minute to minute, only a comparison made in the same
     * seconds is fair. Each gateway's cost is read from its own processes and its own Postgres backends.
     */
    together: { type: 'boolean', default: false },
    /** CI: exit non-zero when any request failed (timing is never judged). */
    'fail-on-errors': { type: 'boolean', default: false },
  },
});
const UNGUARDED = 'scripts/bench/unguarded-main.ts';
const households = Number(args.households);
const seed = Number(args.seed);
const seconds = { fixed: Number(args.duration), saturation: Number(args.saturation), warmup: Number(args.warmup), firstWarmup: Number(args['first-warmup']) };
/** Which subgraph processes a gateway talks to: the services as they run, a second set of them, or the unguarded baseline. */
type SubgraphSet = 'guarded' | 'unguarded' | 'control';
interface GatewaySpec {
  entry: string;
  args?: string[];
  ready: RegExp;
  /** Whether it prints counters on SIGUSR2 (fetches, statements). */
  counters: boolean;
  subgraphs: SubgraphSet;
}
const GATEWAYS = {
  apollo: { entry: 'gateway/main.ts', ready: /gateway ready at/, counters: true, subgraphs: 'guarded' },
  unguarded: { entry: UNGUARDED, args: ['gateway'], ready: /unguarded gateway ready at/, counters: true, subgraphs: 'unguarded' },
  // Ours again, on a second set of the same subgraphs: how far two identical setups differ (the noise floor).
  control: { entry: 'gateway/main.ts', ready: /gateway ready at/, counters: true, subgraphs: 'control' },
  hive: { entry: 'gateway/hive.ts', ready: /Hive Gateway ready at/, counters: false, subgraphs: 'guarded' },
  direct: { entry: 'scripts/bench/direct.ts', ready: /direct client ready at/, counters: false, subgraphs: 'guarded' },
} satisfies Record<string, GatewaySpec>;
type GatewayName = keyof typeof GATEWAYS;
const gateways = args.gateways.split(',') as GatewayName[];
for (const g of gateways) if (!(g in GATEWAYS)) throw new Error(`--gateways: unknown "${g}"; one of ${Object.keys(GATEWAYS).join(', ')}`);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Production mode with keys of this run only: no development secret is involved, and no Sandbox. */
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
  GATEWAY_SECRET: randomBytes(32).toString('hex'),
  LOG_SUBJECT_KEY: randomBytes(32).toString('hex'),
  DEMO_HOUSEHOLDS: '0',
  LOKETLINK_DATA_DIR: `${args['data-dir']}/data-${households}-${seed}`,
  // Two sets of five subgraphs must fit in Postgres' default 100 connections, with room for others; on 2
  // cores more than 4 concurrent statements per subgraph only queue in Postgres instead of in the pool.
  DB_POOL_MAX: process.env.DB_POOL_MAX ?? '4',
  // The load generator sends as a few callers at hundreds of requests per second: a per-caller rate limit
  // would measure itself. Everything else at the door (trusted documents, limits) stays on.
  RATE_LIMIT_PER_MINUTE: '0',
  // The processes report ready in an info line; the access line of every request stays on, as in production.
  LOG_LEVEL: 'info',
  METRICS_PORT: '0',
};
delete env.AUTH_JWKS_URL;

/** Seeds every subgraph's store unless it already holds this gemeente (a different size is refused). */
async function ensureData(): Promise<string> {
  const started = Date.now();
  for (const name of SUBGRAPHS) {
    const config = loadSubgraphConfig(name, env);
    const definition = subgraphDefinitions[name];
    const storage = await storageFor(config);
    const { db, close } = await openDatabase({ subgraph: name, storage, schema: definition.tables, migrationsFolder: definition.migrationsFolder, stats: new ServiceStats() });
    try {
      if (await definition.isEmpty(db)) await seedSubgraph(definition, db, { households, seed });
      else if (name === 'brp') {
        const [row] = await db.select({ n: count() }).from(huishouden);
        if (row?.n !== households) throw new Error(`the store holds ${row?.n} households, not ${households}: use another database (DATABASE_URL) or data dir`);
      }
    } finally {
      await close();
      // The subgraph processes open this store next: an embedded one must be closed (and unlocked) first.
      if (storage.kind === 'pglite') await storage.client.close();
    }
  }
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}

/**
 * One process per subgraph. The unguarded set reads the same data: on Postgres the same database (it
 * writes nothing), on PGlite a copy of the data directory (one PGlite directory admits one process).
 */
async function startSubgraphs(set: SubgraphSet): Promise<Record<SubgraphName, ServiceProcess>> {
  const dataDir = set === 'guarded' ? env.LOKETLINK_DATA_DIR! : `${env.LOKETLINK_DATA_DIR}-${set}`;
  // The copy leaves out the original's lock (kit/database.ts): the copy is another directory, for other processes.
  if (set !== 'guarded' && !env.DATABASE_URL) cpSync(env.LOKETLINK_DATA_DIR!, dataDir, { recursive: true, filter: (path) => !path.endsWith('loketlink.pid') });
  const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (name) => [name, await freePort()] as const)));
  const started = await Promise.all(
    SUBGRAPHS.map(async (name) => {
      const processEnv = { ...env, LOKETLINK_DATA_DIR: dataDir, [portVariable(name)]: String(ports[name]), ...databaseUrlFor(set) };
      const [entry, args] = set === 'unguarded' ? [UNGUARDED, [name]] : [`subgraphs/${name}/main.ts`, []];
      const url = `http://127.0.0.1:${ports[name]}/graphql`;
      const processName = set === 'guarded' ? name : `${set}-${name}`;
      return [name, await startProcess({ name: processName, entry, args, env: processEnv, url, ready: /subgraph ready at/, counters: true })] as const;
    }),
  );
  return Object.fromEntries(started) as Record<SubgraphName, ServiceProcess>;
}

/** Each set's connections name it (`application_name`), so that its Postgres backends' CPU is its own. */
function databaseUrlFor(set: SubgraphSet): { DATABASE_URL?: string } {
  if (!env.DATABASE_URL) return {};
  const url = new URL(env.DATABASE_URL);
  url.searchParams.set('application_name', applicationName(set));
  return { DATABASE_URL: url.toString() };
}
const applicationName = (set: SubgraphSet) => `loketlink-bench-${set}`;

async function startGateway(name: GatewayName, subgraphs: Record<SubgraphName, ServiceProcess>): Promise<ServiceProcess> {
  const port = await freePort();
  const urls = Object.fromEntries(SUBGRAPHS.map((s) => [subgraphUrlVariable(s), subgraphs[s].url]));
  const { entry, args, ready, counters }: GatewaySpec = GATEWAYS[name];
  const url = name === 'hive' ? `http://127.0.0.1:${port}/graphql` : `http://127.0.0.1:${port}/`;
  return startProcess({ name, entry, args, env: { ...env, ...urls, PORT: String(port), DIRECT_PORT: String(port) }, url, ready, counters });
}

/** Tokens per caller, made once (a real client reuses its token for hours). */
async function tokenCache() {
  const auth = loadAuthConfig(env);
  const tokens = new Map<string, string>();
  return async (caller: Caller) => {
    let token = tokens.get(caller.sub);
    if (!token) {
      token = (await developmentToken(auth, { rol: caller.rol, gemeenten: ['GM9999'], sub: caller.sub, naam: caller.naam })).token;
      tokens.set(caller.sub, token);
    }
    return token;
  };
}

/** A response that carries no data, or an error that is not an access decision, counts as an error. */
function badBody(body: string): boolean {
  return !body.includes('"data":{"') || /INTERNAL_SERVER_ERROR|SUBGRAPH_UNAVAILABLE|UNAUTHENTICATED|BAD_USER_INPUT/.test(body);
}

async function load(url: string, scenario: Scenario, requests: { headers: Record<string, string>; body: string }[], options: Partial<autocannon.Options>) {
  let i = 0;
  let bad = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    connections: Number(args.connections),
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          const next = requests[i++ % requests.length]!;
          return { ...request, headers: { ...request.headers, ...next.headers }, body: next.body };
        },
        onResponse: (status, body) => {
          if (status !== 200 || badBody(body)) {
            if (bad++ === 0) console.log(`first bad response (${scenario.name}, HTTP ${status}): ${body.slice(0, 400)}`);
          }
        },
      },
    ],
    ...options,
  });
  return { result, bad };
}

async function main(): Promise<void> {
  const seeded = await ensureData();
  const logAtStart = await logRows();
  console.log(`data: ${households} households (${env.DATABASE_URL ? 'Postgres' : 'PGlite'}), ready in ${seeded}`);
  const sets = new Map<SubgraphSet, Record<SubgraphName, ServiceProcess>>();
  for (const set of new Set(gateways.map((g) => GATEWAYS[g].subgraphs))) sets.set(set, await startSubgraphs(set));
  const running: ServiceProcess[] = [...sets.values()].flatMap((s) => Object.values(s));
  const measurements: Measurement[] = [];
  try {
    const token = await tokenCache();
    const wanted = new Set(args.scenarios.split(','));
    const chosen = scenarios(households, seed).filter((s) => wanted.has(s.name));
    // 2,000 prepared requests per scenario, drawn with a fixed seed: every gateway gets the same sequence.
    const prepared = new Map<string, { headers: Record<string, string>; body: string }[]>();
    for (const scenario of chosen) {
      let state = 42;
      const random = () => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32);
      const list = [];
      for (let n = 0; n < 2000; n++) {
        const { body, caller } = scenario.next(random);
        list.push({ headers: { authorization: `Bearer ${await token(caller)}`, 'x-doel': caller.doel }, body: JSON.stringify(body) });
      }
      prepared.set(scenario.name, list);
    }
    const started = new Map<GatewayName, ServiceProcess>();
    for (const name of gateways) {
      const gateway = await startGateway(name, sets.get(GATEWAYS[name].subgraphs)!);
      started.set(name, gateway);
      running.push(gateway);
    }
    for (let run = 1; run <= Number(args.runs); run++) {
      for (const scenario of chosen) {
        const requests = prepared.get(scenario.name)!;
        const measured = gateways.map((name) => ({ name, gateway: started.get(name)!, set: GATEWAYS[name].subgraphs }));
        const saturated = new Map<GatewayName, { saturation: Awaited<ReturnType<typeof load>>; perRequest: Measurement['perRequest'] }>();
        for (const { name, gateway, set } of measured) {
          await settle();
          await load(gateway.url, scenario, requests, { duration: run === 1 ? seconds.firstWarmup : seconds.warmup });
          const processes = [gateway, ...Object.values(sets.get(set)!)];
          const before = await snapshot(processes, set);
          const saturation = await load(gateway.url, scenario, requests, { duration: seconds.saturation });
          const after = await snapshot(processes, set);
          saturated.set(name, { saturation, perRequest: perRequest(before, after, saturation.result.requests.total, gateway.name) });
        }
        const atRate = async ({ gateway, set }: (typeof measured)[number]) => {
          const processes = [gateway, ...Object.values(sets.get(set)!)];
          const before = await snapshot(processes, set);
          const fixed = await load(gateway.url, scenario, requests, { duration: seconds.fixed, overallRate: Number(args.rate) });
          return { fixed, cpuMs: totalCpuMs(perRequest(before, await snapshot(processes, set), fixed.result.requests.total, gateway.name)) };
        };
        await settle();
        const fixedRuns = args.together ? await Promise.all(measured.map(atRate)) : await sequentially(measured, atRate);
        measured.forEach(({ name }, index) => {
          const { saturation, perRequest } = saturated.get(name)!;
          const { fixed, cpuMs } = fixedRuns[index]!;
          const m: Measurement = {
            run,
            scenario: scenario.name,
            gateway: name,
            rps: saturation.result.requests.average,
            p50: fixed.result.latency.p50,
            p99: fixed.result.latency.p99,
            fixedRps: fixed.result.requests.average,
            errors: fixed.result.errors + fixed.result.timeouts + fixed.bad + saturation.bad,
            perRequest,
            fixedCpuMs: cpuMs,
          };
          measurements.push(m);
          console.log(
            `run ${run} ${scenario.name} ${name}: ${m.rps.toFixed(0)} req/s saturated (${totalCpuMs(m.perRequest).toFixed(1)} CPU ms/req); ` +
              `at ${args.rate}/s${args.together ? ' together' : ''} p50 ${m.p50} ms p99 ${m.p99} ms (${m.fixedCpuMs.toFixed(1)} CPU ms/req); errors ${m.errors}`,
          );
        });
      }
    }
    for (const p of running) p.usage(); // still alive: peak memory is read below
    const peaks = Object.fromEntries(running.map((p) => [p.name, p.usage().peakRssBytes]));
    const section = report({
      date: new Date().toISOString().slice(0, 10),
      machine: `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
      dataset: `${households.toLocaleString('en')} households, seed ${seed}, on ${env.DATABASE_URL ? 'Postgres (DATABASE_URL)' : 'PGlite (one per subgraph)'}`,
      logAtStart,
      command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
      settings: `saturation: ${args.connections} connections for ${seconds.saturation} s; fixed rate: ${args.rate} req/s for ${seconds.fixed} s${args.together ? ' for every gateway at the same time' : ''}; ${args.runs} runs, medians`,
      measurements,
      peaks,
    });
    console.log(section);
    if (!args['no-write']) {
      const file = new URL('../../BENCHMARKS.md', import.meta.url);
      if (!existsSync(file)) writeFileSync(file, readFileSync(new URL('./BENCHMARKS.head.md', import.meta.url), 'utf8'));
      appendFileSync(file, `\n${section}`);
      console.log('wrote a section to BENCHMARKS.md');
    }
    const failed = measurements.filter((m) => m.errors > 0);
    if (args['fail-on-errors'] && failed.length) {
      console.error(`requests failed in: ${failed.map((m) => `${m.scenario}/${m.gateway}`).join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    await Promise.all(running.map((p) => p.stop()));
  }
}

/**
 * Waits (a minute at most) until Postgres runs no autovacuum. The page scenario writes some 400 log rows per
 * request, and the vacuum they cause would otherwise land in whichever measurement comes next.
 */
async function settle(): Promise<void> {
  await withPostgres(async (sql) => {
    for (let second = 0; second < 60; second++) {
      const [row] = await sql<{ n: number }[]>`select count(*)::int as n from pg_stat_activity where backend_type = 'autovacuum worker'`;
      if (!row?.n) return;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  });
}

/** Rows in the subgraphs' processing logs (Postgres' statistics): a larger log makes its inserts dearer. */
async function logRows(): Promise<string> {
  const n = await withPostgres(async (sql) => {
    const [row] = await sql<{ n: string }[]>`select coalesce(sum(n_live_tup), 0)::text as n from pg_stat_user_tables where relname = 'verwerking'`;
    return Number(row?.n ?? 0);
  });
  return n === undefined ? 'not counted on PGlite' : `${n.toLocaleString('en')} rows`;
}

/** Runs `query` on one connection of the benchmark's own to DATABASE_URL; nothing on PGlite. */
async function withPostgres<T>(query: (sql: postgres.Sql) => Promise<T>): Promise<T | undefined> {
  if (!env.DATABASE_URL) return undefined;
  const sql = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    return await query(sql);
  } finally {
    await sql.end();
  }
}

type Snapshot = Map<string, { stats?: Record<string, number>; cpuSeconds: number }>;

/** The processes' counters and CPU, and the CPU of the Postgres backends that serve `set`. */
async function snapshot(processes: ServiceProcess[], set: SubgraphSet): Promise<Snapshot> {
  const entries = await Promise.all(processes.map(async (p) => [p.name, { stats: await p.stats(), cpuSeconds: p.usage().cpuSeconds }] as const));
  const snapshot: Snapshot = new Map(entries);
  const backends = await withPostgres((sql) => sql<{ pid: number }[]>`select pid from pg_stat_activity where application_name = ${applicationName(set)}`);
  if (backends) snapshot.set(POSTGRES, { cpuSeconds: postgresCpuSeconds(backends.map((b) => b.pid)) });
  return snapshot;
}

async function sequentially<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (const item of items) results.push(await work(item));
  return results;
}

/** Per served request: subgraph fetches, SQL statements, log inserts, and CPU milliseconds per process. */
function perRequest(before: Snapshot, after: Snapshot, served: number, gatewayName: string): Measurement['perRequest'] {
  const per = (n: number) => (served ? n / served : 0);
  let fetches = 0;
  let statements = 0;
  let logInserts = 0;
  const cpuMs: Record<string, number> = {};
  for (const [name, a] of after) {
    const b = before.get(name)!;
    cpuMs[name] = per((a.cpuSeconds - b.cpuSeconds) * 1000);
    if (name === gatewayName || !a.stats || !b.stats) continue;
    fetches += a.stats.fetches! - b.stats.fetches!;
    statements += a.stats.statements! - b.stats.statements!;
    logInserts += a.stats.logInserts! - b.stats.logInserts!;
  }
  // The SIGUSR2 snapshots are not requests, but the counters' own reads are not fetches either.
  return { fetches: per(fetches), statements: per(statements), logInserts: per(logInserts), cpuMs };
}

await main();
