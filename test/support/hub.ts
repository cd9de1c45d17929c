import type { QueryPlan } from '@apollo/query-planner';
import { startHub, type Hub } from '../../scripts/hub';
import type { DemoOptions } from '../../subgraphs/demo/types';
import { SUBGRAPHS, type SubgraphName } from '../../subgraphs/kit/config';
import { testClock } from './clock';
import { createTestStorage } from './storage';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } & Record<string, unknown> }[];
}

export interface TestHub extends Hub {
  /** POSTs an operation to the gateway over real HTTP. */
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** The query plans the gateway executed since the last `resetCounters()`. */
  plans: QueryPlan[];
  resetCounters(): void;
  counters(): Record<SubgraphName, { fetches: number; statements: number }>;
}

const FREE_PORTS = { gateway: 0, brp: 0, wmo: 0, cjg: 0, werkplein: 0, wijkteam: 0 };

/** The whole supergraph in-process on free ports, over a fresh test database seeded with `demo`. */
export async function startTestHub(demo: DemoOptions): Promise<TestHub> {
  const storage = await createTestStorage();
  const plans: QueryPlan[] = [];
  const hub = await startHub({
    storage: async () => storage.storage(),
    ports: FREE_PORTS,
    demo,
    clock: testClock,
    onQueryPlan: (plan) => plans.push(plan),
  });
  return {
    ...hub,
    plans,
    async query(query, variables) {
      const response = await fetch(hub.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<never>;
    },
    resetCounters() {
      plans.length = 0;
      for (const name of SUBGRAPHS) hub.services[name].stats.reset();
    },
    counters() {
      return Object.fromEntries(SUBGRAPHS.map((name) => [name, hub.services[name].stats.snapshot()])) as ReturnType<
        TestHub['counters']
      >;
    },
    async close() {
      await hub.close();
      await storage.close();
    },
  };
}

/** Sequential fetch stages of a query plan: a Sequence adds its steps, a Parallel takes its deepest branch. */
export function fetchStages(plan: QueryPlan): number {
  type Node = NonNullable<QueryPlan['node']>;
  const depth = (node: Node | undefined): number => {
    if (!node) return 0;
    switch (node.kind) {
      case 'Fetch':
        return 1;
      case 'Sequence':
        return node.nodes.reduce((sum, child) => sum + depth(child), 0);
      case 'Parallel':
        return Math.max(0, ...node.nodes.map(depth));
      case 'Flatten':
        return depth(node.node);
      default:
        throw new Error(`query plan node ${node.kind} not expected here`);
    }
  };
  return depth(plan.node);
}
