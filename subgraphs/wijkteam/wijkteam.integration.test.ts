import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entitiesQuery, startTestSubgraph, type TestSubgraph } from '../../test/support/subgraph';
import { aContactmoment, aHuishouden } from '../demo/fixtures';
import type { WijkteamContext } from './context';
import type * as tables from './db/schema';
import { aCasus, aDoel, aPlan, aWijkteam } from './fixtures';
import { wijkteamSubgraph } from './server';

const eigen = aContactmoment({ tijdstip: '2026-10-05T08:00:00Z', kanaal: 'HUISBEZOEK' });
const metCasus = aHuishouden({
  wijkteam: aWijkteam({
    casus: aCasus({ plan: aPlan({ doelen: [aDoel({ domein: 'HUISVESTING', scoreStart: 1, scoreActueel: 3 })] }) }),
    contactmomenten: [eigen],
  }),
});
const zonder = aHuishouden();

const loketMoment = (loket: string, id: string, tijdstip: string) => ({ id, tijdstip, loket, kanaal: 'TELEFOON', onderwerp: 'x', notitie: 'y', medewerker: 'z', afgeschermd: null });
const betrokkenheid = (loket: string) => ({ loket, sinds: '2025-01-01', status: 'OPEN', contactpersoon: { naam: 'n', telefoon: 't' } });

/** What the gateway sends once the lokets answered the `@requires` fields. */
function representation(id: string) {
  return {
    __typename: 'Huishouden',
    id,
    wmoContactmomenten: [loketMoment('WMO', 'w1', '2026-10-01T09:00:00.000Z')],
    cjgContactmomenten: [loketMoment('CJG', 'c1', '2026-10-31T23:30:00.000Z')],
    werkpleinContactmomenten: [],
    wmoBetrokkenheid: betrokkenheid('WMO'),
    cjgBetrokkenheid: null,
    werkpleinBetrokkenheid: betrokkenheid('WERKPLEIN'),
  };
}

describe('wijkteam subgraph', () => {
  let wijkteam: TestSubgraph<typeof tables, WijkteamContext>;
  beforeAll(async () => {
    wijkteam = await startTestSubgraph(wijkteamSubgraph, [metCasus, zonder], { rol: 'wijkteam-medewerker' });
  });
  afterAll(() => wijkteam?.close());

  it('merges the lokets’ contact moments with its own, newest first, in one SQL statement for all households', async () => {
    wijkteam.service.stats.reset();
    const { data, errors } = await wijkteam.query<{ _entities: { contactmomenten: { id: string; loket: string }[]; betrokkenheid: { loket: string }[] }[] }>(
      entitiesQuery('Huishouden', 'contactmomenten { id loket } betrokkenheid { loket status contactpersoon { naam } }'),
      { representations: [representation(metCasus.id), representation(zonder.id)] },
    );
    expect(errors).toBeUndefined();
    expect(wijkteam.service.stats.statements).toBe(1);
    const [eerste, tweede] = data!._entities;
    expect(eerste!.contactmomenten).toEqual([
      { id: 'c1', loket: 'CJG' },
      { id: eigen.id, loket: 'WIJKTEAM' },
      { id: 'w1', loket: 'WMO' },
    ]);
    expect(eerste!.betrokkenheid.map((b) => b.loket)).toEqual(['WMO', 'WERKPLEIN', 'WIJKTEAM']);
    expect(eerste!.betrokkenheid[2]).toEqual({ loket: 'WIJKTEAM', status: 'OPEN', contactpersoon: { naam: 'Sanne Visser' } });
    expect(tweede!.contactmomenten.map((c) => c.id)).toEqual(['c1', 'w1']);
    expect(tweede!.betrokkenheid.map((b) => b.loket)).toEqual(['WMO', 'WERKPLEIN']);
  });

  it('filters by loket and by Amsterdam calendar day', async () => {
    const { data } = await wijkteam.query<{ _entities: { contactmomenten: { id: string }[] }[] }>(
      entitiesQuery('Huishouden', 'contactmomenten(van: "2026-11-01", loketten: [CJG, WMO]) { id }'),
      { representations: [representation(metCasus.id)] },
    );
    // 2026-10-31T23:30Z is 00:30 on 1 November in Amsterdam (winter time): inside the period.
    expect(data!._entities[0]!.contactmomenten).toEqual([{ id: 'c1' }]);
  });

  it('resolves the casus with regisseur and plan', async () => {
    const { data } = await wijkteam.query<{ _entities: unknown[] }>(
      entitiesQuery('Huishouden', 'casus { status team regisseur { naam } plan { doelen { domein scoreStart scoreActueel } } }'),
      { representations: [metCasus, zonder].map(({ id }) => ({ __typename: 'Huishouden', id })) },
    );
    expect(data!._entities).toEqual([
      { casus: { status: 'OPEN', team: 'Wijkteam Centrum', regisseur: { naam: 'Sanne Visser' }, plan: { doelen: [{ domein: 'HUISVESTING', scoreStart: 1, scoreActueel: 3 }] } } },
      { casus: null },
    ]);
  });
});
