import type { DemoHuishouden } from '../../subgraphs/demo/types';
import type { GuardedContext } from '../../subgraphs/kit/auth/request';
import { buildSubgraph, type SubgraphDefinition, type SubgraphService } from '../../subgraphs/kit/subgraph';
import { authFor, TEST_AUTH, type Caller } from './auth';
import { testClock } from './clock';
import { createTestStorage } from './storage';

type Result<T> = { data?: T | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };

export interface TestSubgraph<S extends Record<string, unknown>, C extends GuardedContext> {
  service: SubgraphService<S, C>;
  /** Runs an operation without a socket as `caller` (default: the one given at start); fails on a transport error. */
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, caller?: Caller): Promise<Result<T>>;
  close(): Promise<void>;
}

/** One subgraph on its own fresh database, holding exactly `households` (its own part of them). */
export async function startTestSubgraph<S extends Record<string, unknown>, C extends GuardedContext>(
  definition: SubgraphDefinition<S, C>,
  households: readonly DemoHuishouden[],
  defaultCaller: Caller,
): Promise<TestSubgraph<S, C>> {
  const storage = await createTestStorage();
  const service = await buildSubgraph(definition, { storage: storage.storage(), clock: testClock, auth: TEST_AUTH });
  await service.db.transaction((tx) => definition.seed(tx, households));
  return {
    service,
    async query<T>(query: string, variables?: Record<string, unknown>, caller = defaultCaller) {
      const response = await service.execute({ query, variables }, authFor(caller));
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult as Result<T>;
    },
    async close() {
      await service.close();
      await storage.close();
    },
  };
}

/** The `_entities` query the gateway sends, for one type and selection. */
export function entitiesQuery(typename: string, selection: string): string {
  return `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${typename} { ${selection} } } }`;
}
