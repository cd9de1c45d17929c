/**
 * The policy figures end to end: the gateway, the transcryptor, every source's export and the beleid
 * subgraph, against the truth computed here from the generator's households directly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BELEIDSCIJFERS } from '../schema/operations';
import { generateHuishoudens } from '../subgraphs/demo/generator';
import type { DemoHuishouden } from '../subgraphs/demo/types';
import { jeugdBeschikkingUiterlijk } from '../subgraphs/cjg/domain/jeugdhulp';
import type { DoorlooptijdRij } from '../subgraphs/kit/statistiek';
import { dagenTussen } from '../subgraphs/kit/termijnen';
import { beschikkingUiterlijk, onderzoekUiterlijk } from '../subgraphs/wmo/domain/melding';
import { signedHeaders } from '../subgraphs/kit/auth/gateway-credential';
import { ROLLEN } from '../subgraphs/kit/auth/roles';
import { isValidBsn } from '../subgraphs/kit/bsn';
import { amsterdamDate } from '../subgraphs/kit/dates';
import { decrypt, deserialize, embed, encrypt, pointFromText, pointToText, scalarBytes, scalarFromText } from '../subgraphs/kit/pep';
import { DEVELOPMENT_PEP_KEYS } from '../subgraphs/kit/pep-config';
import { BELEID_BRONNEN_ROUTE, type BeleidBronnen } from '../subgraphs/kit/statistiek';
import * as beleidTables from '../subgraphs/beleid/db/schema';
import { STAPELINGSOORTEN, type GebiedTelling } from '../subgraphs/beleid/stapeling';
import { headersFor, TEST_AUTH, type Caller } from './support/auth';
import { fetchStages, startTestHub, type TestHub } from './support/hub';

const DEMO = { households: 400, seed: 4 };
const JAAR = { van: '2025-01-01', tot: '2025-12-31' };
const beleid: Caller = { rol: 'beleidsmedewerker' };

interface Gepubliceerd {
  gemeente: string;
  periode: string;
  berekendOp: string;
  stapeling: { code: string; soort: string; afgeschermd: string | null; cellen: { soort: string; clienten: Cijfer; huishoudens: Cijfer }[] | null; naarAantalVoorzieningen: { aantal: number; clienten: Cijfer }[] | null }[];
  kanaalgebruik: { loket: string; kanaal: string; contactmomenten: Cijfer }[];
  instroomUitstroom: { loket: string; maand: string; beginstand: Cijfer; instroom: Cijfer; uitstroom: Cijfer; eindstand: Cijfer }[];
  doorlooptijden: { loket: string; stap: string; termijn: string; termijnBron: string; mediaanDagen: Cijfer; binnenTermijnPercentage: Cijfer }[];
}
interface Cijfer {
  waarde: number | null;
  afgeschermd: string | null;
}

const active = (begin: string, eind: string | null, van: string, tot: string) => begin <= tot && (eind === null || eind >= van);

/** The truth before rounding, straight from the generator: per person and household, the domains used. */
function truth(households: DemoHuishouden[], van: string, tot: string) {
  const clienten = new Map<string, { bits: number; n: number; wijk: string }>();
  const huishoudens = new Map<string, { bits: number; wijk: string }>();
  const add = (h: DemoHuishouden, bsn: string, bit: number) => {
    const c = clienten.get(bsn) ?? { bits: 0, n: 0, wijk: h.wijkCode };
    c.bits |= bit;
    c.n++;
    clienten.set(bsn, c);
    const hh = huishoudens.get(h.id) ?? { bits: 0, wijk: h.wijkCode };
    hh.bits |= bit;
    huishoudens.set(h.id, hh);
  };
  for (const h of households) {
    for (const v of h.wmo?.voorzieningen ?? []) if (active(v.ingangsdatum, v.einddatum, van, tot)) add(h, v.bsn, 4);
    for (const t of h.cjg?.jeugdhulptrajecten ?? []) if (t.startdatum !== null && active(t.startdatum, t.einddatum, van, tot)) add(h, t.bsn, 1);
    for (const u of h.werkplein?.uitkeringen ?? []) if (active(u.ingangsdatum, u.einddatum, van, tot)) add(h, u.bsn, 2);
  }
  const soort = (bits: number) => (['', 'ALLEEN_JEUGD', 'ALLEEN_PWET', 'JEUGD_EN_PWET', 'ALLEEN_WMO', 'JEUGD_EN_WMO', 'PWET_EN_WMO', 'JEUGD_PWET_EN_WMO'] as const)[bits]!;
  const area = (wijk: string | null) => {
    const cl = Object.fromEntries(STAPELINGSOORTEN.map((s) => [s, 0])) as Record<string, number>;
    const hh = { ...cl };
    const naar: [number, number, number] = [0, 0, 0];
    for (const c of clienten.values()) {
      if (wijk && c.wijk !== wijk) continue;
      cl.TOTAAL!++;
      cl[soort(c.bits)]!++;
      naar[Math.min(c.n, 3) - 1]!++;
    }
    for (const x of huishoudens.values()) {
      if (wijk && x.wijk !== wijk) continue;
      hh.TOTAAL!++;
      hh[soort(x.bits)]!++;
    }
    return { clienten: cl, huishoudens: hh, naarAantalVoorzieningen: naar, huishoudensInGebied: households.filter((h) => !wijk || h.wijkCode === wijk).length };
  };
  return { area, bsns: [...clienten.keys()] };
}

