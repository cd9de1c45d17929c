import type { QueryPlan } from '@apollo/query-planner';
import { loadDoorConfig, type DoorConfig } from '../../gateway/config';
import { startHub, type Hub, type HubOptions } from '../../scripts/hub';
import type { DemoOptions } from '../../subgraphs/demo/types';
import { SUBGRAPHS, type SubgraphName } from '../../subgraphs/kit/config';
import { headersFor, TEST_AUTH, type Caller } from './auth';
import { testClock } from './clock';
import { createTestStorage } from './storage';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } & Record<string, unknown> }[];
}

export interface TestHub extends Hub {
  /** POSTs an operation to the gateway over real HTTP as `caller` (default: the one given at start). */
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<GraphQLResponse<T>>;
  /** POSTs with exactly these headers; for the tests of authentication itself. */
  post<T = Record<string, unknown>>(url: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; headers: Headers; body: GraphQLResponse<T> }>;
  /** The query plans the gateway executed since the last `resetCounters()`. */
  plans: QueryPlan[];
  resetCounters(): void;
  counters(): Record<SubgraphName, { fetches: number; statements: number; logInserts: number }>;
}

const FREE_PORTS = { gateway: 0, brp: 0, wmo: 0, cjg: 0, werkplein: 0, wijkteam: 0, beleid: 0 };

export async function post<T>(url: string, body: unknown, headers: Record<string, string>) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse<T> };
}

/** The whole supergraph in-process on free ports, over a fresh test database seeded with `demo`. */
/**
 * The gateway as production runs it, but for any operation (tests send their own) and without a rate
 * limit (a test sends many requests as one caller); the door's own tests set these themselves.
 */
export const TEST_DOOR: DoorConfig = { ...loadDoorConfig({}), allowArbitraryOperations: true, rateLimit: { perMinute: 0, burst: 1 } };

export async function startTestHub(
  demo: DemoOptions,
  defaultCaller: Caller,
  options: Pick<HubOptions, 'guard' | 'caller' | 'door' | 'development' | 'explorer' | 'auth' | 'oidc'> = {},
): Promise<TestHub> {
  const storage = await createTestStorage();
  const plans: QueryPlan[] = [];
  const hub = await startHub({
    storage: async () => storage.storage(),
    ports: FREE_PORTS,
    demo,
    clock: testClock,
    auth: TEST_AUTH,
    onQueryPlan: (plan) => plans.push(plan),
    door: TEST_DOOR,
    ...options,
  });
  return {
    ...hub,
    plans,
    async query(query, variables, caller = defaultCaller) {
      return (await post<never>(hub.gatewayUrl, { query, variables }, await headersFor(caller))).body;
    },
    post,
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
