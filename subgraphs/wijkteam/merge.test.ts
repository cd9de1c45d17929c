import { describe, expect, it } from 'vitest';
import type { ContactmomentValue } from '../kit/loket';
import { mergeBetrokkenheid, mergeContactmomenten } from './merge';

const moment = (id: string, loket: ContactmomentValue['loket'], tijdstip: string): ContactmomentValue => ({
  id, loket, tijdstip, kanaal: 'BALIE', onderwerp: null, notitie: null, medewerker: null, afgeschermd: null,
});

describe('mergeContactmomenten', () => {
  const wmo = [moment('a', 'WMO', '2026-03-29T00:30:00.000Z'), moment('b', 'WMO', '2026-01-01T10:00:00.000Z')];
  const cjg = [moment('c', 'CJG', '2026-03-28T22:30:00.000Z')];

  it('orders all lists newest first and tolerates a missing list', () => {
    expect(mergeContactmomenten([wmo, undefined, cjg, null], {}).map((c) => c.id)).toEqual(['a', 'c', 'b']);
  });

  it('orders equal moments by id, so the list is stable between requests', () => {
    const same = [moment('z', 'WMO', '2026-01-01T10:00:00.000Z'), moment('y', 'CJG', '2026-01-01T10:00:00.000Z')];
    expect(mergeContactmomenten([same], {}).map((c) => c.id)).toEqual(['y', 'z']);
  });

  it('counts a moment on its Amsterdam day, also across the switch to summer time', () => {
    // 2026-03-28T22:30Z is 23:30 on the 28th (CET); 2026-03-29T00:30Z is 02:30 on the 29th (CEST).
    const dag = (d: string) => mergeContactmomenten([wmo, cjg], { van: new Date(`${d}T00:00:00Z`), tot: new Date(`${d}T00:00:00Z`) });
    expect(dag('2026-03-28').map((c) => c.id)).toEqual(['c']);
    expect(dag('2026-03-29').map((c) => c.id)).toEqual(['a']);
  });

  it('keeps only the lokets asked for', () => {
    expect(mergeContactmomenten([wmo, cjg], { loketten: ['CJG'] }).map((c) => c.id)).toEqual(['c']);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => mergeContactmomenten([wmo], { van: new Date('2026-02-02'), tot: new Date('2026-02-01') })).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
  });
});

describe('mergeBetrokkenheid', () => {
  it('drops lokets that are not involved and orders the rest WMO, CJG, WERKPLEIN, WIJKTEAM', () => {
    const items = [{ loket: 'WIJKTEAM' as const }, null, { loket: 'WMO' as const }, undefined, { loket: 'CJG' as const }];
    expect(mergeBetrokkenheid(items).map((b) => b.loket)).toEqual(['WMO', 'CJG', 'WIJKTEAM']);
  });
});
