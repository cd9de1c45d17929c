import type { BaseContext } from '@apollo/server';
import type { DemoHuishouden } from '../../subgraphs/demo/types';
import { buildSubgraph, type SubgraphDefinition, type SubgraphService } from '../../subgraphs/kit/subgraph';
import { testClock } from './clock';
import { createTestStorage } from './storage';

export interface TestSubgraph<S extends Record<string, unknown>, C extends BaseContext> {
  service: SubgraphService<S, C>;
  /** Runs an operation without a socket; fails the test on a transport-level error. */
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }>;
  close(): Promise<void>;
}

/** One subgraph on its own fresh database, holding exactly `households` (its own part of them). */
export async function startTestSubgraph<S extends Record<string, unknown>, C extends BaseContext>(
  definition: SubgraphDefinition<S, C>,
  households: readonly DemoHuishouden[],
): Promise<TestSubgraph<S, C>> {
  const storage = await createTestStorage();
  const service = await buildSubgraph(definition, { storage: storage.storage(), clock: testClock });
  await service.db.transaction((tx) => definition.seed(tx, households));
  return {
    service,
    async query<T>(query: string, variables?: Record<string, unknown>) {
      const response = await service.execute({ query, variables });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult as { data?: T | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };
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
