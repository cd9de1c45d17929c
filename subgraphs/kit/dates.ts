/** Dates as the social domain counts them: calendar days in Europe/Amsterdam, as `YYYY-MM-DD` strings. */

const amsterdam = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date of a moment in Amsterdam (a contact at 00:30 local time belongs to that day, not the UTC one). */
export function amsterdamDate(moment: Date): string {
  return amsterdam.format(moment);
}

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
