import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSubgraph, entitiesQuery, type TestSubgraph } from '../../test/support/subgraph';
import { aHuishouden, aPersoon } from '../demo/fixtures';
import { demoGebied } from '../demo/generator';
import type { BrpContext } from './context';
import type * as tables from './db/schema';
import { brpSubgraph } from './server';

const ouder = aPersoon({ voornamen: 'Pieter', voorvoegsel: 'van der', geslachtsnaam: 'Berg', geboortedatum: '1979-11-02', geslacht: 'M' });
const kind = aPersoon({ voornamen: 'Sem', voorvoegsel: 'van der', geslachtsnaam: 'Berg', geboortedatum: '2015-11-01' });
const gezin = aHuishouden({ straat: 'Kerkstraat', huisnummer: 3, huisletter: 'a', leden: [kind, ouder] });
const alleen = aHuishouden({ wijkCode: 'WK999902', buurtCode: 'BU99990201' });
const derde = aHuishouden();
// Three households at one postcode, two of them at number 7 (a ground floor and an upstairs flat), and one
// at the same address in a gemeente the caller does not work for.
const beneden = aHuishouden({ straat: 'Molenweg', postcode: '9999 BC', huisnummer: 7 });
const boven = aHuishouden({ straat: 'Molenweg', postcode: '9999 BC', huisnummer: 7, huisletter: 'b' });
const overkant = aHuishouden({ straat: 'Molenweg', postcode: '9999 BC', huisnummer: 8 });
const elders = aHuishouden({ straat: 'Molenweg', postcode: '9999 BC', huisnummer: 7, gemeenteCode: 'GM9998' });

describe('brp subgraph', () => {
  let brp: TestSubgraph<typeof tables, BrpContext>;
  beforeAll(async () => {
    brp = await startTestSubgraph(brpSubgraph, [gezin, alleen, derde, beneden, boven, overkant, elders], { rol: 'kcc-medewerker' });
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

  describe('a search by address', () => {
    type Page = { huishoudens: { edges: { node: { id: string; adres: { adresregel1: string } } }[]; totalCount: number } | null };
    const search = (args: Record<string, unknown>) =>
      brp.query<Page>(`query($postcode: String, $huisnummer: Int) { huishoudens(postcode: $postcode, huisnummer: $huisnummer) { edges { node { id adres { adresregel1 } } } totalCount } }`, args);
    const ids = (...households: { id: string }[]) => households.map((h) => h.id).sort();

    it('finds the households at a postcode in any spelling, and at a house number every letter, in the caller’s gemeenten only', async () => {
      for (const postcode of ['9999 BC', '9999BC', '9999 bc', ' 9999bc ']) {
        const { data, errors } = await search({ postcode });
        expect(errors, postcode).toBeUndefined();
        expect(data!.huishoudens!.edges.map((e) => e.node.id), postcode).toEqual(ids(beneden, boven, overkant));
      }
      brp.service.stats.reset();
      const { data } = await search({ postcode: '9999bc', huisnummer: 7 });
      expect(data!.huishoudens).toEqual({
        edges: [beneden, boven].sort((a, b) => a.id.localeCompare(b.id)).map((h) => ({ node: { id: h.id, adres: { adresregel1: h === boven ? 'Molenweg 7b' : 'Molenweg 7' } } })),
        totalCount: 2,
      });
      expect(brp.service.stats.statements).toBe(2); // the page and the count
    });

    it('gives an empty page for an address without households', async () => {
      expect((await search({ postcode: '9999 BC', huisnummer: 9 })).data).toEqual({ huishoudens: { edges: [], totalCount: 0 } });
      expect((await search({ postcode: '1011 AB' })).data).toEqual({ huishoudens: { edges: [], totalCount: 0 } });
    });

    it('refuses a malformed postcode, and a house number without one, with BAD_USER_INPUT naming the argument', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ postcode: '999 BC' }, 'postcode'],
        [{ postcode: '9999-BC' }, 'postcode'],
        [{ postcode: '' }, 'postcode'],
        [{ postcode: '9999 BC', huisnummer: 0 }, 'huisnummer'],
        [{ huisnummer: 7 }, 'huisnummer'],
      ];
      for (const [args, field] of cases) {
        const { data, errors } = await search(args);
        expect(data, JSON.stringify(args)).toEqual({ huishoudens: null });
        expect(errors![0]!.extensions, JSON.stringify(args)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
    });
  });

  describe('the wijken', () => {
    it('lists the CBS wijken of the caller’s gemeenten by name, in one statement, without a log entry', async () => {
      brp.service.stats.reset();
      const { data, errors } = await brp.query<{ wijken: { code: string; naam: string; gemeente: { code: string; naam: string } }[] }>(
        `{ wijken { code naam gemeente { code naam } } }`,
      );
      expect(errors).toBeUndefined();
      const expected = demoGebied().wijken.map((w) => ({ code: w.code, naam: w.naam, gemeente: { code: 'GM9999', naam: 'Lindeveen' } }));
      expect(data!.wijken).toEqual(expected.sort((a, b) => (a.naam < b.naam ? -1 : 1)));
      expect(brp.service.stats).toMatchObject({ statements: 1, logInserts: 0 });
    });

    it('lists none of a gemeente the caller does not work for', async () => {
      const { data } = await brp.query<{ wijken: unknown[] }>(`{ wijken { code } }`, {}, { rol: 'wijkteam-medewerker', gemeenten: ['GM9998'] });
      expect(data!.wijken).toEqual([]);
    });

    it('refuses a caller without a person-level role and purpose with FORBIDDEN', async () => {
      for (const caller of [{ rol: 'inwoner', bsn: gezin.leden[0]!.bsn }, { rol: 'beleidsmedewerker' }, { rol: 'kcc-medewerker', doel: null }] as const) {
        const { data, errors } = await brp.query(`{ wijken { code } }`, {}, caller);
        expect(data, caller.rol).toEqual({ wijken: null });
        expect(errors![0]!.extensions!.code, caller.rol).toBe('FORBIDDEN');
      }
    });
  });
});
