import { fileURLToPath } from 'node:url';
import { scalarResolvers } from '../kit/scalars';
import { tableIsEmpty, type SubgraphDefinition } from '../kit/subgraph';
import { subgraphTypeDefs } from '../kit/typedefs';
import { createBrpContext, type BrpContext } from './context';
import * as tables from './db/schema';
import { Huishouden } from './resolvers/Huishouden';
import { Persoon } from './resolvers/Persoon';
import { Query } from './resolvers/Query';
import { Verwerkingslog } from './resolvers/Verwerkingslog';
import { seedBrp } from './seed';

/** The brp subgraph: persons and households, the entities every loket extends. */
export const brpSubgraph: SubgraphDefinition<typeof tables, BrpContext> = {
  name: 'brp',
  typeDefs: subgraphTypeDefs('brp'),
  tables,
  verwerkingen: tables.verwerking,
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  resolvers: { ...scalarResolvers, Query, Huishouden, Persoon, Verwerkingslog },
  createContext: createBrpContext,
  seed: seedBrp,
  isEmpty: tableIsEmpty(tables.huishouden),
};
