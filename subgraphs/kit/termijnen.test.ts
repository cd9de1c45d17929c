import { describe, expect, it } from 'vitest';
import { addWerkdagen, dagenTussen, feestdagen, isWerkdag, termijnEinde } from './termijnen';

describe('legal terms (Awb, Algemene termijnenwet)', () => {
  it('knows the public holidays of the Algemene termijnenwet, Easter included, Goede Vrijdag not', () => {
    expect([...feestdagen(2026)].sort()).toEqual([
      '2026-01-01', '2026-04-05', '2026-04-06', '2026-04-27', '2026-05-05', '2026-05-14', '2026-05-24', '2026-05-25', '2026-12-25', '2026-12-26',
    ]);
    expect(feestdagen(2024).has('2024-03-31')).toBe(true); // Easter 2024
    expect(feestdagen(2025).has('2025-04-20')).toBe(true); // Easter 2025
    expect(feestdagen(2026).has('2026-04-03')).toBe(false); // Goede Vrijdag
  });

  it('moves Koningsdag to 26 April when the 27th is a Sunday', () => {
    expect(feestdagen(2025).has('2025-04-26')).toBe(true);
    expect(feestdagen(2025).has('2025-04-27')).toBe(false);
  });

  it('counts working days past weekends and holidays', () => {
    expect(isWerkdag('2026-11-02')).toBe(true);
    expect(isWerkdag('2026-11-01')).toBe(false); // Sunday
    expect(isWerkdag('2026-12-25')).toBe(false);
    expect(addWerkdagen('2026-10-30', 5)).toBe('2026-11-06'); // Friday + 5 working days
    expect(addWerkdagen('2026-12-22', 5)).toBe('2026-12-30'); // 23, 24, then past Christmas and the weekend: 28, 29, 30
  });

  it('ends a term in weeks on the same weekday, and runs on past a weekend or holiday (Atw art. 1)', () => {
    expect(termijnEinde('2026-10-15', { weken: 6 })).toBe('2026-11-26'); // a Thursday stays
    expect(termijnEinde('2026-11-01', { weken: 6 })).toBe('2026-12-14'); // Sunday 13 December runs on to Monday
    expect(termijnEinde('2026-11-13', { weken: 6 })).toBe('2026-12-28'); // Friday 25 December: past Christmas and the weekend
    expect(termijnEinde('2026-11-01', { dagen: 7 })).toBe('2026-11-09');
    expect(dagenTussen('2026-11-01', '2026-12-14')).toBe(43);
  });
});
