import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, entitiesQuery, type TestSubgraph } from '../../test/support/subgraph';
import { aHuishouden, aPersoon } from '../demo/fixtures';
import type { BrpContext } from './context';
import type * as tables from './db/schema';
import { brpSubgraph } from './server';

const ouder = aPersoon({ voornamen: 'Pieter', voorvoegsel: 'van der', geslachtsnaam: 'Berg', geboortedatum: '1979-11-02', geslacht: 'M' });
const kind = aPersoon({ voornamen: 'Sem', voorvoegsel: 'van der', geslachtsnaam: 'Berg', geboortedatum: '2015-11-01' });
const gezin = aHuishouden({ straat: 'Kerkstraat', huisnummer: 3, huisletter: 'a', leden: [kind, ouder] });
const alleen = aHuishouden({ wijkCode: 'WK999902', buurtCode: 'BU99990201' });
const derde = aHuishouden();

describe('brp subgraph', () => {
  let brp: TestSubgraph<typeof tables, BrpContext>;
  beforeAll(async () => {
    brp = await startTestSubgraph(brpSubgraph, [gezin, alleen, derde], { rol: 'kcc-medewerker' });
  });
  afterAll(() => brp?.close());

  it('resolves Huishouden entities in one SQL statement, in the order asked, null for unknown ids', async () => {
    brp.service.stats.reset();
    const { data, errors } = await brp.query<{ _entities: ({ id: string; leden: { bsn: string }[] } | null)[] }>(
      entitiesQuery('Huishouden', 'id leden { bsn }'),
      { representations: [derde, gezin, { id: '9999019999999999' }, alleen].map(({ id }) => ({ __typename: 'Huishouden', id })) },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities.map((h) => h?.id ?? null)).toEqual([derde.id, gezin.id, null, alleen.id]);
    // Members oldest first, as the BRP lists a bewoning.
    expect(data!._entities[1]!.leden.map((p) => p.bsn)).toEqual([ouder.bsn, kind.bsn]);
    expect(brp.service.stats.statements).toBe(1);
  });

  it('resolves Persoon entities in one SQL statement, with name, age on the clock’s day, and gender', async () => {
    brp.service.stats.reset();
    const { data } = await brp.query<{ _entities: { bsn: string; leeftijd: number; geslacht: string; naam: { volledigeNaam: string } }[] }>(
      entitiesQuery('Persoon', 'bsn leeftijd geslacht naam { volledigeNaam }'),
      { representations: [kind, ouder].map(({ bsn }) => ({ __typename: 'Persoon', bsn })) },
    );
    // The test clock stands on 2026-11-01: the child turns 11 that day, the parent is 46 until the 2nd.
    expect(data!._entities).toEqual([
      { bsn: kind.bsn, leeftijd: 11, geslacht: 'VROUW', naam: { volledigeNaam: 'Sem van der Berg' } },
      { bsn: ouder.bsn, leeftijd: 46, geslacht: 'MAN', naam: { volledigeNaam: 'Pieter van der Berg' } },
    ]);
    expect(brp.service.stats.statements).toBe(1);
  });

  it('prints the address as on a letter and names the wijk and gemeente', async () => {
    const { data } = await brp.query<{ huishouden: unknown }>(
      `query($id: ID!) { huishouden(id: $id) { adres { adresregel1 adresregel2 } wijk { code gemeente { code } } buurt { code } } }`,
      { id: gezin.id },
    );
    expect(data!.huishouden).toEqual({
      adres: { adresregel1: 'Kerkstraat 3a', adresregel2: '9999 AA  Lindeveen' },
      wijk: { code: 'WK999901', gemeente: { code: 'GM9999' } },
      buurt: { code: 'BU99990101' },
    });
  });

  it('loads a person with household and members in one statement', async () => {
    brp.service.stats.reset();
    const { data } = await brp.query<{ persoon: { huishouden: { id: string; leden: { bsn: string }[] } } }>(
      `query($bsn: String!) { persoon(bsn: $bsn) { huishouden { id leden { bsn } } } }`,
      { bsn: kind.bsn },
    );
    expect(data!.persoon.huishouden).toEqual({ id: gezin.id, leden: [{ bsn: ouder.bsn }, { bsn: kind.bsn }] });
    expect(brp.service.stats.statements).toBe(1);
  });

  it('answers null for a valid BSN it does not know, and BAD_USER_INPUT for one that is not a BSN', async () => {
    expect((await brp.query(`{ persoon(bsn: "999999990") { bsn } }`)).data).toEqual({ persoon: null });
    const { errors } = await brp.query(`{ persoon(bsn: "12345") { bsn } }`);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('filters pages by wijk and counts only when asked', async () => {
    brp.service.stats.reset();
    const { data } = await brp.query<{ huishoudens: { edges: { node: { id: string } }[]; totalCount: number } }>(
      `{ huishoudens(wijk: "WK999902") { edges { node { id } } totalCount } }`,
    );
    expect(data!.huishoudens).toEqual({ edges: [{ node: { id: alleen.id } }], totalCount: 1 });
    expect(brp.service.stats.statements).toBe(2);
  });
});
