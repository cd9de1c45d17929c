import { fileURLToPath } from 'node:url';
import { scalarResolvers } from '../kit/scalars';
import type { SubgraphDefinition } from '../kit/subgraph';
import { subgraphTypeDefs } from '../kit/typedefs';
import { createBeleidContext, type BeleidContext } from './context';
import * as tables from './db/schema';
import { Query } from './resolvers/Query';

/**
 * The beleid subgraph: policy figures only, computed from pseudonyms it cannot reverse and published
 * rounded (docs/beleid.md). It holds no person's data, so there is nothing of the demo gemeente to seed.
 */
export const beleidSubgraph: SubgraphDefinition<typeof tables, BeleidContext> = {
  name: 'beleid',
  typeDefs: subgraphTypeDefs('beleid'),
  tables,
  verwerkingen: tables.verwerking,
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  resolvers: { ...scalarResolvers, Query },
  createContext: createBeleidContext,
  seed: async () => {},
  // Nothing to seed, ever: its tables fill as figures are asked for.
  isEmpty: async () => false,
};
