import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entitiesQuery, startTestSubgraph, type TestSubgraph } from '../../test/support/subgraph';
import { aHuishouden, aPersoon } from '../demo/fixtures';
import type { CjgContext } from './context';
import type * as tables from './db/schema';
import { aCjg, aJeugdhulptraject } from './fixtures';
import { cjgSubgraph } from './server';

const kind = aPersoon({ geboortedatum: '2014-02-02' });
const gezin = aHuishouden({
  leden: [aPersoon(), kind],
  cjg: aCjg({
    jeugdhulptrajecten: [
      aJeugdhulptraject({ bsn: kind.bsn, productcategorie: '54', verwijsdatum: '2024-11-01', startdatum: '2025-01-01', einddatum: '2025-12-31', status: 'BEEINDIGD' }),
      // Assigned, the care starts next month: no start reported yet (iJw 305), so GEPLAND.
      aJeugdhulptraject({ bsn: kind.bsn, productcategorie: '45', verwijsdatum: '2026-09-01', status: 'TOEGEWEZEN', startdatum: null, toewijzingIngangsdatum: '2026-12-01' }),
    ],
  }),
});
const zonder = aHuishouden();

describe('cjg subgraph', () => {
  let cjg: TestSubgraph<typeof tables, CjgContext>;
  beforeAll(async () => {
    cjg = await startTestSubgraph(cjgSubgraph, [gezin, zonder], { rol: 'cjg-medewerker' });
  });
  afterAll(() => cjg?.close());

  it('resolves Huishouden entities with jeugdhulptrajecten, contact moments and betrokkenheid in one SQL statement', async () => {
    cjg.service.stats.reset();
    const { data, errors } = await cjg.query<{ _entities: unknown[] }>(
      entitiesQuery('Huishouden', 'id cjg { jeugdhulptrajecten { productcategorie { code naam } status jeugdige { bsn } } } cjgContactmomenten { loket } cjgBetrokkenheid { loket status }'),
      { representations: [zonder, gezin].map(({ id }) => ({ __typename: 'Huishouden', id })) },
    );
    expect(errors).toBeUndefined();
    expect(cjg.service.stats.statements).toBe(1);
    expect(data!._entities).toEqual([
      { id: zonder.id, cjg: null, cjgContactmomenten: [], cjgBetrokkenheid: null },
      {
        id: gezin.id,
        cjg: {
          // Newest first; on the test clock's 2026-11-01 one has ended and one is still to start.
          jeugdhulptrajecten: [
            { productcategorie: { code: '45', naam: 'Jeugdhulp ambulant' }, status: 'GEPLAND', jeugdige: { bsn: kind.bsn } },
            { productcategorie: { code: '54', naam: 'Jeugd-ggz' }, status: 'BEEINDIGD', jeugdige: { bsn: kind.bsn } },
          ],
        },
        cjgContactmomenten: [{ loket: 'CJG' }],
        cjgBetrokkenheid: { loket: 'CJG', status: 'OPEN' },
      },
    ]);
  });
});
