/**
 * Legal terms as Dutch law counts them, on calendar dates (`YYYY-MM-DD`, Europe/Amsterdam). Pure: the
 * Wmo and Jeugd chains (subgraphs/<loket>/domain/) compute every deadline here, and nowhere else.
 *
 * - A term in weeks or days that a law sets ends on the same weekday so many weeks later (Awb art. 4:13,
 *   Wmo 2015 art. 2.3.2 and 2.3.5); when it ends on a Saturday, Sunday or public holiday it runs on to the
 *   next day that is none of those (Algemene termijnenwet art. 1).
 * - A term in working days (iWmo/iJw: a verzoek om toewijzing is answered within 5 working days) skips
 *   Saturdays, Sundays and public holidays.
 *
 * The public holidays are those of the Algemene termijnenwet art. 3, which is what a term counts with (not
 * a calendar's list: Goede Vrijdag is not one of them, 5 May is, every year). Hand-written because no
 * library states this list; Easter by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
 */
import { addDays } from './dates';

/** A term a law sets: so many weeks, or so many calendar days, or so many working days. */
export type Termijn = { weken: number } | { dagen: number } | { werkdagen: number };

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function eerstePaasdag(jaar: number): string {
  const a = jaar % 19;
  const b = Math.floor(jaar / 100);
  const c = jaar % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const maand = Math.floor((h + l - 7 * m + 114) / 31);
  const dag = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(jaar, maand, dag);
}

const weekdag = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday

const cache = new Map<number, ReadonlySet<string>>();

/** The algemeen erkende feestdagen of `jaar` (Algemene termijnenwet art. 3 lid 1). */
export function feestdagen(jaar: number): ReadonlySet<string> {
  let dagen = cache.get(jaar);
  if (!dagen) {
    const pasen = eerstePaasdag(jaar);
    // Koningsdag is 27 April, or 26 April when the 27th is a Sunday (Wet van 21 december 2013).
    const koningsdag = weekdag(iso(jaar, 4, 27)) === 0 ? iso(jaar, 4, 26) : iso(jaar, 4, 27);
    dagen = new Set([
      iso(jaar, 1, 1), // Nieuwjaarsdag
      pasen, // Eerste Paasdag
      addDays(pasen, 1), // Tweede Paasdag
      koningsdag,
      iso(jaar, 5, 5), // Bevrijdingsdag
      addDays(pasen, 39), // Hemelvaartsdag
      addDays(pasen, 49), // Eerste Pinksterdag
      addDays(pasen, 50), // Tweede Pinksterdag
      iso(jaar, 12, 25), // Eerste Kerstdag
      iso(jaar, 12, 26), // Tweede Kerstdag
    ]);
    cache.set(jaar, dagen);
  }
  return dagen;
}

/** Not a Saturday, a Sunday or a public holiday. */
export function isWerkdag(date: string): boolean {
  const dag = weekdag(date);
  return dag !== 0 && dag !== 6 && !feestdagen(Number(date.slice(0, 4))).has(date);
}

/** The first working day on or after `date`. */
export function eersteWerkdagVanaf(date: string): string {
  let d = date;
  while (!isWerkdag(d)) d = addDays(d, 1);
  return d;
}

/** `date` plus `n` working days (n ≥ 0): the day on which n working days after `date` have passed. */
export function addWerkdagen(date: string, n: number): string {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, 1);
    if (isWerkdag(d)) left--;
  }
  return d;
}

/** The last day of a term that starts running on the day after `start` (Awb: the day of the event does not count). */
export function termijnEinde(start: string, termijn: Termijn): string {
  if ('werkdagen' in termijn) return addWerkdagen(start, termijn.werkdagen);
  const dagen = 'weken' in termijn ? termijn.weken * 7 : termijn.dagen;
  return eersteWerkdagVanaf(addDays(start, dagen));
}

/** Whole calendar days from `van` to `tot` (negative when `tot` comes first). */
export function dagenTussen(van: string, tot: string): number {
  return Math.round((Date.parse(`${tot}T00:00:00Z`) - Date.parse(`${van}T00:00:00Z`)) / 86_400_000);
}