describe('policy figures across domains, never a person', () => {
  let hub: TestHub;
  const households = [...generateHuishoudens(DEMO)];
  const expected = truth(households, JAAR.van, JAAR.tot);
  let first: Gepubliceerd;

  beforeAll(async () => {
    hub = await startTestHub(DEMO, beleid);
    const { data, errors } = await hub.query<{ beleidscijfers: Gepubliceerd }>(BELEIDSCIJFERS, { gemeente: 'GM9999', periode: { jaar: 2025 } });
    expect(errors).toBeUndefined();
    first = data!.beleidscijfers;
  }, 120_000);
  afterAll(() => hub?.close());

  async function stored(periode: string) {
    const rows = await hub.services.beleid.db.select().from(beleidTables.publicatie);
    return rows.find((r) => r.periode === periode)!.cijfers as { ruw: { stapeling: GebiedTelling[]; loketten: { loket: string; kanaalgebruik: { kanaal: string; aantal: number }[] }[] } };
  }

  it('computes the stapeling table, before rounding, exactly as the generator’s households say', async () => {
    const { ruw } = await stored('2025');
    expect(ruw.stapeling[0]!.code).toBe('GM9999');
    for (const gebied of ruw.stapeling) {
      const want = expected.area(gebied.soort === 'GEMEENTE' ? null : gebied.code);
      expect({ clienten: gebied.clienten, huishoudens: gebied.huishoudens, naar: gebied.naarAantalVoorzieningen, n: gebied.huishoudensInGebied }, gebied.code).toEqual({
        clienten: want.clienten,
        huishoudens: want.huishoudens,
        naar: want.naarAantalVoorzieningen,
        n: want.huishoudensInGebied,
      });
    }
    // Households with a child in jeugdhulp and a parent on bijstand are JEUGD_EN_PWET without any person being so.
    expect(ruw.stapeling[0]!.huishoudens.TOTAAL).toBeGreaterThan(20);
  });

  it('publishes every number as a multiple of 5 within 2.5 of the truth, or withholds it under 10', () => {
    const gemeente = first.stapeling[0]!;
    expect(gemeente).toMatchObject({ code: 'GM9999', soort: 'GEMEENTE', afgeschermd: null });
    const want = expected.area(null);
    let published = 0;
    for (const cel of gemeente.cellen!) {
      for (const [cijfer, n] of [[cel.clienten, want.clienten[cel.soort]!], [cel.huishoudens, want.huishoudens[cel.soort]!]] as const) {
        if (n < 10) expect(cijfer).toEqual({ waarde: null, afgeschermd: 'MINDER_DAN_10' });
        else {
          expect(cijfer.waarde! % 5).toBe(0);
          expect(Math.abs(cijfer.waarde! - n)).toBeLessThanOrEqual(2.5);
          published++;
        }
      }
    }
    expect(published).toBeGreaterThan(3);
    // Wijken of fewer than 100 households are withheld whole.
    for (const wijk of first.stapeling.slice(1)) {
      if (expected.area(wijk.code).huishoudensInGebied < 100) expect(wijk).toMatchObject({ afgeschermd: 'GEBIED_TE_KLEIN', cellen: null });
    }
  });

  it('counts contact moments per loket and channel as the generator has them in the period', async () => {
    const { ruw } = await stored('2025');
    const want = new Map<string, number>();
    for (const h of households) {
      for (const [loket, part] of [['WMO', h.wmo], ['CJG', h.cjg], ['WERKPLEIN', h.werkplein], ['WIJKTEAM', h.wijkteam]] as const) {
        for (const c of part?.contactmomenten ?? []) {
          const day = amsterdamDate(new Date(c.tijdstip));
          if (day >= JAAR.van && day <= JAAR.tot) want.set(`${loket} ${c.kanaal}`, (want.get(`${loket} ${c.kanaal}`) ?? 0) + 1);
        }
      }
    }
    const got = new Map(ruw.loketten.flatMap((l) => l.kanaalgebruik.map((k) => [`${l.loket} ${k.kanaal}`, k.aantal] as const)));
    expect(got).toEqual(want);
    for (const k of first.kanaalgebruik) {
      const n = want.get(`${k.loket} ${k.kanaal}`)!;
      expect(k.contactmomenten.waarde === null ? n < 10 : Math.abs(k.contactmomenten.waarde - n) <= 2.5).toBe(true);
    }
  });

  it('reports per loket and month the clients in and out, balanced within each month', () => {
    const wmo = first.instroomUitstroom.filter((r) => r.loket === 'WMO');
    expect(wmo.map((r) => r.maand)).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`));
    expect(new Set(first.instroomUitstroom.map((r) => r.loket))).toEqual(new Set(['WMO', 'CJG', 'WERKPLEIN']));
  });

  it('measures the lead times of the Wmo and Jeugd steps against their legal terms as the generator’s chains have them', async () => {
    const { ruw } = (await stored('2025')) as unknown as { ruw: { loketten: { loket: string; doorlooptijden: DoorlooptijdRij[] }[] } };
    const peil = JAAR.tot;
    // percentile_disc: the smallest value at or above the fraction, as the lokets compute it.
    const pct = (days: number[], f: number) => (days.length ? [...days].sort((a, b) => a - b)[Math.ceil(f * days.length) - 1]! : null);
    const figure = (steps: { begin: string | null; gedaan: string | null; uiterlijk: string | null; vervallen: string | null }[]) => {
      const done = steps.filter((s) => s.begin && s.gedaan && s.gedaan >= JAAR.van && s.gedaan <= JAAR.tot);
      const days = done.map((s) => dagenTussen(s.begin!, s.gedaan!));
      return {
        afgerond: done.length,
        mediaanDagen: pct(days, 0.5),
        p90Dagen: pct(days, 0.9),
        binnenTermijn: done.filter((s) => s.gedaan! <= s.uiterlijk!).length,
        openNaTermijn: steps.filter((s) => s.begin && s.begin <= peil && s.uiterlijk! < peil && (!s.gedaan || s.gedaan > peil) && (!s.vervallen || s.vervallen > peil)).length,
      };
    };
    const meldingen = households.flatMap((h) => h.wmo?.meldingen ?? []);
    const least = (...d: (string | null)[]) => d.filter((x): x is string => x !== null).sort()[0] ?? null;
    const want = {
      'WMO ONDERZOEK': figure(meldingen.map((m) => ({ begin: m.meldingsdatum, gedaan: m.verslagVerstuurdOp, uiterlijk: onderzoekUiterlijk(m.meldingsdatum), vervallen: least(m.ingetrokkenOp, m.aanvraagOntvangenOp) }))),
      'WMO BESCHIKKING': figure(meldingen.map((m) => ({ begin: m.aanvraagOntvangenOp, gedaan: m.beschikkingsdatum, uiterlijk: m.aanvraagOntvangenOp && beschikkingUiterlijk(m.aanvraagOntvangenOp), vervallen: m.ingetrokkenOp }))),
      'CJG BESCHIKKING': figure(households.flatMap((h) => h.cjg?.jeugdhulptrajecten ?? []).map((t) => ({ begin: t.aanvraagOntvangenOp, gedaan: t.beschikkingsdatum, uiterlijk: t.aanvraagOntvangenOp && jeugdBeschikkingUiterlijk(t.aanvraagOntvangenOp), vervallen: null }))),
    };
    const got = Object.fromEntries(
      ruw.loketten.flatMap((l) => l.doorlooptijden.filter((d) => d.stap !== 'VERZOEK_OM_TOEWIJZING').map((d) => [`${l.loket} ${d.stap}`, { afgerond: d.afgerond, mediaanDagen: d.mediaanDagen, p90Dagen: d.p90Dagen, binnenTermijn: d.binnenTermijn, openNaTermijn: d.openNaTermijn }])),
    );
    expect(got).toEqual(want);
    expect(want['WMO ONDERZOEK'].afgerond).toBeGreaterThan(10);
    const onderzoek = first.doorlooptijden.find((d) => d.loket === 'WMO' && d.stap === 'ONDERZOEK')!;
    expect(onderzoek).toMatchObject({ termijn: '6 weken na de melding', termijnBron: 'Wmo 2015 art. 2.3.2 lid 1', mediaanDagen: { waarde: want['WMO ONDERZOEK'].mediaanDagen } });
    const w = want['WMO ONDERZOEK'];
    expect(onderzoek.binnenTermijnPercentage.waarde).toBe(Math.round((100 * w.binnenTermijn) / w.afgerond));
  });

  it('answers the same question with the same table, from one plan stage', async () => {
    hub.resetCounters();
    const again = await hub.query<{ beleidscijfers: Gepubliceerd }>(BELEIDSCIJFERS, { gemeente: 'GM9999', periode: { jaar: 2025 } });
    expect(again.data!.beleidscijfers).toEqual(first);
    expect(fetchStages(hub.plans[0]!)).toBeLessThanOrEqual(2);
    // From the published table: the lokets are not asked again.
    expect(hub.counters().wmo.fetches).toBe(0);
  });

  it('keeps no BSN, household id or pseudonym in the beleid database', async () => {
    const dump = JSON.stringify([await hub.services.beleid.db.select().from(beleidTables.publicatie), await hub.services.beleid.db.select().from(beleidTables.verwerking)]);
    // Nine digits standing alone (a BSN is a token of its own; runs inside a random hex trace id are not).
    const nineDigits = dump.match(/(?<![0-9A-Za-z])\d{9}(?![0-9A-Za-z])/g) ?? [];
    expect(nineDigits.filter(isValidBsn)).toEqual([]);
    for (const h of households) for (const p of h.leden) expect(dump).not.toContain(p.bsn);
    for (const h of households) expect(dump).not.toContain(h.id);
    // A pseudonym or ciphertext is 43 or 86 base64url characters.
    expect(dump).not.toMatch(/[A-Za-z0-9_-]{43}/);
  });

  describe('the pseudonyms, as the transcryptor hands them to the beleid service', () => {
    const beleidKey = scalarBytes(scalarFromText(DEVELOPMENT_PEP_KEYS.beleidKey));
    async function pseudonyms(periode: string, van: string, tot: string): Promise<Set<string>> {
      const body = { gemeente: 'GM9999', periode, van, tot };
      const caller = { authorization: (await headersFor(beleid)).authorization!, purpose: 'beleidsinformatie', traceId: 'a'.repeat(32) };
      const headers = signedHeaders(TEST_AUTH.gatewaySecret, { ...caller, query: BELEID_BRONNEN_ROUTE, variables: body });
      const response = await fetch(new URL(`.${BELEID_BRONNEN_ROUTE}`, hub.gatewayUrl), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      expect(response.status).toBe(200);
      const bronnen = (await response.json()) as BeleidBronnen;
      const open = (text: string) => pointToText(decrypt(deserialize(text), beleidKey));
      return new Set([...bronnen.clienten.wmo, ...bronnen.clienten.cjg, ...bronnen.clienten.werkplein].map((c) => open(c.persoon)));
    }

    it('differ between two periods for the same persons, and match nothing a loket can compute from a BSN', async () => {
      const jaar = await pseudonyms('2025', JAAR.van, JAAR.tot);
      const kwartaal = await pseudonyms('2025-Q1', '2025-01-01', '2025-03-31');
      expect(jaar.size).toBe(expected.bsns.length);
      expect([...kwartaal].filter((p) => jaar.has(p))).toEqual([]);
      // What a loket holds is the public key; from a BSN it can make the point and encryptions under that key.
      const Y = pointFromText(DEVELOPMENT_PEP_KEYS.publicKey);
      for (const bsn of expected.bsns.slice(0, 50)) {
        const M = embed(`bsn:${bsn}`);
        for (const candidate of [M, encrypt(M, Y).c, encrypt(M, Y).b]) expect(jaar.has(pointToText(candidate))).toBe(false);
      }
    });

    it('are not handed to anyone without the services’ credential', async () => {
      const response = await fetch(new URL(`.${BELEID_BRONNEN_ROUTE}`, hub.gatewayUrl), { method: 'POST', headers: { 'content-type': 'application/json', ...(await headersFor(beleid)) }, body: JSON.stringify({ gemeente: 'GM9999', periode: '2025', ...JAAR }) });
      expect(response.status).toBe(401);
    });
  });

  it.each(ROLLEN.filter((r) => r !== 'beleidsmedewerker'))('refuses the %s with FORBIDDEN, and logs the refusal', async (rol) => {
    const caller: Caller = rol === 'inwoner' ? { rol, bsn: households[0]!.leden[0]!.bsn } : { rol };
    const { data, errors } = await hub.query<{ beleidscijfers: unknown }>(BELEIDSCIJFERS, { gemeente: 'GM9999', periode: { jaar: 2025 } }, caller);
    expect(data?.beleidscijfers ?? null).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const log = await hub.services.beleid.db.select().from(beleidTables.verwerking);
    expect(log.some((e) => e.actorRol === rol && e.niveau === 'AGGREGAAT' && e.resultaat === 'GEWEIGERD' && e.betrokkene === 'geen')).toBe(true);
  });

  it.each([
    [{ jaar: 2025, maand: 13 }, 'periode.maand'],
    [{ jaar: 2025, kwartaal: 1, maand: 2 }, 'periode.maand'],
    [{ jaar: 1999 }, 'periode.jaar'],
    [{ jaar: 2099 }, 'periode'],
  ])('refuses the period %j with BAD_USER_INPUT naming %s', async (periode, field) => {
    const { errors } = await hub.query(BELEIDSCIJFERS, { gemeente: 'GM9999', periode });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
