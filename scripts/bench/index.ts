/**
 * `npm run bench [-- --households N --duration S --rate R[,R...] --runs K --gateways apollo,unguarded,hive,direct --no-write]`
 *
 * Measures the household picture and its neighbours at municipal scale: every subgraph and every gateway
 * as its own process (as in production), load from this process with autocannon, every request with its own
 * input and caller. Side by side on the same supergraph and data: our gateway (`apollo`), the same code with
 * authorization and logging taken out (`unguarded`, on its own subgraph processes: what they cost), Hive
 * Gateway on its JavaScript planner (`hive`) and on Hive Router's Rust planner (`hive-rust`), the
 * hand-written direct client (`direct`), and `npm start`'s one process on PGlite (`embedded`). Each
 * scenario is measured at saturation and at fixed offered rates (open loop: enough connections to offer the
 * rate), counting answers, shed requests (503), failures, broken connections and client timeouts apart.
 * With DATABASE_URL it also replays the picture's subgraph fetches against the floor (fetch-floor.ts).
 * Writes a dated section to BENCHMARKS.md with the medians of the runs.
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
import { compareWithFloor, type FloorRow } from './fetch-floor';
import { deriveKeys } from '../../subgraphs/kit/pep-config';
import { openLoop } from './open-loop';
import { startRecorder } from './recorder';
import { openDatabase, storageFor } from '../../subgraphs/kit/database';
import { seedSubgraph } from '../../subgraphs/kit/seed';
import { ServiceStats } from '../../subgraphs/kit/stats';
import { developmentToken } from '../../subgraphs/kit/auth/token';
import { postgresCpuSeconds, startProcess, type ServiceProcess } from './processes';
import { scenarios, type Caller, type Scenario } from './scenarios';
import { POSTGRES, report, totalCpuMs, type AtRate, type BeleidJob, type Measurement } from './report';

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
    /** Offered rates of the fixed-rate phases, req/s: one below saturation, one above. */
    rate: { type: 'string', default: '100,200' },
    connections: { type: 'string', default: '16' },
    /** Seconds of each replay against the floor and the subgraphs (with DATABASE_URL); 0 skips it. */
    'floor-seconds': { type: 'string', default: '10' },
    runs: { type: 'string', default: '3' },
    gateways: { type: 'string', default: 'apollo,unguarded,hive,hive-rust,direct,embedded' },
    scenarios: { type: 'string', default: 'huishoudbeeld,loket-lookup,page-100,beleidscijfers' },
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
/**
 * Which subgraph processes a gateway talks to: the services as they run, a second set of them, the
 * unguarded baseline, or none (the embedded hub runs its own, in its own process).
 */
