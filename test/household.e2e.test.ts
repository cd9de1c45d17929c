import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findExampleHuishouden, generateHuishoudens } from '../subgraphs/demo/generator';
import type { DemoHuishouden } from '../subgraphs/demo/types';
import { PERSON_SUBGRAPHS, SUBGRAPHS } from '../subgraphs/kit/config';
import { HUISHOUDBEELD, REGISTER_GRONDSLAG } from '../schema/operations';
import { fetchStages, startTestHub, type TestHub } from './support/hub';
import { SchermHuishoudenDocument } from '../app/src/gql/graphql';

/** What one household picture costs each subgraph: fetches, SQL statements, processing-log inserts. */
const PICTURE_COUNTS = {
  brp: { fetches: 1, statements: 1, logInserts: 1 },
  wmo: { fetches: 1, statements: 1, logInserts: 1 },
  cjg: { fetches: 1, statements: 1, logInserts: 1 },
  werkplein: { fetches: 1, statements: 1, logInserts: 1 },
  // Casus and merge, and first the gateway's one question about the caller's casus access, which
  // discloses nothing and so logs nothing (the caller is a wijkteam member; for others it is not asked).
  wijkteam: { fetches: 3, statements: 3, logInserts: 2 },
  beleid: { fetches: 0, statements: 0, logInserts: 0 },
};
import { unguardedCaller, unguardedGuard } from '../scripts/bench/unguarded';

const DEMO = { households: 150, seed: 3 };



const WERKPLEIN_GRONDSLAG = {
  soort: 'TOESTEMMING',
  domeinen: ['WERKPLEIN'],
  geldigVan: '2026-10-01',
  toelichting: 'Het huishouden stemt in met delen van de Werkplein-gegevens met het wijkteam.',
};

interface Picture {
  huishouden: {
    id: string;
    leden: { bsn: string }[];
    betrokkenheid: { loket: string; sinds: string; status: string; contactpersoon: { naam: string } }[] | null;
    contactmomenten: { id: string; tijdstip: string; loket: string }[] | null;
    wmo: { meldingen: unknown[]; voorzieningen: { productcategorie: { code: string; naam: string } }[] } | null;
    cjg: { jeugdhulptrajecten: { jeugdige: { bsn: string } }[] } | null;
    werkplein: { uitkeringen: unknown[]; trajecten: unknown[] } | null;
    casus: { regisseur: { naam: string }; plan: { doelen: unknown[] } | null } | null;
  } | null;
}

function allContactmomenten(h: DemoHuishouden) {
  return [h.wmo, h.cjg, h.werkplein, h.wijkteam].flatMap((part) => part?.contactmomenten ?? []);
}

