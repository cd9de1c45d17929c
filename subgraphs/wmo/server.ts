import { fileURLToPath } from 'node:url';
import { verwerkingslogResolvers } from '../kit/auth/logboek';
import { scalarResolvers } from '../kit/scalars';
import { tableIsEmpty, type SubgraphDefinition } from '../kit/subgraph';
import { loketStatistiekRoutes } from '../kit/statistiek';
import { subgraphTypeDefs } from '../kit/typedefs';
import { createWmoContext, type WmoContext } from './context';
import * as tables from './db/schema';
import { Huishouden } from './resolvers/Huishouden';
import { Beschikking, Melding, MeldingOntvangst } from './resolvers/Melding';
import { Mutation } from './resolvers/Mutation';
import { Query } from './resolvers/Query';
import { Toewijzing, Voorziening, VerzoekOmToewijzing } from './resolvers/Voorziening';
import { WmoDossier } from './resolvers/WmoDossier';
import { WMO_DOORLOOPTIJDEN } from './doorlooptijden';
import { seedWmo } from './seed';

/** The wmo subgraph: the Wmo-loket's dossiers, the Wmo chain from melding to levering, and contact moments. */
export const wmoSubgraph: SubgraphDefinition<typeof tables, WmoContext> = {
  name: 'wmo',
  typeDefs: subgraphTypeDefs('wmo'),
  tables,
  verwerkingen: tables.verwerking,
  migrationsFolder: fileURLToPath(new URL('./db/migrations', import.meta.url)),
  resolvers: {
    ...scalarResolvers,
    Query,
    Mutation,
    Huishouden,
    WmoDossier,
    Melding,
    MeldingOntvangst,
    Beschikking,
    Voorziening,
    Toewijzing,
    VerzoekOmToewijzing,
    Verwerkingslog: verwerkingslogResolvers('wmo'),
  },
  createContext: createWmoContext,
  routes: loketStatistiekRoutes<WmoContext>('WMO', tables, {
    table: tables.voorziening,
    dossier: tables.dossier,
    dossierId: tables.voorziening.dossierId,
    bsn: tables.voorziening.bsn,
    begin: tables.voorziening.ingangsdatum,
    eind: tables.voorziening.einddatum,
  }, WMO_DOORLOOPTIJDEN),
  seed: seedWmo,
  isEmpty: tableIsEmpty(tables.dossier),
};