type SubgraphSet = 'guarded' | 'unguarded' | 'control' | 'embedded';
interface GatewaySpec {
  entry: string;
  args?: string[];
  env?: Record<string, string>;
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
  'hive-rust': { entry: 'gateway/hive.ts', env: { HIVE_ROUTER_RUNTIME: 'true' }, ready: /Hive Gateway \(Rust query planner\) ready at/, counters: false, subgraphs: 'guarded' },
  direct: { entry: 'scripts/bench/direct.ts', ready: /direct client ready at/, counters: false, subgraphs: 'guarded' },
  // `npm start` as a municipality tries it first: one process, PGlite, seeded on its first start.
  embedded: { entry: 'scripts/start.ts', ready: /LoketLink gateway ready at/, counters: false, subgraphs: 'embedded' },
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

/** This run's own pseudonymisation keys (kit/pep-config.ts), as their variables. */
function pepKeys() {
  const keys = deriveKeys(randomBytes(64));
  return { PEP_PUBLIC_KEY: keys.publicKey, PEP_REKEY_FACTOR: keys.rekeyFactor, PEP_SHUFFLE_SECRET: keys.shuffleSecret, PEP_BELEID_KEY: keys.beleidKey };
}

/** Production mode with keys of this run only: no development secret is involved, and no Sandbox. */
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  AUTH_JWT_SECRET: randomBytes(32).toString('hex'),
  GATEWAY_SECRET: randomBytes(32).toString('hex'),
  LOG_SUBJECT_KEY: randomBytes(32).toString('hex'),
  ...pepKeys(),
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
  if (set === 'embedded') return {} as Record<SubgraphName, ServiceProcess>;
  const dataDir = set === 'guarded' ? env.LOKETLINK_DATA_DIR! : `${env.LOKETLINK_DATA_DIR}-${set}`;
  // The copy leaves out the original's lock (kit/database.ts): the copy is another directory, for other processes.
  if (set !== 'guarded' && !env.DATABASE_URL) cpSync(env.LOKETLINK_DATA_DIR!, dataDir, { recursive: true, filter: (path) => !path.endsWith('loketlink.pid') });
  const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (name) => [name, await freePort()] as const)));
  const started = await Promise.all(
    SUBGRAPHS.map(async (name) => {
      const processEnv = { ...env, LOKETLINK_DATA_DIR: dataDir, [portVariable(name)]: String(ports[name]), ...databaseUrlFor(set), GATEWAY_URL: `http://127.0.0.1:${transcryptorPort(set)}/` };
      const [entry, args] = set === 'unguarded' ? [UNGUARDED, [name]] : [`subgraphs/${name}/main.ts`, []];
      const url = `http://127.0.0.1:${ports[name]}/graphql`;
      const processName = set === 'guarded' ? name : `${set}-${name}`;
      return [name, await startProcess({ name: processName, entry, args, env: processEnv, url, ready: /subgraph ready at/, counters: true })] as const;
    }),
  );
  return Object.fromEntries(started) as Record<SubgraphName, ServiceProcess>;
}

/**
 * The port of the gateway of ours that serves a subgraph set, known before the subgraphs start: the beleid
 * subgraph reaches the transcryptor there (gateway/transcryptor.ts). Hive Gateway and the direct client
 * host none; on the guarded set they share the one of `apollo`.
 */
const transcryptorPorts = new Map<SubgraphSet, number>();
function transcryptorPort(set: SubgraphSet): number {
  return transcryptorPorts.get(set)!;
}
const OUR_GATEWAY: Partial<Record<SubgraphSet, GatewayName>> = { guarded: 'apollo', unguarded: 'unguarded', control: 'control' };

/** Each set's connections name it (`application_name`), so that its Postgres backends' CPU is its own. */
function databaseUrlFor(set: SubgraphSet): { DATABASE_URL?: string } {
  if (!env.DATABASE_URL) return {};
  const url = new URL(env.DATABASE_URL);
  url.searchParams.set('application_name', applicationName(set));
  return { DATABASE_URL: url.toString() };
}
const applicationName = (set: SubgraphSet) => `loketlink-bench-${set}`;

async function startGateway(name: GatewayName, subgraphUrls: Partial<Record<SubgraphName, string>>, processName: string = name): Promise<ServiceProcess> {
  const set = GATEWAYS[name].subgraphs;
  const port = OUR_GATEWAY[set] === name && processName === name ? transcryptorPort(set) : await freePort();
  const spec: GatewaySpec = GATEWAYS[name];
  const url = name.startsWith('hive') ? `http://127.0.0.1:${port}/graphql` : `http://127.0.0.1:${port}/`;
  if (spec.subgraphs === 'embedded') return startEmbedded(spec, port, url);
  const urls = Object.fromEntries(SUBGRAPHS.map((s) => [subgraphUrlVariable(s), subgraphUrls[s]]));
  return startProcess({ name: processName, entry: spec.entry, args: spec.args, env: { ...env, ...spec.env, ...urls, PORT: String(port), DIRECT_PORT: String(port) }, url, ready: spec.ready, counters: spec.counters });
}

