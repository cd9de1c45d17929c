import { describe, it, expect } from 'vitest';
import { isValidBsn, TEST_BSN_COUNT } from '../kit/bsn';
import { DEMO_REFERENCE_DATE, demoGebied, findExampleHuishouden, generateHuishoudens, MAX_DEMO_HOUSEHOLDS } from './generator';
import { KANALEN, ZRM_DOMEINEN } from '../kit/domein';
import { MELDING_STATUSSEN } from '../wmo/domain/melding';
import type { DemoContactmoment, DemoHuishouden, DemoOptions, DemoPersoon } from './types';

const generate = (opts: DemoOptions): DemoHuishouden[] => [...generateHuishoudens(opts)];

// Generated once and shared: the properties below are all read-only checks on the same data.
const SAMPLE = generate({ households: 2000, seed: 42 });
const LARGE = generate({ households: 5000, seed: 7 });

/** Whole years between an ISO birth date and an ISO date. */
function ageOn(geboortedatum: string, datum: string): number {
  const [by, bm, bd] = geboortedatum.split('-').map(Number) as [number, number, number];
  const [y, m, d] = datum.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

function lid(h: DemoHuishouden, bsn: string): DemoPersoon {
  const persoon = h.leden.find((p) => p.bsn === bsn);
  if (!persoon) throw new Error(`household ${h.id} has no member ${bsn}`);
  return persoon;
}

function contactmomenten(h: DemoHuishouden): DemoContactmoment[] {
  return [h.wmo, h.cjg, h.werkplein, h.wijkteam].flatMap((l) => l?.contactmomenten ?? []);
}

/** Every record id in a household, in a fixed order. */
function recordIds(h: DemoHuishouden): string[] {
  const ids: string[] = contactmomenten(h).map((c) => c.id);
  if (h.wmo) ids.push(h.wmo.dossier.id, ...h.wmo.meldingen.map((m) => m.id), ...h.wmo.voorzieningen.map((v) => v.id));
  if (h.cjg) ids.push(h.cjg.dossier.id, ...h.cjg.jeugdhulptrajecten.map((t) => t.id));
  if (h.werkplein) ids.push(h.werkplein.dossier.id, ...h.werkplein.uitkeringen.map((u) => u.id), ...h.werkplein.trajecten.map((t) => t.id));
  const casus = h.wijkteam?.casus;
  if (casus) ids.push(casus.id, ...(casus.plan ? [casus.plan.id, ...casus.plan.doelen.map((d) => d.id)] : []));
  return ids;
}

const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

describe('demoGebied', () => {
  const gebied = demoGebied();

  it('is the fictional gemeente GM9999 Lindeveen with 6-8 wijken of 2-5 buurten each', () => {
    expect(gebied.gemeente).toEqual({ code: 'GM9999', naam: 'Lindeveen' });
    expect(gebied.wijken.length).toBeGreaterThanOrEqual(6);
    expect(gebied.wijken.length).toBeLessThanOrEqual(8);
    for (const wijk of gebied.wijken) {
      expect(wijk.code).toMatch(/^WK9999\d{2}$/);
      expect(wijk.gemeenteCode).toBe('GM9999');
      const buurten = gebied.buurten.filter((b) => b.wijkCode === wijk.code);
      expect(buurten.length).toBeGreaterThanOrEqual(2);
      expect(buurten.length).toBeLessThanOrEqual(5);
      for (const buurt of buurten) expect(buurt.code).toMatch(new RegExp(`^BU${wijk.code.slice(2)}\\d{2}$`));
    }
    expect(new Set(gebied.buurten.map((b) => b.code)).size).toBe(gebied.buurten.length);
    expect(new Set(gebied.wijken.map((w) => w.naam)).size).toBe(gebied.wijken.length);
  });

  it('returns a fresh copy, so callers cannot change the next caller\'s gemeente', () => {
    gebied.wijken.pop();
    expect(demoGebied().wijken.length).toBe(gebied.wijken.length + 1);
  });
});

describe('generateHuishoudens: determinism', () => {
  it('yields exactly the requested number of households', () => {
    expect(generate({ households: 0, seed: 1 })).toEqual([]);
    expect(generate({ households: 17, seed: 1 })).toHaveLength(17);
  });

  it('gives deep-equal output for the same options', () => {
    expect(generate({ households: 300, seed: 42 })).toEqual(generate({ households: 300, seed: 42 }));
    expect(generate({ households: 300, seed: 42 })).toEqual(SAMPLE.slice(0, 300));
  });

  it('is prefix-stable: the first 50 of 200 are the 50', () => {
    for (const seed of [1, 99]) {
      expect(generate({ households: 200, seed }).slice(0, 50)).toEqual(generate({ households: 50, seed }));
    }
  });

  it('gives a different gemeente for a different seed', () => {
    const other = generate({ households: 50, seed: 43 });
    const same = other.filter((h, i) => JSON.stringify(h.leden) === JSON.stringify(SAMPLE[i]?.leden)).length;
    expect(same).toBe(0);
  });

  it('dates everything relative to referenceDate, never after it', () => {
    const earlier = generate({ households: 100, seed: 42, referenceDate: '2020-03-01' });
    const [a, b] = [SAMPLE[1], earlier[1]];
    expect(a && b && ageOn(a.leden[0]!.geboortedatum, DEMO_REFERENCE_DATE)).toBe(b && ageOn(b.leden[0]!.geboortedatum, '2020-03-01'));
    for (const h of earlier) {
      for (const p of h.leden) expect(p.geboortedatum < '2020-03-01').toBe(true);
      for (const c of contactmomenten(h)) expect(c.tijdstip.slice(0, 10) < '2020-03-01').toBe(true);
    }
  });

  it('rejects invalid options', () => {
    expect(() => generate({ households: -1, seed: 1 })).toThrow(RangeError);
    expect(() => generate({ households: 1.5, seed: 1 })).toThrow(RangeError);
    expect(() => generate({ households: 1, seed: 1, referenceDate: '2026-02-30' })).toThrow(RangeError);
    expect(() => generate({ households: 1, seed: Number.NaN })).toThrow(RangeError);
  });
});

describe('generateHuishoudens: identifiers', () => {
  it('numbers household ids 9999 01 + a 10-digit sequence from 1', () => {
    SAMPLE.forEach((h, i) => expect(h.id).toBe(`999901${String(i + 1).padStart(10, '0')}`));
  });

  it('gives every person a valid, unique test BSN (999xxxxxx)', () => {
    const bsns = SAMPLE.flatMap((h) => h.leden.map((p) => p.bsn));
    expect(bsns.every((b) => isValidBsn(b) && b.startsWith('999'))).toBe(true);
    expect(new Set(bsns).size).toBe(bsns.length);
  });

  it('gives every record a unique UUID-v4-shaped id', () => {
    const ids = SAMPLE.flatMap(recordIds);
    expect(ids.length).toBeGreaterThan(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('refuses more than MAX_DEMO_HOUSEHOLDS before doing any work, instead of reusing BSNs or leaving 999xxxxxx', () => {
    expect(() => generateHuishoudens({ households: MAX_DEMO_HOUSEHOLDS + 1, seed: 3 }).next()).toThrow(/at most 40000 households/);
  });

  it('fits the largest demo gemeente in the test BSN range, with unique BSNs', () => {
    const bsns = new Set<string>();
    for (const h of generateHuishoudens({ households: MAX_DEMO_HOUSEHOLDS, seed: 3 })) for (const p of h.leden) bsns.add(p.bsn);
    expect(bsns.size).toBeLessThanOrEqual(TEST_BSN_COUNT);
    expect(bsns.size).toBeGreaterThan(MAX_DEMO_HOUSEHOLDS * 2); // ~2.16 residents per household, all distinct
  }, 60_000);
});

describe('generateHuishoudens: addresses', () => {
  const gebied = demoGebied();
  const woonplaatsen = new Set(['Lindeveen', 'Heelderveld', 'Oudewier']);

  it('places each household in a buurt of its wijk of GM9999, in Lindeveen or one of its kernen', () => {
    for (const h of SAMPLE) {
      expect(h.gemeenteCode).toBe('GM9999');
      expect(gebied.buurten.find((b) => b.code === h.buurtCode)?.wijkCode).toBe(h.wijkCode);
      expect(woonplaatsen.has(h.woonplaats)).toBe(true);
      expect(h.postcode).toMatch(/^\d{4} [A-EGHJ-NPRSTVWXZ]{2}$/);
      expect(h.huisnummer).toBeGreaterThanOrEqual(1);
    }
  });

  it('uses one postcode, buurt and woonplaats per street', () => {
    const byStreet = new Map<string, string>();
    for (const h of SAMPLE) {
      const key = `${h.woonplaats}|${h.straat}`;
      const value = `${h.postcode}|${h.buurtCode}`;
      expect(byStreet.get(key) ?? value).toBe(value);
      byStreet.set(key, value);
    }
    expect(byStreet.size).toBeGreaterThan(50);
  });

  it('gives every household its own address, some with a huisletter or toevoeging', () => {
    const addresses = SAMPLE.map((h) => [h.woonplaats, h.straat, h.huisnummer, h.huisletter, h.huisnummertoevoeging].join('|'));
    expect(new Set(addresses).size).toBe(addresses.length);
    const withExtra = SAMPLE.filter((h) => h.huisletter !== null || h.huisnummertoevoeging !== null).length;
    expect(share(withExtra, SAMPLE.length)).toBeGreaterThan(0.03);
    expect(share(withExtra, SAMPLE.length)).toBeLessThan(0.6);
  });
});

describe('generateHuishoudens: persons', () => {
  it('has 1-8 members with plausible names, birth dates and geslacht', () => {
    for (const h of SAMPLE) {
      expect(h.leden.length).toBeGreaterThanOrEqual(1);
      expect(h.leden.length).toBeLessThanOrEqual(8);
      expect(h.leden.some((p) => ageOn(p.geboortedatum, DEMO_REFERENCE_DATE) >= 18)).toBe(true);
      for (const p of h.leden) {
        expect(p.voornamen).toMatch(/^\S.*\S$|^\S$/);
        expect(p.geslachtsnaam).toMatch(/^[A-Z'][^ ]/);
        expect(p.voorvoegsel === null || /^[a-z' ]+$/.test(p.voorvoegsel)).toBe(true);
        expect(['M', 'V', 'O']).toContain(p.geslacht);
        const age = ageOn(p.geboortedatum, DEMO_REFERENCE_DATE);
        expect(age).toBeGreaterThanOrEqual(0);
        expect(age).toBeLessThan(100);
      }
    }
  });

  it('gives siblings under 18 one geslachtsnaam, usually a parent\'s', () => {
    const families = SAMPLE.filter((h) => h.leden.some((p) => ageOn(p.geboortedatum, DEMO_REFERENCE_DATE) < 18));
    let sharedWithParent = 0;
    for (const h of families) {
      const minors = h.leden.filter((p) => ageOn(p.geboortedatum, DEMO_REFERENCE_DATE) < 18);
      const naam = (p: DemoPersoon): string => `${p.voorvoegsel ?? ''} ${p.geslachtsnaam}`;
      expect(new Set(minors.map(naam)).size).toBe(1);
      const parents = h.leden.filter((p) => ageOn(p.geboortedatum, DEMO_REFERENCE_DATE) >= 18 + ageOn(minors[0]!.geboortedatum, DEMO_REFERENCE_DATE));
      if (parents.some((p) => naam(p) === naam(minors[0]!))) sharedWithParent++;
    }
    expect(share(sharedWithParent, families.length)).toBeGreaterThan(0.85);
  });

  it('matches CBS household sizes and has many 65+ singles, and ~15-20% voorvoegsels', () => {
    const size = (n: number): number => share(LARGE.filter((h) => h.leden.length === n).length, LARGE.length);
    expect(size(1)).toBeGreaterThan(0.33);
    expect(size(1)).toBeLessThan(0.43);
    expect(size(2)).toBeGreaterThan(0.28);
    expect(size(2)).toBeLessThan(0.38);
    expect(share(LARGE.filter((h) => h.leden.length >= 5).length, LARGE.length)).toBeGreaterThan(0.03);
    const singles = LARGE.filter((h) => h.leden.length === 1);
    const oldSingles = singles.filter((h) => ageOn(h.leden[0]!.geboortedatum, DEMO_REFERENCE_DATE) >= 65).length;
    expect(share(oldSingles, singles.length)).toBeGreaterThan(0.3);
    const persons = LARGE.flatMap((h) => h.leden);
    expect(share(persons.filter((p) => p.voorvoegsel !== null).length, persons.length)).toBeGreaterThan(0.12);
    expect(share(persons.filter((p) => p.voorvoegsel !== null).length, persons.length)).toBeLessThan(0.25);
  });
});

describe('generateHuishoudens: loket records', () => {
  it('only refers to members of the household', () => {
    for (const h of SAMPLE) {
      for (const m of h.wmo?.meldingen ?? []) lid(h, m.bsn);
      for (const v of h.wmo?.voorzieningen ?? []) lid(h, v.bsn);
      for (const t of h.cjg?.jeugdhulptrajecten ?? []) lid(h, t.bsn);
      for (const u of h.werkplein?.uitkeringen ?? []) lid(h, u.bsn);
      for (const t of h.werkplein?.trajecten ?? []) lid(h, t.bsn);
      for (const c of contactmomenten(h)) if (c.bsn !== null) lid(h, c.bsn);
    }
  });

  it('gives jeugdhulp only to persons under 18 at the verwijzing and the startdatum, born before them', () => {
    const trajecten = SAMPLE.flatMap((h) => (h.cjg?.jeugdhulptrajecten ?? []).map((t) => ({ t, p: lid(h, t.bsn) })));
    expect(trajecten.length).toBeGreaterThan(20);
    for (const { t, p } of trajecten) {
      for (const datum of [t.verwijsdatum, t.startdatum ?? t.verwijsdatum]) {
        expect(p.geboortedatum < datum).toBe(true);
        expect(ageOn(p.geboortedatum, datum)).toBeLessThan(18);
      }
      expect(['35', '41', '43', '44', '45', '46', '47', '48', '54']).toContain(t.productcategorie);
    }
  });

  it('gives uitkeringen and werkplein trajecten only to adults, with a norm that fits the household', () => {
    for (const h of SAMPLE) {
      if (!h.werkplein) continue;
      expect(h.werkplein.uitkeringen).toHaveLength(1);
      const adults = h.leden.filter((p) => ageOn(p.geboortedatum, DEMO_REFERENCE_DATE) >= 18);
      const minors = h.leden.length - adults.length;
      for (const u of h.werkplein.uitkeringen) {
        expect(ageOn(lid(h, u.bsn).geboortedatum, u.ingangsdatum)).toBeGreaterThanOrEqual(18);
        expect(u.regeling).toBe('PARTICIPATIEWET');
        if (u.norm === 'ALLEENSTAANDE_OUDER') expect(minors).toBeGreaterThan(0);
        if (u.norm === 'ALLEENSTAANDE') expect(minors).toBe(0);
        if (u.norm === 'GEHUWDEN') expect(adults.length).toBeGreaterThanOrEqual(2);
      }
      expect(h.werkplein.trajecten.length).toBeLessThanOrEqual(2);
      for (const t of h.werkplein.trajecten) expect(ageOn(lid(h, t.bsn).geboortedatum, t.startdatum)).toBeGreaterThanOrEqual(18);
    }
  });

  it('keeps records within their dossier: opened in the last 5 years, closed after opening and before today', () => {
    const fiveYearsAgo = `${Number(DEMO_REFERENCE_DATE.slice(0, 4)) - 5}${DEMO_REFERENCE_DATE.slice(4)}`;
    let dossiers = 0;
    let closed = 0;
    for (const h of SAMPLE) {
      for (const l of [h.wmo, h.cjg, h.werkplein]) {
        if (!l) continue;
        const { geopendOp, geslotenOp } = l.dossier;
        const end = geslotenOp ?? DEMO_REFERENCE_DATE;
        dossiers++;
        if (geslotenOp) closed++;
        expect(geopendOp >= fiveYearsAgo && geopendOp < DEMO_REFERENCE_DATE).toBe(true);
        expect(geslotenOp === null || (geslotenOp > geopendOp && geslotenOp < DEMO_REFERENCE_DATE)).toBe(true);
        expect(l.dossier.contactpersoon.telefoon).toMatch(/^0999-\d{6}$/);
        expect(l.contactmomenten.length).toBeGreaterThanOrEqual(1);
        expect(l.contactmomenten.length).toBeLessThanOrEqual(8);
        for (const c of l.contactmomenten) expect(c.tijdstip.slice(0, 10) >= geopendOp && c.tijdstip.slice(0, 10) <= end).toBe(true);
      }
      for (const m of h.wmo?.meldingen ?? []) expect(MELDING_STATUSSEN).toContain(m.status);
      for (const v of h.wmo?.voorzieningen ?? []) {
        expect(v.productcategorie).toMatch(/^(0[1-9]|1[0-8])$/);
        expect(v.einddatum === null || v.einddatum >= v.ingangsdatum).toBe(true);
      }
    }
    expect(share(closed, dossiers)).toBeGreaterThan(0.15);
    expect(share(closed, dossiers)).toBeLessThan(0.35);
  });

  it('writes contactmomenten as ISO moments with an offset, in office hours unless digital, in order', () => {
    const all = SAMPLE.flatMap(contactmomenten);
    for (const c of all) {
      expect(c.tijdstip).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|\+0[12]:00)$/);
      expect(Number.isNaN(Date.parse(c.tijdstip))).toBe(false);
      expect(KANALEN).toContain(c.kanaal);
      expect(c.onderwerp.length).toBeGreaterThan(3);
      expect(c.notitie).not.toContain('{naam}');
      expect(c.medewerker).toMatch(/^\S+ .+$/);
      if (c.kanaal !== 'DIGITAAL') {
        const hour = Number(c.tijdstip.slice(11, 13));
        expect(hour).toBeGreaterThanOrEqual(8);
        expect(hour).toBeLessThan(17);
      }
    }
    for (const h of SAMPLE) {
      for (const l of [h.wmo, h.cjg, h.werkplein, h.wijkteam]) {
        const times = (l?.contactmomenten ?? []).map((c) => Date.parse(c.tijdstip));
        expect(times).toEqual([...times].sort((a, b) => a - b));
      }
    }
    const telefoon = share(all.filter((c) => c.kanaal === 'TELEFOON').length, all.length);
    expect(telefoon).toBeGreaterThan(0.3);
    expect(telefoon).toBeLessThan(0.5);
  });

  it('gives a wijkteam casus the household\'s wijkteam and a plan with 2-5 goals on distinct ZRM domains', () => {
    const gebied = demoGebied();
    const casussen = SAMPLE.flatMap((h) => (h.wijkteam ? [{ h, casus: h.wijkteam.casus }] : []));
    expect(casussen.length).toBeGreaterThan(10);
    let improved = 0;
    let doelen = 0;
    for (const { h, casus } of casussen) {
      expect(casus.team).toBe(`Wijkteam ${gebied.wijken.find((w) => w.code === h.wijkCode)?.naam}`);
      expect(casus.einddatum === null || casus.einddatum > casus.startdatum).toBe(true);
      if (!casus.plan) continue;
      expect(casus.plan.vastgesteldOp >= casus.startdatum).toBe(true);
      expect(casus.plan.doelen.length).toBeGreaterThanOrEqual(2);
      expect(casus.plan.doelen.length).toBeLessThanOrEqual(5);
      expect(new Set(casus.plan.doelen.map((d) => d.domein)).size).toBe(casus.plan.doelen.length);
      for (const d of casus.plan.doelen) {
        expect(ZRM_DOMEINEN).toContain(d.domein);
        for (const score of [d.scoreStart, d.scoreActueel]) expect(score >= 1 && score <= 5 && Number.isInteger(score)).toBe(true);
        doelen++;
        if (d.scoreActueel >= d.scoreStart) improved++;
      }
    }
    expect(share(improved, doelen)).toBeGreaterThan(0.7);
  });
});

describe('generateHuishoudens: rates on 5,000 households', () => {
  const n = LARGE.length;
  const age = (p: DemoPersoon): number => ageOn(p.geboortedatum, DEMO_REFERENCE_DATE);
  const bijstand = LARGE.filter((h) => h.werkplein);
  const zonderBijstand = LARGE.filter((h) => !h.werkplein);
  const families = LARGE.filter((h) => h.leden.some((p) => age(p) < 18));

  it('has Wmo in ~10% of households, far more often with a member of 75+', () => {
    expect(share(LARGE.filter((h) => h.wmo).length, n)).toBeGreaterThan(0.06);
    expect(share(LARGE.filter((h) => h.wmo).length, n)).toBeLessThan(0.16);
    const old = LARGE.filter((h) => h.leden.some((p) => age(p) >= 75));
    expect(share(old.filter((h) => h.wmo).length, old.length)).toBeGreaterThan(0.3);
    expect(share(old.filter((h) => h.wmo).length, old.length)).toBeLessThan(0.5);
  });

  it('has bijstand in ~5% of households, most often for single parents', () => {
    expect(share(bijstand.length, n)).toBeGreaterThan(0.03);
    expect(share(bijstand.length, n)).toBeLessThan(0.09);
    const ouders = bijstand.filter((h) => h.werkplein?.uitkeringen[0]?.norm === 'ALLEENSTAANDE_OUDER').length;
    expect(share(ouders, bijstand.length)).toBeGreaterThan(0.2);
  });

  it('has jeugdhulp for ~10% of children', () => {
    const kinderen = families.flatMap((h) => h.leden.filter((p) => age(p) < 18));
    const inJeugdhulp = new Set(LARGE.flatMap((h) => h.cjg?.jeugdhulptrajecten.map((t) => t.bsn) ?? []));
    expect(share(kinderen.filter((p) => inJeugdhulp.has(p.bsn)).length, kinderen.length)).toBeGreaterThan(0.06);
    expect(share(kinderen.filter((p) => inJeugdhulp.has(p.bsn)).length, kinderen.length)).toBeLessThan(0.16);
    expect(share(families.filter((h) => h.cjg).length, families.length)).toBeGreaterThan(0.12);
    expect(share(families.filter((h) => h.cjg).length, families.length)).toBeLessThan(0.3);
  });

  it('stacks problems: bijstand makes Wmo and CJG 2-3x likelier, and the wijkteam takes on stapeling', () => {
    const rate = (hs: DemoHuishouden[], pred: (h: DemoHuishouden) => boolean): number => share(hs.filter(pred).length, hs.length);
    expect(rate(bijstand, (h) => h.wmo !== null) / rate(zonderBijstand, (h) => h.wmo !== null)).toBeGreaterThan(1.5);
    const gezinBijstand = families.filter((h) => h.werkplein);
    const gezinZonder = families.filter((h) => !h.werkplein);
    expect(rate(gezinBijstand, (h) => h.cjg !== null) / rate(gezinZonder, (h) => h.cjg !== null)).toBeGreaterThan(1.5);
    const stapeling = LARGE.filter((h) => [h.wmo, h.cjg, h.werkplein].filter(Boolean).length >= 2);
    const overig = LARGE.filter((h) => [h.wmo, h.cjg, h.werkplein].filter(Boolean).length < 2);
    expect(stapeling.length).toBeGreaterThan(30);
    expect(rate(stapeling, (h) => h.wijkteam !== null)).toBeGreaterThan(0.25);
    expect(rate(stapeling, (h) => h.wijkteam !== null)).toBeLessThan(0.55);
    expect(rate(overig, (h) => h.wijkteam !== null)).toBeLessThan(0.03);
  });
});

describe('findExampleHuishouden', () => {
  for (const seed of [1, 2, 42]) {
    it(`finds a household known at all four lokets within the first 50 (seed ${seed})`, () => {
      const example = findExampleHuishouden({ households: 50, seed });
      expect(example).toBeDefined();
      if (!example) return;
      for (const loket of [example.wmo, example.cjg, example.werkplein, example.wijkteam]) {
        expect(loket?.contactmomenten.length ?? 0).toBeGreaterThanOrEqual(1);
      }
      const index = Number(example.id.slice(6)) - 1;
      expect(index).toBeLessThan(50);
      expect(generate({ households: 50, seed })[index]).toEqual(example);
    });
  }

  it('returns undefined when no household qualifies', () => {
    expect(findExampleHuishouden({ households: 0, seed: 1 })).toBeUndefined();
  });
});

describe('generateHuishoudens: the Wmo and Jeugd chains', () => {
  const REF = DEMO_REFERENCE_DATE;
  const inOrder = (dates: (string | null)[]) => {
    const set = dates.filter((d): d is string => d !== null);
    expect(set).toEqual([...set].sort());
    for (const d of set) expect(d < REF).toBe(true);
  };
  const meldingen = SAMPLE.flatMap((h) => h.wmo?.meldingen ?? []);
  const voorzieningen = SAMPLE.flatMap((h) => (h.wmo ? h.wmo.voorzieningen.map((v) => ({ v, h })) : []));
  const trajecten = SAMPLE.flatMap((h) => h.cjg?.jeugdhulptrajecten ?? []);

  it('has meldingen in every state, each step dated in order and before the reference date', () => {
    expect(new Set(meldingen.map((m) => m.status))).toEqual(new Set(MELDING_STATUSSEN));
    for (const m of meldingen) {
      inOrder([m.meldingsdatum, m.onderzoekGestartOp, m.gespreksdatum, m.verslagVerstuurdOp, m.aanvraagOntvangenOp, m.beschikkingsdatum]);
      const stappen = { ONTVANGEN: 0, IN_ONDERZOEK: 1, ONDERZOEK_AFGEROND: 3, AANVRAAG_ONTVANGEN: 4, BESCHIKT: 5, INGETROKKEN: 3 }[m.status];
      const gezet = [m.onderzoekGestartOp, m.gespreksdatum, m.verslagVerstuurdOp, m.aanvraagOntvangenOp, m.beschikkingsdatum];
      if (m.status !== 'IN_ONDERZOEK') expect(gezet.filter((d) => d !== null).length, m.status).toBe(stappen);
      expect(m.besluit !== null).toBe(m.status === 'BESCHIKT');
      expect(m.ingetrokkenOp !== null).toBe(m.status === 'INGETROKKEN');
    }
  });

  it('decides a melding before the voorzieningen it granted start, and some onderzoeken are late', () => {
    const byId = new Map(meldingen.map((m) => [m.id, m]));
    for (const { v } of voorzieningen) {
      const m = byId.get(v.meldingId)!;
      expect(m).toMatchObject({ status: 'BESCHIKT', besluit: 'TOEGEKEND' });
      expect(m.beschikkingsdatum! <= v.ingangsdatum).toBe(true);
    }
    const gedaan = meldingen.filter((m) => m.verslagVerstuurdOp);
    const laat = gedaan.filter((m) => Date.parse(m.verslagVerstuurdOp!) - Date.parse(m.meldingsdatum) > 42 * 86_400_000);
    expect(laat.length / gedaan.length).toBeGreaterThan(0.02);
    expect(laat.length / gedaan.length).toBeLessThan(0.25);
  });

  it('assigns and delivers voorzieningen in order, with every state present', () => {
    expect(new Set(voorzieningen.map(({ v }) => v.status))).toEqual(new Set(['TOEGEKEND', 'TOEGEWEZEN', 'IN_LEVERING', 'BEEINDIGD']));
    for (const { v } of voorzieningen) {
      for (const t of v.toewijzingen) inOrder([t.toewijzingsdatum, t.leveringBegindatum, t.leveringEinddatum]);
      expect(v.toewijzingen.length > 0).toBe(v.status !== 'TOEGEKEND' && !(v.status === 'BEEINDIGD' && v.toewijzingen.length === 0));
      if (v.status === 'IN_LEVERING') expect(v.toewijzingen[0]!.leveringBegindatum).not.toBeNull();
    }
    const verzoeken = SAMPLE.flatMap((h) => h.wmo?.verzoeken ?? []);
    expect(new Set(verzoeken.map((v) => v.status))).toEqual(new Set(['ONTVANGEN', 'TOEGEWEZEN']));
  });

  it('takes jeugdhulp from verwijzing to the end of care in order, by both routes, with every state present', () => {
    expect(new Set(trajecten.map((t) => t.status))).toEqual(new Set(['AANVRAAG_ONTVANGEN', 'TOEGEKEND', 'AFGEWEZEN', 'VERWEZEN', 'TOEGEWEZEN', 'IN_ZORG', 'BEEINDIGD']));
    expect(new Set(trajecten.map((t) => t.verwijzer))).toEqual(new Set(['GEMEENTE', 'HUISARTS', 'MEDISCH_SPECIALIST', 'JEUGDARTS']));
    for (const t of trajecten) {
      inOrder([t.verwijsdatum, t.aanvraagOntvangenOp, t.beschikkingsdatum, t.toewijzingsdatum, t.startdatum, t.einddatum]);
      // A doctor's verwijzing needs no beschikking; the gemeente's route always has its aanvraag.
      expect(t.aanvraagOntvangenOp !== null).toBe(t.verwijzer === 'GEMEENTE');
      if (t.verwijzer !== 'GEMEENTE') expect(t.beschikkingsdatum).toBeNull();
      expect(t.startdatum !== null).toBe(t.status === 'IN_ZORG' || t.status === 'BEEINDIGD');
    }
  });
});
