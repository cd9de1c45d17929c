import { fileURLToPath } from 'node:url';
import { BEWONING_ROUTE } from '../kit/bewoning';
import { scalarResolvers } from '../kit/scalars';
import { mapInSlices } from '../kit/pep';
import { asAggregaat, identiteit, PEP_EXPORT_ROUTE, pseudonymise } from '../kit/statistiek';
import { tableIsEmpty, type SubgraphDefinition } from '../kit/subgraph';
import { subgraphTypeDefs } from '../kit/typedefs';
import { bewoning } from './bewoning';
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
  routes: {
    // A loket about to write about a resident asks where they live (kit/bewoning.ts).
    [BEWONING_ROUTE]: bewoning,
    // The areas of the policy figures: every household of the gemeente as a pseudonym with its wijk, so that
    // the beleid service can group the lokets' clients by household and wijk without learning either id.
    [PEP_EXPORT_ROUTE]: (body, ctx) =>
      asAggregaat(ctx, body, async (vraag) => {
        const rows = await ctx.repository.huishoudenWijken(vraag.gemeente);
        const wijken = new Map(rows.map((r) => [r.wijk, r.wijkNaam]));
        return {
          gemeente: { code: vraag.gemeente, naam: rows[0]?.gemeenteNaam ?? vraag.gemeente },
          huishoudens: await mapInSlices(rows, (r) => ({ huishouden: pseudonymise(identiteit.huishouden(r.id)), wijk: r.wijk })),
          wijken: [...wijken].map(([code, naam]) => ({ code, naam })).sort((a, b) => a.code.localeCompare(b.code)),
        };
      }),
  },
  seed: seedBrp,
  isEmpty: tableIsEmpty(tables.huishouden),
};