/**
 * The hub of `npm start` in one process on its own PGlite directory, which it seeds with the same gemeente
 * on its first start (that can take minutes at 40,000 households; later runs reuse the directory).
 */
async function startEmbedded(spec: GatewaySpec, port: number, url: string): Promise<ServiceProcess> {
  const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (s) => [portVariable(s), String(await freePort())] as const)));
  const embeddedEnv: NodeJS.ProcessEnv = {
    ...env,
    ...ports,
    PORT: String(port),
    LOKETLINK_DATA_DIR: `${args['data-dir']}/embedded-${households}-${seed}`,
    DEMO_HOUSEHOLDS: String(households),
    DEMO_SEED: String(seed),
  };
  delete embeddedEnv.DATABASE_URL;
  return startProcess({ name: 'embedded', entry: spec.entry, env: embeddedEnv, url, ready: spec.ready, counters: false, timeoutMs: 3_600_000 });
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

type Prepared = { headers: Record<string, string>; body: string }[];

/** What a saturation phase got back, each kind of outcome counted apart. */
interface Outcome {
  result: autocannon.Result;
  /** 200 with data: answered. */
  ok: number;
  /** 503 OVERLOADED: shed by the gateway, with Retry-After. */
  shed: number;
  /** Any other status, or a body without data. */
  failed: number;
  /** Connections that broke (reset, refused) and requests the client gave up on (10 s). */
  resets: number;
  timeouts: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN;
}

/** Closed-loop load on `--connections` connections: saturation and warm-up. */
async function load(url: string, scenario: Scenario, requests: Prepared, options: Partial<autocannon.Options>): Promise<Outcome> {
  let i = 0;
  const counts = { ok: 0, shed: 0, failed: 0 };
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
          if (status === 503 && body.includes('"OVERLOADED"')) counts.shed++;
          else if (status !== 200 || badBody(body)) {
            if (counts.failed++ === 0) console.log(`first bad response (${scenario.name}, HTTP ${status}): ${body.slice(0, 400)}`);
          } else counts.ok++;
        },
      },
    ],
    ...options,
  });
  return { result, ...counts, resets: Math.max(0, result.errors - result.timeouts), timeouts: result.timeouts };
}

/** Failures of any kind but shedding: a shed request was answered, with "try again". */
const failures = (o: Outcome) => o.failed + o.resets + o.timeouts;

