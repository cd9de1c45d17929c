import { fileURLToPath } from 'node:url';
import { verwerkingslogResolvers } from '../kit/auth/logboek';
import { scalarResolvers } from '../kit/scalars';
import { tableIsEmpty, type SubgraphDefinition } from '../kit/subgraph';
import { subgraphTypeDefs } from '../kit/typedefs';
import { createWijkteamContext, type WijkteamContext } from './context';
import * as tables from './db/schema';
import { Casus } from './resolvers/Casus';
import { Contactmoment } from './resolvers/Contactmoment';
import { Grondslag } from './resolvers/Grondslag';
import { Huishouden } from './resolvers/Huishouden';
import { Mutation } from './resolvers/Mutation';
import { wijkteamRoutes } from './routes';
import { loketStatistiekRoutes } from '../kit/statistiek';
import { seedWijkteam } from './seed';

/**
 * The wijkteam subgraph: casus, regisseur, plan and its own contact moments; and the household-wide views
 * (`contactmomenten`, `betrokkenheid`) assembled from every loket's contribution.
 */
export const wijkteamSubgraph: SubgraphDefinition<typeof tables, WijkteamContext> = {
  name: 'wijkteam',
  typeDefs: subgraphTypeDefs('wijkteam'),
  tables,
  verwerkingen: tables.verwerking,
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  resolvers: { ...scalarResolvers, Huishouden, Casus, Contactmoment, Grondslag, Mutation, Verwerkingslog: verwerkingslogResolvers('wijkteam') },
  createContext: createWijkteamContext,
  routes: { ...wijkteamRoutes, ...loketStatistiekRoutes<WijkteamContext>('WIJKTEAM', { contactmoment: tables.contactmoment, dossier: tables.casus }) },
  seed: seedWijkteam,
  isEmpty: tableIsEmpty(tables.casus),
};
