import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entitiesQuery, startTestSubgraph, type TestSubgraph } from '../../test/support/subgraph';
import { aDossier, aHuishouden, aPersoon } from '../demo/fixtures';
import type { WerkpleinContext } from './context';
import type * as tables from './db/schema';
import { aTraject, aWerkplein, anUitkering } from './fixtures';
import { werkpleinSubgraph } from './server';

const ouder = aPersoon();
const huishouden = aHuishouden({
  leden: [ouder],
  werkplein: aWerkplein({
    dossier: aDossier({ geopendOp: '2025-01-01', geslotenOp: '2026-10-01' }),
    uitkeringen: [anUitkering({ bsn: ouder.bsn, norm: 'ALLEENSTAANDE_OUDER' })],
    trajecten: [aTraject({ bsn: ouder.bsn, soort: 'REINTEGRATIE', startdatum: '2025-02-01' }), aTraject({ bsn: ouder.bsn })],
  }),
});

describe('werkplein subgraph', () => {
  let werkplein: TestSubgraph<typeof tables, WerkpleinContext>;
  beforeAll(async () => {
    werkplein = await startTestSubgraph(werkpleinSubgraph, [huishouden], { rol: 'werkplein-consulent' });
  });
  afterAll(() => werkplein?.close());

  it('resolves Huishouden entities with uitkeringen, trajecten and betrokkenheid in one SQL statement', async () => {
    werkplein.service.stats.reset();
    const { data, errors } = await werkplein.query<{ _entities: unknown[] }>(
      entitiesQuery('Huishouden', 'werkplein { uitkeringen { norm status aanvrager { bsn } } trajecten { soort status deelnemer { bsn } } } werkpleinBetrokkenheid { status sinds }'),
      { representations: [{ __typename: 'Huishouden', id: huishouden.id }] },
    );
    expect(errors).toBeUndefined();
    expect(werkplein.service.stats.statements).toBe(1);
    expect(data!._entities).toEqual([
      {
        werkplein: {
          uitkeringen: [{ norm: 'ALLEENSTAANDE_OUDER', status: 'ACTIEF', aanvrager: { bsn: ouder.bsn } }],
          trajecten: [
            { soort: 'SCHULDHULP', status: 'ACTIEF', deelnemer: { bsn: ouder.bsn } },
            { soort: 'REINTEGRATIE', status: 'ACTIEF', deelnemer: { bsn: ouder.bsn } },
          ],
        },
        werkpleinBetrokkenheid: { status: 'GESLOTEN', sinds: '2025-01-01' },
      },
    ]);
  });
});
