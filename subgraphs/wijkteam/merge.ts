import type { Loket } from '../kit/domein';
import { LOKETTEN } from '../kit/domein';
import { amsterdamDate } from '../kit/dates';
import { badUserInput } from '../kit/errors';
import type { ContactmomentValue } from '../kit/loket';

/**
 * The household-wide views, assembled from what each loket contributed (`@requires` brings their lists in
 * the entity representation) plus the wijkteam's own. Pure functions: no I/O, easy to test.
 */

export interface ContactmomentFilter {
  van?: Date | null;
  tot?: Date | null;
  loketten?: readonly Loket[] | null;
}

/** `Date` scalar arguments arrive as JS Dates at midnight UTC; compare them as calendar dates. */
function calendarDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

export function mergeContactmomenten(
  lists: readonly (readonly ContactmomentValue[] | null | undefined)[],
  filter: ContactmomentFilter,
): ContactmomentValue[] {
  const van = filter.van ? calendarDate(filter.van) : undefined;
  const tot = filter.tot ? calendarDate(filter.tot) : undefined;
  if (van && tot && van > tot) throw badUserInput('"van" must not be after "tot"', 'van');
  const loketten = filter.loketten ? new Set(filter.loketten) : undefined;
  return lists
    .flatMap((list) => list ?? [])
    .filter((c) => {
      if (loketten && !loketten.has(c.loket)) return false;
      const dag = amsterdamDate(new Date(c.tijdstip));
      return (!van || dag >= van) && (!tot || dag <= tot);
    })
    .sort((a, b) => Date.parse(b.tijdstip) - Date.parse(a.tijdstip) || a.id.localeCompare(b.id));
}

export function mergeBetrokkenheid<B extends { loket: Loket }>(items: readonly (B | null | undefined)[]): B[] {
  return items
    .filter((b): b is B => b != null)
    .sort((a, b) => LOKETTEN.indexOf(a.loket) - LOKETTEN.indexOf(b.loket));
}
