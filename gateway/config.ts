import { z } from 'zod';
import { DEFAULT_PORTS, parseEnv, SUBGRAPHS, subgraphUrlVariable, type SubgraphName } from '../subgraphs/kit/config';

export interface GatewayConfig {
  port: number;
  host: string;
  /** Development shows the Apollo Sandbox landing page; production shows none. */
  development: boolean;
  /** Overrides of the subgraph URLs written in the supergraph (`BRP_URL`, `WMO_URL`, ...). */
  subgraphUrls: Partial<Record<SubgraphName, string>>;
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const urls = Object.fromEntries(SUBGRAPHS.map((name) => [subgraphUrlVariable(name), z.url().optional()]));
  const parsed = parseEnv(
    z.object({
      PORT: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORTS.gateway),
      HOST: z.string().min(1).default('127.0.0.1'),
      NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
      ...urls,
    }),
    env,
  ) as Record<string, string | number | undefined>;
  const subgraphUrls: Partial<Record<SubgraphName, string>> = {};
  for (const name of SUBGRAPHS) {
    const url = parsed[subgraphUrlVariable(name)];
    if (typeof url === 'string') subgraphUrls[name] = url;
  }
  return {
    port: parsed.PORT as number,
    host: parsed.HOST as string,
    development: parsed.NODE_ENV !== 'production',
    subgraphUrls,
  };
}