describe('the household picture through the gateway', () => {
  let hub: TestHub;
  let example: DemoHuishouden;

  beforeAll(async () => {
    example = findExampleHuishouden(DEMO)!;
    // The example casus' regisseur: the demo gives the casus a Grondslag for WMO and CJG; WERKPLEIN is
    // added here, through the API, so that this caller sees the whole picture.
    const regisseur = { rol: 'wijkteam-medewerker', sub: example.wijkteam!.casus.regisseur.sub } as const;
    hub = await startTestHub(DEMO, regisseur);
    const { errors } = await hub.query(REGISTER_GRONDSLAG, {
      input: { ...WERKPLEIN_GRONDSLAG, casusId: example.wijkteam!.casus.id, idempotencyKey: `e2e-${example.id}` },
    });
    expect(errors).toBeUndefined();
  });
  afterAll(() => hub?.close());

  it('shows one household with data from all five subgraphs', async () => {
    const { data, errors } = await hub.query<Picture>(HUISHOUDBEELD, { id: example.id });
    expect(errors).toBeUndefined();
    const h = data!.huishouden!;
    expect(h.leden.map((p) => p.bsn).sort()).toEqual(example.leden.map((p) => p.bsn).sort());
    expect(h.betrokkenheid!.map((b) => b.loket)).toEqual(['WMO', 'CJG', 'WERKPLEIN', 'WIJKTEAM']);
    expect(h.betrokkenheid![0]).toMatchObject({ sinds: example.wmo!.dossier.geopendOp, contactpersoon: { naam: example.wmo!.dossier.contactpersoon.naam } });
    expect(h.wmo!.meldingen).toHaveLength(example.wmo!.meldingen.length);
    expect(h.wmo!.voorzieningen.map((v) => v.productcategorie.code).sort()).toEqual(example.wmo!.voorzieningen.map((v) => v.productcategorie).sort());
    expect(h.cjg!.jeugdhulptrajecten).toHaveLength(example.cjg!.jeugdhulptrajecten.length);
    for (const traject of h.cjg!.jeugdhulptrajecten) expect(h.leden.map((p) => p.bsn)).toContain(traject.jeugdige.bsn);
    expect(h.werkplein!.uitkeringen).toHaveLength(example.werkplein!.uitkeringen.length);
    expect(h.casus!.regisseur.naam).toBe(example.wijkteam!.casus.regisseur.naam);
  });

  it('merges every loket’s contact moments into one list, newest first', async () => {
    const { data } = await hub.query<Picture>(HUISHOUDBEELD, { id: example.id });
    const list = data!.huishouden!.contactmomenten!;
    const expected = allContactmomenten(example);
    expect(list.map((c) => c.id).sort()).toEqual(expected.map((c) => c.id).sort());
    expect(new Set(list.map((c) => c.loket))).toEqual(new Set(['WMO', 'CJG', 'WERKPLEIN', 'WIJKTEAM']));
    const times = list.map((c) => Date.parse(c.tijdstip));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('filters the merged list by loket and by period', async () => {
    const query = `query($id: ID!, $van: Date, $tot: Date, $loketten: [Loket!]) {
      huishouden(id: $id) { contactmomenten(van: $van, tot: $tot, loketten: $loketten) { id loket tijdstip } } }`;
    const alleenWmo = await hub.query<Picture>(query, { id: example.id, loketten: ['WMO', 'CJG'] });
    const wmoCjg = [...example.wmo!.contactmomenten, ...example.cjg!.contactmomenten].map((c) => c.id).sort();
    expect(alleenWmo.data!.huishouden!.contactmomenten!.map((c) => c.id).sort()).toEqual(wmoCjg);

    const all = allContactmomenten(example).map((c) => c.tijdstip).sort();
    const van = all[Math.floor(all.length / 2)]!.slice(0, 10);
    const periode = await hub.query<Picture>(query, { id: example.id, van });
    const got = periode.data!.huishouden!.contactmomenten!;
    expect(got.length).toBeGreaterThan(0);
    expect(got.length).toBeLessThan(all.length);
    // Contact moments near midnight belong to their Amsterdam day; a day's margin keeps this test about the filter.
    for (const c of got) expect(c.tijdstip.slice(0, 10) >= van || Date.parse(c.tijdstip) >= Date.parse(van) - 86_400_000).toBe(true);
  });

  it('plans the household picture in three fetch stages, one statement and at most one log insert per fetch', async () => {
    hub.resetCounters();
    await hub.query(HUISHOUDBEELD, { id: example.id });
    expect(hub.plans).toHaveLength(1);
    // brp; the lokets and the wijkteam's casus; the wijkteam's merge.
    expect(fetchStages(hub.plans[0]!)).toBe(3);
    expect(hub.counters()).toEqual(PICTURE_COUNTS);
  });

  it('plans the web application’s household picture (app/) just as cheaply: three stages, the same counts', async () => {
    hub.resetCounters();
    const { errors } = await hub.query(SchermHuishoudenDocument.toString(), { id: example.id });
    expect((errors ?? []).filter((e) => e.extensions?.code !== 'GRONDSLAG_REQUIRED')).toEqual([]);
    expect(hub.plans).toHaveLength(1);
    expect(fetchStages(hub.plans[0]!)).toBe(3);
    expect(hub.counters()).toEqual(PICTURE_COUNTS);
  });

  it('loads a page of 100 households with one SQL statement and one log insert per subgraph fetch', async () => {
    hub.resetCounters();
    const { data, errors } = await hub.query<{ huishoudens: { edges: { node: { id: string; contactmomenten: unknown[]; betrokkenheid: unknown[] } }[] } }>(
      `{ huishoudens(first: 100) { edges { node { id contactmomenten { tijdstip loket kanaal } betrokkenheid { loket status } } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.huishoudens.edges).toHaveLength(100);
    expect(data!.huishoudens.edges.some((e) => e.node.contactmomenten.length > 0)).toBe(true);
    const counters = hub.counters();
    for (const name of PERSON_SUBGRAPHS) {
      // The wijkteam: the merge, and the gateway's one question about casus access.
      const expected = name === 'wijkteam' ? { fetches: 2, statements: 2, logInserts: 1 } : { fetches: 1, statements: 1, logInserts: 1 };
      expect(counters[name], name).toEqual(expected);
    }
  });

  it('costs one batched casus question more with authorization than without, and no statement per field', async () => {
    const without = await startTestHub(DEMO, { rol: 'wijkteam-medewerker' }, { guard: unguardedGuard, caller: unguardedCaller });
    try {
      const page = `{ huishoudens(first: 100) { edges { node { id wmo { meldingen { id } } contactmomenten { tijdstip } } } } }`;
      for (const [query, variables] of [[HUISHOUDBEELD, { id: example.id }], [page, {}]] as const) {
        hub.resetCounters();
        without.resetCounters();
        const guarded = await hub.query(query, variables);
        const unguarded = await without.query(query, variables);
        expect(guarded.data).toBeTruthy();
        expect(JSON.stringify(unguarded.data).length).toBeGreaterThan(1000);
        const [a, b] = [hub.counters(), without.counters()];
        for (const name of SUBGRAPHS) {
          // The wijkteam answers the gateway's one question about casus access; all else is the same work.
          const extra = name === 'wijkteam' ? 1 : 0;
          expect(a[name].fetches, name).toBe(b[name].fetches + extra);
          expect(a[name].statements, name).toBe(b[name].statements + extra);
          expect(a[name].logInserts, name).toBeLessThanOrEqual(b[name].fetches);
          expect(b[name].logInserts, name).toBe(0);
        }
      }
    } finally {
      await without.close();
    }
  });

  it('pages through a wijk with cursors, without gaps or repeats', async () => {
    const wijk = example.wijkCode;
    const expected = [...generateHuishoudens(DEMO)].filter((h) => h.wijkCode === wijk).map((h) => h.id);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { data?: { huishoudens: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number } } | null } =
        await hub.query(`query($wijk: String, $after: String) { huishoudens(wijk: $wijk, first: 7, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } totalCount } }`, { wijk, after });
      const { edges, pageInfo, totalCount } = page.data!.huishoudens;
      expect(totalCount).toBe(expected.length);
      seen.push(...edges.map((e) => e.node.id));
      after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(expected);
  });

  it('finds a person by BSN and their household’s lokets (a loket lookup)', async () => {
    const persoon = example.leden[0]!;
    const { data, errors } = await hub.query<{ persoon: { naam: { geslachtsnaam: string }; huishouden: { id: string; betrokkenheid: { loket: string }[] } } }>(
      `query($bsn: String!) { persoon(bsn: $bsn) { naam { geslachtsnaam } huishouden { id betrokkenheid { loket } } } }`,
      { bsn: persoon.bsn },
    );
    expect(errors).toBeUndefined();
    expect(data!.persoon).toEqual({
      naam: { geslachtsnaam: persoon.geslachtsnaam },
      huishouden: { id: example.id, betrokkenheid: [{ loket: 'WMO' }, { loket: 'CJG' }, { loket: 'WERKPLEIN' }, { loket: 'WIJKTEAM' }] },
    });
  });

  it.each([
    ['a BSN that fails the 11-proef', `{ persoon(bsn: "999999991") { bsn } }`],
    ['a page size over 100', `{ huishoudens(first: 101) { edges { cursor } } }`],
    ['a forged cursor', `{ huishoudens(after: "bm9wZQ") { edges { cursor } } }`],
    ['a malformed wijk code', `{ huishoudens(wijk: "Centrum") { edges { cursor } } }`],
    ['a period that ends before it starts', `{ huishoudens(first: 1) { edges { node { contactmomenten(van: "2026-02-01", tot: "2026-01-01") { id } } } } }`],
  ])('refuses %s with BAD_USER_INPUT and no stack trace', async (_what, query) => {
    const { errors } = await hub.query(query);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(errors)).not.toMatch(/stacktrace|at \w+ \(/);
  });

  it('answers null, not an error, for a household that does not exist', async () => {
    expect(await hub.query(`{ huishouden(id: "9999019999999999") { id } }`)).toEqual({ data: { huishouden: null } });
  });

  it('resolves a reference to brp for a person’s name when asked, in a fourth stage', async () => {
    hub.resetCounters();
    const { data } = await hub.query<{ huishouden: { cjg: { jeugdhulptrajecten: { jeugdige: { naam: { volledigeNaam: string } } }[] } } }>(
      `query($id: ID!) { huishouden(id: $id) { cjg { jeugdhulptrajecten { jeugdige { naam { volledigeNaam } } } } } }`,
      { id: example.id },
    );
    const kind = example.leden.find((p) => p.bsn === example.cjg!.jeugdhulptrajecten[0]!.bsn)!;
    const naam = [kind.voornamen, kind.voorvoegsel, kind.geslachtsnaam].filter(Boolean).join(' ');
    expect(data!.huishouden.cjg.jeugdhulptrajecten.map((t) => t.jeugdige.naam.volledigeNaam)).toContain(naam);
    expect(hub.counters().brp).toEqual({ fetches: 2, statements: 2, logInserts: 2 });
  });

  it('still answers the rest of the picture while a subgraph is down', async () => {
    await hub.services.cjg.close();
    const { data, errors } = await hub.query<Picture>(HUISHOUDBEELD, { id: example.id });
    const h = data!.huishouden!;
    expect(h.leden.length).toBe(example.leden.length);
    expect(h.wmo).not.toBeNull();
    expect(h.casus).not.toBeNull();
    expect(h.cjg).toBeNull();
    // The merged views need every loket: null with an error, never silently incomplete.
    expect(h.contactmomenten).toBeNull();
    expect(h.betrokkenheid).toBeNull();
    expect(errors).toContainEqual(
      expect.objectContaining({ message: 'The cjg service is unavailable', extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'cjg' } }),
    );
  });

  it('still shows a wijkteam member the BRP part while the wijkteam is down, and says why the rest is missing', async () => {
    await hub.services.wijkteam.close();
    const { data, errors } = await hub.query<Picture>(HUISHOUDBEELD, { id: example.id });
    const h = data!.huishouden!;
    expect(h.leden.length).toBe(example.leden.length);
    // Without the casus answer no loket can decide its content for this caller, so none is disclosed.
    expect(h.wmo).toBeNull();
    expect(h.casus).toBeNull();
    expect(errors).toContainEqual(expect.objectContaining({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'wijkteam' } }));
  });
});
