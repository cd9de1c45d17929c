import { z } from 'zod';
import { ConfigError, DEFAULT_PORTS, loadMetricsConfig, parseEnv, portVariable, type MetricsConfig, SUBGRAPHS, subgraphUrlVariable, type SubgraphName } from '../subgraphs/kit/config';
import type { OidcConfig } from './app';
import { DEFAULT_LIMITS, type Limits } from './limits';

/** What the door lets through (gateway/door.ts); every part configurable, README "Limits". */
export interface DoorConfig {
  limits: Limits;
  /** Requests a caller (token `sub`) may make per minute, and at once; 0 per minute turns the limit off. */
  rateLimit: { perMinute: number; burst: number };
  requestTimeoutMs: number;
  subgraphTimeoutMs: number;
  /**
   * Requests this gateway process works on at once; one more is shed with 503 and Retry-After before its
   * body is read (door.ts). 0 turns shedding off.
   */
  maxConcurrentRequests: number;
  /** Origins whose pages may call the gateway from a browser; none by default. */
  corsOrigins: string[];
  /** Production runs only the trusted-documents manifest unless this is set. */
  allowArbitraryOperations: boolean;
}

export interface GatewayConfig {
  port: number;
  host: string;
  /** Development shows the explorer and accepts any operation; production runs only trusted documents. */
  development: boolean;
  /** Overrides of the subgraph URLs written in the supergraph (`BRP_URL`, `WMO_URL`, ...). */
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  door: DoorConfig;
  metrics: MetricsConfig;
  /** The web application's sign-in (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_SCOPE); none: development roles only. */
  oidc?: OidcConfig;
}

const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);
const whole = (min: number, fallback: number) => z.preprocess(unsetWhenEmpty, z.coerce.number().int().min(min).default(fallback));
const flag = z.preprocess(unsetWhenEmpty, z.enum(['true', 'false']).default('false')).transform((v) => v === 'true');

const doorSchema = z.object({
  LIMIT_BODY_BYTES: whole(1, DEFAULT_LIMITS.maxBodyBytes),
  LIMIT_TOKENS: whole(1, DEFAULT_LIMITS.maxTokens),
  LIMIT_DEPTH: whole(1, DEFAULT_LIMITS.maxDepth),
  LIMIT_ALIASES: whole(0, DEFAULT_LIMITS.maxAliases),
  LIMIT_ROOT_FIELDS: whole(1, DEFAULT_LIMITS.maxRootFields),
  LIMIT_DIRECTIVES: whole(0, DEFAULT_LIMITS.maxDirectives),
  LIMIT_COST: whole(1, DEFAULT_LIMITS.maxCost),
  RATE_LIMIT_PER_MINUTE: whole(0, 600),
  RATE_LIMIT_BURST: whole(1, 100),
  REQUEST_TIMEOUT_MS: whole(1, 15_000),
  SUBGRAPH_TIMEOUT_MS: whole(1, 10_000),
  MAX_CONCURRENT_REQUESTS: whole(0, 16),
  CORS_ORIGINS: z.preprocess(unsetWhenEmpty, z.string().default('')).transform((v, ctx) => {
    const origins = v.split(',').map((o) => o.trim()).filter(Boolean);
    for (const origin of origins) {
      if (origin === '*' || !URL.canParse(origin) || new URL(origin).origin !== origin) {
        ctx.addIssue({ code: 'custom', message: `"${origin}" is not an origin like https://wijkteam.gemeente.nl (no "*", no path)` });
      }
    }
    return origins;
  }),
  ALLOW_ARBITRARY_OPERATIONS: flag,
});

export function loadDoorConfig(env: NodeJS.ProcessEnv = process.env): DoorConfig {
  const p = parseEnv(doorSchema, env);
  return {
    limits: {
      maxBodyBytes: p.LIMIT_BODY_BYTES,
      maxTokens: p.LIMIT_TOKENS,
      maxDepth: p.LIMIT_DEPTH,
      maxAliases: p.LIMIT_ALIASES,
      maxRootFields: p.LIMIT_ROOT_FIELDS,
      maxDirectives: p.LIMIT_DIRECTIVES,
      maxCost: p.LIMIT_COST,
    },
    rateLimit: { perMinute: p.RATE_LIMIT_PER_MINUTE, burst: p.RATE_LIMIT_BURST },
    requestTimeoutMs: p.REQUEST_TIMEOUT_MS,
    subgraphTimeoutMs: p.SUBGRAPH_TIMEOUT_MS,
    maxConcurrentRequests: p.MAX_CONCURRENT_REQUESTS,
    corsOrigins: p.CORS_ORIGINS,
    allowArbitraryOperations: p.ALLOW_ARBITRARY_OPERATIONS,
  };
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const urls = Object.fromEntries(SUBGRAPHS.map((name) => [subgraphUrlVariable(name), z.preprocess(unsetWhenEmpty, z.url().optional())]));
  const ports = Object.fromEntries(SUBGRAPHS.map((name) => [portVariable(name), z.preprocess(unsetWhenEmpty, z.coerce.number().int().min(0).max(65535).optional())]));
  const parsed = parseEnv(
    z.object({
      PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORTS.gateway),
      HOST: z.string().min(1).default('127.0.0.1'),
      NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
      OIDC_ISSUER: z.preprocess(unsetWhenEmpty, z.url().optional()),
      OIDC_CLIENT_ID: z.preprocess(unsetWhenEmpty, z.string().min(1).optional()),
      OIDC_SCOPE: z.preprocess(unsetWhenEmpty, z.string().min(1).default('openid')),
      ...urls,
      ...ports,
    }),
    env,
  ) as Record<string, string | number | undefined>;
  // A subgraph is where `<NAME>_URL` says; else, when only `<NAME>_PORT` is given, on that port of this
  // host (as `npm run start:<name>` with the same variables listens); else where the supergraph says.
  const host = parsed.HOST === '0.0.0.0' || parsed.HOST === '::' ? '127.0.0.1' : (parsed.HOST as string);
  const subgraphUrls: Partial<Record<SubgraphName, string>> = {};
  for (const name of SUBGRAPHS) {
    const url = parsed[subgraphUrlVariable(name)];
    const port = parsed[portVariable(name)];
    if (typeof url === 'string') subgraphUrls[name] = url;
    else if (typeof port === 'number' && port > 0 && port !== DEFAULT_PORTS[name]) subgraphUrls[name] = `http://${host.includes(':') ? `[${host}]` : host}:${port}/graphql`;
  }
  return {
    port: parsed.PORT as number,
    host: parsed.HOST as string,
    development: parsed.NODE_ENV !== 'production',
    subgraphUrls,
    door: loadDoorConfig(env),
    metrics: loadMetricsConfig(parsed.PORT as number, env),
    oidc: oidcConfig(parsed),
  };
}

/** Both or neither: an issuer without a client id (or the other way round) is a configuration error. */
function oidcConfig(parsed: Record<string, string | number | undefined>): OidcConfig | undefined {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_SCOPE: scope } = parsed as Record<string, string | undefined>;
  if (!issuer && !clientId) return undefined;
  if (!issuer || !clientId) throw new ConfigError(`Invalid configuration: set both OIDC_ISSUER and OIDC_CLIENT_ID for the web application's sign-in, or neither`);
  return { issuer, clientId, scope: scope ?? 'openid' };
}
