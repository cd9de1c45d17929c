import { fileURLToPath } from 'node:url';
import { verwerkingslogResolvers } from '../kit/auth/logboek';
import { scalarResolvers } from '../kit/scalars';
import { tableIsEmpty, type SubgraphDefinition } from '../kit/subgraph';
import { loketStatistiekRoutes } from '../kit/statistiek';
import { subgraphTypeDefs } from '../kit/typedefs';
import { createCjgContext, type CjgContext } from './context';
import * as tables from './db/schema';
import { CjgDossier } from './resolvers/CjgDossier';
import { Huishouden } from './resolvers/Huishouden';
import { Jeugdhulptraject } from './resolvers/Jeugdhulptraject';
import { Mutation } from './resolvers/Mutation';
import { Query } from './resolvers/Query';
import { CJG_DOORLOOPTIJDEN } from './doorlooptijden';
import { seedCjg } from './seed';

/** The cjg subgraph: the CJG's dossiers, the Jeugd chain from verwijzing to the end of care, and contact moments. */
export const cjgSubgraph: SubgraphDefinition<typeof tables, CjgContext> = {
  name: 'cjg',
  typeDefs: subgraphTypeDefs('cjg'),
  tables,
  verwerkingen: tables.verwerking,
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  resolvers: { ...scalarResolvers, Query, Mutation, Huishouden, CjgDossier, Jeugdhulptraject, Verwerkingslog: verwerkingslogResolvers('cjg') },
  createContext: createCjgContext,
  routes: loketStatistiekRoutes<CjgContext>('CJG', tables, {
    table: tables.jeugdhulptraject,
    dossier: tables.dossier,
    dossierId: tables.jeugdhulptraject.dossierId,
    bsn: tables.jeugdhulptraject.bsn,
    begin: tables.jeugdhulptraject.startdatum,
    eind: tables.jeugdhulptraject.einddatum,
  }, CJG_DOORLOOPTIJDEN),
  seed: seedCjg,
  isEmpty: tableIsEmpty(tables.dossier),
};
