/**
 * Finding a household through the gateway, as the wijkteam's web application does: by address (postcode in
 * any spelling, and house number), or by browsing the gemeente's wijken. The same access as a page of
 * households: the caller's gemeenten only, and only for a role and purpose with person-level access.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoGebied, findExampleHuishouden, generateHuishoudens } from '../subgraphs/demo/generator';
import type { DemoHuishouden } from '../subgraphs/demo/types';
import type { Caller } from './support/auth';
import { startTestHub, type TestHub } from './support/hub';

const DEMO = { households: 40, seed: 11 };

const ADRES = /* GraphQL */ `
  query Adres($postcode: String, $huisnummer: Int) {
    huishoudens(postcode: $postcode, huisnummer: $huisnummer, first: 100) {
      edges { node { id adres { postcode huisnummer } leden { bsn } } }
      totalCount
    }
  }
`;
const WIJKEN = /* GraphQL */ `
  query Wijken {
    wijken { code naam gemeente { code naam } }
  }
`;

interface Adres {
  huishoudens: { edges: { node: { id: string; adres: { postcode: string; huisnummer: number }; leden: { bsn: string }[] } }[]; totalCount: number } | null;
}

describe('finding a household through the gateway', () => {
  let hub: TestHub;
  let example: DemoHuishouden;
  let regisseur: Caller;
  const search = (variables: Record<string, unknown>, caller?: Caller) => hub.query<Adres>(ADRES, variables, caller);

  beforeAll(async () => {
    example = findExampleHuishouden(DEMO)!;
    regisseur = { rol: 'wijkteam-medewerker', sub: example.wijkteam!.casus.regisseur.sub, naam: example.wijkteam!.casus.regisseur.naam };
    hub = await startTestHub(DEMO, regisseur);
  });
  afterAll(() => hub?.close());

  describe('by address', () => {
    it('finds the example household by its postcode, in any spelling, and house number', async () => {
      // The demo stores postcodes as `1234 AB`; a caller may type them without the space or in lower case.
      expect(example.postcode).toMatch(/^\d{4} [A-Z]{2}$/);
      const sameAddress = [...generateHuishoudens(DEMO)].filter((h) => h.postcode === example.postcode && h.huisnummer === example.huisnummer);
      const spellings = [example.postcode, example.postcode.replace(' ', ''), example.postcode.toLowerCase(), example.postcode.replace(' ', '').toLowerCase()];
      for (const postcode of spellings) {
        const { data, errors } = await search({ postcode, huisnummer: example.huisnummer });
        expect(errors, postcode).toBeUndefined();
        expect(data!.huishoudens!.edges.map((e) => e.node.id).sort(), postcode).toEqual(sameAddress.map((h) => h.id).sort());
        expect(data!.huishoudens!.totalCount).toBe(sameAddress.length);
      }
      const { data } = await search({ postcode: example.postcode.replace(' ', '').toLowerCase(), huisnummer: example.huisnummer });
      const found = data!.huishoudens!.edges.find((e) => e.node.id === example.id)!.node;
      expect(found.adres).toEqual({ postcode: example.postcode, huisnummer: example.huisnummer });
      expect(found.leden.map((p) => p.bsn).sort()).toEqual(example.leden.map((p) => p.bsn).sort());
    });

    it('finds every household at the postcode when no house number is given', async () => {
      const street = [...generateHuishoudens(DEMO)].filter((h) => h.postcode === example.postcode);
      const { data } = await search({ postcode: example.postcode.replace(' ', '') });
      expect(data!.huishoudens!.edges.map((e) => e.node.id).sort()).toEqual(street.map((h) => h.id).sort());
      expect(data!.huishoudens!.edges.every((e) => e.node.adres.postcode === example.postcode)).toBe(true);
    });

    it('gives an empty page for an unknown address, and for an address in a gemeente the caller does not work for', async () => {
      const empty = { huishoudens: { edges: [], totalCount: 0 } };
      expect((await search({ postcode: '1011 AB', huisnummer: 1 })).data).toEqual(empty);
      expect((await search({ postcode: example.postcode, huisnummer: 99_999 })).data).toEqual(empty);
      expect((await search({ postcode: example.postcode, huisnummer: example.huisnummer }, { ...regisseur, gemeenten: ['GM0001'] })).data).toEqual(empty);
    });

    it('refuses a malformed postcode, and a house number without a postcode, with BAD_USER_INPUT naming the argument', async () => {
      for (const postcode of ['862 AB', '8620-AB', 'AB 8620', '86200']) {
        const { data, errors } = await search({ postcode, huisnummer: 1 });
        expect(data, postcode).toEqual({ huishoudens: null });
        expect(errors?.map((e) => e.extensions), postcode).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'postcode' })]);
      }
      const { errors } = await search({ huisnummer: example.huisnummer });
      expect(errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'huisnummer' })]);
    });

    it('refuses a caller without person-level access, like every page of households', async () => {
      const { data, errors } = await search({ postcode: example.postcode }, { rol: 'beleidsmedewerker' });
      expect(data).toEqual({ huishoudens: null });
      expect(errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    });
  });

  describe('the wijken', () => {
    it('lists the demo gemeente’s wijken by name, for any professional role', async () => {
      const expected = demoGebied()
        .wijken.map((w) => ({ code: w.code, naam: w.naam, gemeente: { code: 'GM9999', naam: 'Lindeveen' } }))
        .sort((a, b) => (a.naam < b.naam ? -1 : a.naam > b.naam ? 1 : 0));
      for (const caller of [regisseur, { rol: 'kcc-medewerker' }, { rol: 'wmo-consulent' }] as Caller[]) {
        const { data, errors } = await hub.query<{ wijken: unknown[] }>(WIJKEN, undefined, caller);
        expect(errors, caller.rol).toBeUndefined();
        expect(data!.wijken, caller.rol).toEqual(expected);
      }
    });

    it('refuses a resident and the fg with FORBIDDEN: they never browse households', async () => {
      for (const caller of [{ rol: 'inwoner', bsn: example.leden[0]!.bsn }, { rol: 'fg' }] as Caller[]) {
        const { data, errors } = await hub.query(WIJKEN, undefined, caller);
        expect(data, caller.rol).toEqual({ wijken: null });
        expect(errors?.map((e) => e.extensions?.code), caller.rol).toEqual(['FORBIDDEN']);
      }
    });

    it('browses from a wijk to its households', async () => {
      const { data } = await hub.query<{ wijken: { code: string }[] }>(WIJKEN);
      const wijk = example.wijkCode;
      expect(data!.wijken.map((w) => w.code)).toContain(wijk);
      const page = await hub.query<{ huishoudens: { edges: { node: { id: string } }[] } }>(
        `query($wijk: String) { huishoudens(wijk: $wijk, first: 100) { edges { node { id } } } }`,
        { wijk },
      );
      expect(page.data!.huishoudens.edges.map((e) => e.node.id)).toContain(example.id);
    });
  });
});