async function main(): Promise<void> {
  const seeded = await ensureData();
  const logAtStart = await logRows();
  console.log(`data: ${households} households (${env.DATABASE_URL ? 'Postgres' : 'PGlite'}), ready in ${seeded}`);
  const sets = new Map<SubgraphSet, Record<SubgraphName, ServiceProcess>>();
  for (const set of new Set(gateways.map((g) => GATEWAYS[g].subgraphs))) {
    transcryptorPorts.set(set, await freePort());
    sets.set(set, await startSubgraphs(set));
  }
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
      const subgraphs = sets.get(GATEWAYS[name].subgraphs)!;
      const gateway = await startGateway(name, Object.fromEntries(Object.entries(subgraphs).map(([s, p]) => [s, p.url])));
      started.set(name, gateway);
      running.push(gateway);
    }
    const rates = args.rate.split(',').map(Number);
    // Scenario 4 is answered from a published table: each store's is computed first, through a gateway of
    // ours on it (the one that hosts its transcryptor), and the guarded store's computation is reported.
    let beleidJob: BeleidJob | undefined;
    if (chosen.some((s) => s.name === 'beleidscijfers')) {
      for (const [set, name] of [['guarded', 'apollo'], ['embedded', 'embedded']] as const) {
        const gateway = started.get(name);
        if (!gateway || !sets.has(set)) continue;
        const job = await computeBeleidTable(gateway.url, prepared.get('beleidscijfers')![0]!, set === 'guarded');
        if (set === 'guarded') beleidJob = job;
      }
    }
    for (let run = 1; run <= Number(args.runs); run++) {
      for (const scenario of chosen) {
        const requests = prepared.get(scenario.name)!;
        // The beleid tables are computed (above) on the stores that a gateway of ours hosts a transcryptor for.
        // The direct client is hand-written for the first three scenarios only.
        const asked = scenario.name === 'beleidscijfers' ? gateways.filter((name) => name !== 'direct' && (GATEWAYS[name].subgraphs === 'guarded' || GATEWAYS[name].subgraphs === 'embedded')) : gateways;
        const measured = asked.map((name) => ({ name, gateway: started.get(name)!, set: GATEWAYS[name].subgraphs }));
        const processesOf = ({ gateway, set }: (typeof measured)[number]) => [gateway, ...Object.values(sets.get(set) ?? {})];
        const saturated = new Map<GatewayName, { saturation: Outcome; perRequest: Measurement['perRequest'] }>();
        for (const entry of measured) {
          const { name, gateway, set } = entry;
          await settle();
          await load(gateway.url, scenario, requests, { duration: run === 1 ? seconds.firstWarmup : seconds.warmup });
          const before = await snapshot(processesOf(entry), set);
          const saturation = await load(gateway.url, scenario, requests, { duration: seconds.saturation });
          const after = await snapshot(processesOf(entry), set);
          saturated.set(name, { saturation, perRequest: perRequest(before, after, saturation.result.requests.total, gateway.name) });
        }
        const atRate = (rate: number) => async (entry: (typeof measured)[number]): Promise<AtRate> => {
          const before = await snapshot(processesOf(entry), entry.set);
          const fixed = await openLoop({ url: entry.gateway.url, requests, rate, seconds: seconds.fixed, good: (body) => !badBody(body) });
          if (fixed.firstFailure) console.log(`first failed request (${scenario.name}, ${entry.name}, ${rate}/s): ${fixed.firstFailure}`);
          const cpuMs = totalCpuMs(perRequest(before, await snapshot(processesOf(entry), entry.set), fixed.sent, entry.gateway.name));
          const { ok, shed, failed, resets, timeouts, latencies } = fixed;
          return { rate, p50: percentile(latencies, 50), p99: percentile(latencies, 99), okPerSecond: ok / seconds.fixed, ok, shed, failed, resets, timeouts, cpuMs };
        };
        const byRate: AtRate[][] = [];
        for (const rate of rates) {
          await settle();
          byRate.push(args.together ? await Promise.all(measured.map(atRate(rate))) : await sequentially(measured, atRate(rate)));
        }
        measured.forEach(({ name }, index) => {
          const { saturation, perRequest } = saturated.get(name)!;
          const atRates = byRate.map((results) => results[index]!);
          const m: Measurement = {
            run,
            scenario: scenario.name,
            gateway: name,
            rps: saturation.result.requests.average,
            atRates,
            errors: failures(saturation) + atRates.reduce((sum, r) => sum + r.failed + r.resets + r.timeouts, 0),
            perRequest,
          };
          measurements.push(m);
          console.log(
            `run ${run} ${scenario.name} ${name}: ${m.rps.toFixed(0)} req/s saturated (${totalCpuMs(m.perRequest).toFixed(1)} CPU ms/req); ` +
              atRates.map((r) => `at ${r.rate}/s p50 ${r.p50} ms p99 ${r.p99} ms, ${r.okPerSecond.toFixed(0)}/s answered, ${r.shed} shed, ${r.failed + r.resets + r.timeouts} failed (${r.cpuMs.toFixed(1)} CPU ms/req)`).join('; ') +
              `; errors ${m.errors}`,
          );
        });
      }
    }
    const floor = await measureFloor(sets.get('guarded'), prepared.get('huishoudbeeld'));
    for (const p of running) p.usage(); // still alive: peak memory is read below
    const peaks = Object.fromEntries(running.map((p) => [p.name, p.usage().peakRssBytes]));
    const section = report({
      date: new Date().toISOString().slice(0, 10),
      machine: `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
      dataset: `${households.toLocaleString('en')} households, seed ${seed}, on ${env.DATABASE_URL ? 'Postgres (DATABASE_URL)' : 'PGlite (one per subgraph)'}`,
      logAtStart,
      command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
      settings: `saturation: ${args.connections} connections for ${seconds.saturation} s; fixed rates: ${args.rate} req/s offered open loop (open-loop.ts) for ${seconds.fixed} s each${args.together ? ' for every gateway at the same time' : ''}; ${args.runs} runs, medians`,
      measurements,
      floor,
      beleidJob,
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
 * The floor comparison (fetch-floor.ts), on Postgres only (the floor uses the `postgres` driver; a PGlite
 * directory admits one process): records the picture's fetches through a gateway of ours in front of the
 * recorder, then replays them against each subgraph and against the floor.
 */
async function measureFloor(subgraphs: Record<SubgraphName, ServiceProcess> | undefined, pictures: Prepared | undefined): Promise<FloorRow[] | undefined> {
  const floorSeconds = Number(args['floor-seconds']);
  if (!env.DATABASE_URL || !floorSeconds || !subgraphs || !pictures) return undefined;
  const recorder = await startRecorder(Object.fromEntries(SUBGRAPHS.map((s) => [s, subgraphs[s].url])) as Record<SubgraphName, string>);
  const recording = await startGateway('apollo', recorder.urls, 'recording-gateway');
  try {
    for (const request of pictures.slice(0, 200)) {
      await fetch(recording.url, { method: 'POST', headers: { 'content-type': 'application/json', ...request.headers }, body: request.body }).then((r) => r.text());
    }
  } finally {
    await recording.stop();
    await recorder.close();
  }
  const port = await freePort();
  const floor = await startProcess({ name: 'floor', entry: 'scripts/bench/floor.ts', env: { ...env, PORT: String(port) }, url: `http://127.0.0.1:${port}/`, ready: /floor ready at/, counters: false });
  try {
    const rows = await compareWithFloor({ fetches: recorder.fetches, subgraphs, floor, secret: loadAuthConfig(env).gatewaySecret, seconds: floorSeconds });
    for (const r of rows) console.log(`floor: ${r.service} ${r.cpuMsPerFetch.toFixed(3)} CPU ms/fetch against the ${r.floor} floor's ${r.floorCpuMsPerFetch.toFixed(3)} (${(r.cpuMsPerFetch / r.floorCpuMsPerFetch).toFixed(2)}x)`);
    return rows;
  } finally {
    await floor.stop();
  }
}

/**
 * Scenario 4 is answered from the published table: asks until it is computed (the first question starts
 * the job) and returns how long that took, with the job's own step times from the beleid database.
 */
async function computeBeleidTable(url: string, request: Prepared[number], onPostgres: boolean): Promise<BeleidJob> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...request.headers }, body: request.body });
    const body = await response.text();
    if (body.includes('"beleidscijfers":{')) {
      if (attempt === 0) console.log('beleid table: already published (its stored step times are from when it was computed)');
      break;
    }
    if (!body.includes('FIGURES_BEING_COMPUTED')) throw new Error(`beleidscijfers: ${body.slice(0, 300)}`);
    if (Date.now() - started > 3_600_000) throw new Error('beleidscijfers: not computed within an hour');
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  const totalMs = Date.now() - started;
  const steps = !onPostgres ? undefined : await withPostgres(async (sql) => {
    const [row] = await sql<{ tijden: BeleidJob['steps'] }[]>`select cijfers->'tijden' as tijden from beleid.publicatie order by berekend_op desc limit 1`;
    return row?.tijden;
  });
  console.log(`beleid table computed in ${(totalMs / 1000).toFixed(1)} s${steps ? ` (${JSON.stringify(steps)})` : ' (embedded)'}`);
  return { totalMs, steps };
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
