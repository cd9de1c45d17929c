/**
 * The whole LoketLink in one process: the five subgraphs, each on its own port and database schema, and
 * the gateway in front. `npm start` runs it on embedded storage; the end-to-end tests run it on free ports.
 * Production runs the same pieces as separate processes (`npm run start:<subgraph>`, `start:gateway`).
 */
import type { QueryPlan } from '@apollo/query-planner';
import type { DemoOptions } from '../subgraphs/demo/types';
import { createGateway, readSupergraph, type Gateway, type GatewayOptions } from '../gateway/server';
import type { DoorConfig } from '../gateway/config';
import type { ExplorerOptions } from '../gateway/explorer';
import type { AuthConfig } from '../subgraphs/kit/auth/config';
import type { GuardFactory } from '../subgraphs/kit/auth/request';
import { SUBGRAPHS, type SubgraphName } from '../subgraphs/kit/config';
import type { Storage } from '../subgraphs/kit/database';
import { seedIfEmpty } from '../subgraphs/kit/seed';
import { buildSubgraph, type Clock, type SubgraphService } from '../subgraphs/kit/subgraph';
import { subgraphDefinitions } from '../subgraphs/index';

export interface HubOptions {
  storage(name: SubgraphName): Promise<Storage>;
  /** Port per service; 0 picks a free one. */
  ports: Record<SubgraphName | 'gateway', number>;
  host?: string;
  /** Demo gemeente to seed into empty stores; null seeds nothing. */
  demo: DemoOptions | null;
  clock?: Clock;
  development?: boolean;
  onQueryPlan?: (plan: QueryPlan) => void;
  log?: (line: string) => void;
  /** Token keys and secrets; from the environment when not given. */
  auth?: AuthConfig;
  /** The gateway's limits, trusted documents, rate, timeouts and CORS; from the environment when not given. */
  door?: DoorConfig;
  /** Development: the explorer's roles and example household. */
  explorer?: ExplorerOptions;
  /** The web application's sign-in at the gemeente's identity provider. */
  oidc?: GatewayOptions['oidc'];
  /** Only to measure without authorization and logging (scripts/bench/unguarded.ts). */
  guard?: GuardFactory;
  caller?: GatewayOptions['caller'];
}

export interface Hub {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  services: Record<SubgraphName, SubgraphService>;
  gateway: Gateway;
  close(): Promise<void>;
}

export async function startHub(options: HubOptions): Promise<Hub> {
  const log = options.log ?? (() => {});
  const services = {} as Record<SubgraphName, SubgraphService>;
  const subgraphUrls = {} as Record<SubgraphName, string>;
  // The beleid service asks the gateway's transcryptor, whose URL is known once the gateway listens (below).
  let gatewayUrl = '';
  // One after the other: subgraphs that share a database must not run their migrations concurrently.
  for (const name of SUBGRAPHS) {
    const definition = subgraphDefinitions[name];
    const service = await buildSubgraph(definition, {
      storage: await options.storage(name),
      clock: options.clock,
      auth: options.auth,
      guard: options.guard,
      gatewayUrl: () => gatewayUrl,
      subgraphUrls: () => subgraphUrls,
    });
    services[name] = service;
    if (options.demo && (await seedIfEmpty(definition, service.db, options.demo))) {
      log(`${name}: seeded a demo gemeente of ${options.demo.households} households`);
    }
    subgraphUrls[name] = await service.listen(options.ports[name], options.host);
  }
  const gateway = createGateway({
    supergraphSdl: readSupergraph(),
    subgraphUrls,
    development: options.development,
    onQueryPlan: options.onQueryPlan,
    auth: options.auth,
    door: options.door,
    explorer: options.explorer,
    oidc: options.oidc,
    caller: options.caller,
  });
  const url = await gateway.listen(options.ports.gateway, options.host);
  gatewayUrl = url;
  return {
    gatewayUrl: url,
    subgraphUrls,
    services,
    gateway,
    async close() {
      await gateway.close();
      for (const service of Object.values(services)) await service.close();
    },
  };
}
