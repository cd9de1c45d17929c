import { fileURLToPath } from 'node:url';
import { verwerkingslogResolvers } from '../kit/auth/logboek';
import { scalarResolvers } from '../kit/scalars';
import { tableIsEmpty, type SubgraphDefinition } from '../kit/subgraph';
import { loketStatistiekRoutes } from '../kit/statistiek';
import { subgraphTypeDefs } from '../kit/typedefs';
import { createWerkpleinContext, type WerkpleinContext } from './context';
import * as tables from './db/schema';
import { Huishouden } from './resolvers/Huishouden';
import { Traject } from './resolvers/Traject';
import { Uitkering } from './resolvers/Uitkering';
import { WerkpleinDossier } from './resolvers/WerkpleinDossier';
import { seedWerkplein } from './seed';

/** The werkplein subgraph: work and income dossiers, uitkeringen, trajecten and contact moments. */
export const werkpleinSubgraph: SubgraphDefinition<typeof tables, WerkpleinContext> = {
  name: 'werkplein',
  typeDefs: subgraphTypeDefs('werkplein'),
  tables,
  verwerkingen: tables.verwerking,
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  resolvers: { ...scalarResolvers, Huishouden, WerkpleinDossier, Uitkering, Traject, Verwerkingslog: verwerkingslogResolvers('werkplein') },
  createContext: createWerkpleinContext,
  routes: loketStatistiekRoutes<WerkpleinContext>('WERKPLEIN', tables, {
    table: tables.uitkering,
    dossier: tables.dossier,
    dossierId: tables.uitkering.dossierId,
    bsn: tables.uitkering.bsn,
    begin: tables.uitkering.ingangsdatum,
    eind: tables.uitkering.einddatum,
  }),
  seed: seedWerkplein,
  isEmpty: tableIsEmpty(tables.dossier),
};
