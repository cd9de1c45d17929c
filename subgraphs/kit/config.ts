import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { logger } from './logger';

/**
 * Configuration, validated once at start-up. A missing or malformed variable stops the process with a
 * message that names it (house style: config fails fast). `.env.example` lists every variable.
 */

export const SUBGRAPHS = ['brp', 'wmo', 'cjg', 'werkplein', 'wijkteam', 'beleid'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];
/** The subgraphs that hold residents' data and take part in the household picture: all but beleid (figures only). */
export const PERSON_SUBGRAPHS = SUBGRAPHS.filter((name) => name !== 'beleid');

/** Default ports: the gateway on 4000, the subgraphs after it, in the order above. */
export const DEFAULT_PORTS: Record<SubgraphName | 'gateway', number> = {
  gateway: 4000,
  brp: 4001,
  wmo: 4002,
  cjg: 4003,
  werkplein: 4004,
  wijkteam: 4005,
  beleid: 4006,
};

const port = z.coerce.number().int().min(0).max(65535);
/** An empty variable (`DATABASE_URL=` in a .env file) means "not set", not "malformed". */
const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);
const postgresUrl = z.preprocess(
  unsetWhenEmpty,
  z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL').optional(),
);

export class ConfigError extends Error {}

/** Parses `env` with `schema`; on failure throws one message naming every bad variable. */
export function parseEnv<T extends z.ZodTypeAny>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new ConfigError(`Invalid configuration: ${problems}`);
}

/** `BRP_DATABASE_URL` etc.; `DATABASE_URL` is the fallback that puts every subgraph in one database. */
export function databaseUrlVariable(name: SubgraphName): string {
  return `${name.toUpperCase()}_DATABASE_URL`;
}

/** `BRP_URL` etc.: where the gateway reaches a subgraph, when not at the URL in the supergraph. */
export function subgraphUrlVariable(name: SubgraphName): string {
  return `${name.toUpperCase()}_URL`;
}

export function portVariable(name: SubgraphName): string {
  return `${name.toUpperCase()}_PORT`;
}

/** Where `/metrics` listens: its own port (`METRICS_PORT`, default the service's port + 5000; 0 turns it off). */
export interface MetricsConfig {
  port: number;
  host: string;
}

export function loadMetricsConfig(servicePort: number, env: NodeJS.ProcessEnv = process.env): MetricsConfig {
  const parsed = parseEnv(
    z.object({
      METRICS_PORT: z.preprocess(unsetWhenEmpty, port.optional()),
      METRICS_HOST: z.preprocess(unsetWhenEmpty, z.string().min(1).default('127.0.0.1')),
    }),
    env,
  );
  return { port: parsed.METRICS_PORT ?? (servicePort ? servicePort + 5000 : 0), host: parsed.METRICS_HOST };
}

export interface SubgraphConfig {
  name: SubgraphName;
  port: number;
  /** Interface to listen on: loopback by default; `0.0.0.0` in a container. */
  host: string;
  /** Undefined means: embedded PGlite under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  poolMax: number;
  demo: DemoConfig;
  metrics: MetricsConfig;
}

export interface DemoConfig {
  /** Households generated into an empty store on first start; 0 turns seeding off. */
  households: number;
  seed: number;
}

/**
 * In development an empty store gets a demo gemeente of 500 households; in production nothing, unless
 * DEMO_HOUSEHOLDS says so: a real gemeente's database must never fill up with invented residents.
 */
export function loadDemoConfig(env: NodeJS.ProcessEnv = process.env): DemoConfig {
  const production = env.NODE_ENV === 'production';
  const parsed = parseEnv(
    z.object({
      DEMO_HOUSEHOLDS: z.preprocess(unsetWhenEmpty, z.coerce.number().int().min(0).default(production ? 0 : 500)),
      DEMO_SEED: z.preprocess(unsetWhenEmpty, z.coerce.number().int().default(1)),
    }),
    env,
  );
  return { households: parsed.DEMO_HOUSEHOLDS, seed: parsed.DEMO_SEED };
}

export function loadSubgraphConfig(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): SubgraphConfig {
  const schema = z.object({
    [portVariable(name)]: port.default(DEFAULT_PORTS[name]),
    [databaseUrlVariable(name)]: postgresUrl,
    DATABASE_URL: postgresUrl,
    LOKETLINK_DATA_DIR: z.string().min(1).default('.data'),
    HOST: z.string().min(1).default('127.0.0.1'),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  });
  const parsed = parseEnv(schema, env) as Record<string, string | number | undefined>;
  return {
    name,
    port: parsed[portVariable(name)] as number,
    host: parsed.HOST as string,
    databaseUrl: (parsed[databaseUrlVariable(name)] ?? parsed.DATABASE_URL) as string | undefined,
    dataDir: parsed.LOKETLINK_DATA_DIR as string,
    poolMax: parsed.DB_POOL_MAX as number,
    demo: loadDemoConfig(env),
    metrics: loadMetricsConfig(parsed[portVariable(name)] as number, env),
  };
}

/** Reads `path` into the environment when it exists; a variable already set keeps its value. True when read. */
export function loadDotEnv(path = resolve(process.cwd(), '.env')): boolean {
  if (!existsSync(path)) return false;
  process.loadEnvFile(path);
  return true;
}

/**
 * What every LoketLink process does first: read `.env` from the working directory when there is one
 * (variables already in the environment win; `.env.example` lists them all), and keep Apollo's telemetry off.
 */
export function prepareProcess(env: NodeJS.ProcessEnv = process.env): void {
  loadDotEnv();
  // A start-up problem the operator can fix (configuration, a data directory or port in use) is one
  // line naming it, not a stack trace.
  process.on('uncaughtException', (error) => {
    if (error instanceof ConfigError) console.error(`LoketLink cannot start: ${error.message}`);
    else console.error(error);
    process.exit(1);
  });
  // The logger was made when its module loaded, before `.env` was read.
  if (env.LOG_LEVEL) logger.level = env.LOG_LEVEL;
  disableTelemetry(env);
}

/**
 * No usage data of residents' queries may leave the machine. Apollo reads this variable; we set it before
 * any Apollo module does its work, whatever the caller's environment says.
 */
export function disableTelemetry(env: NodeJS.ProcessEnv = process.env): void {
  env.APOLLO_TELEMETRY_DISABLED = '1';
}
