import { badUserInput } from '../kit/errors';

/** One fixed period: its code, and its first and last day. */
export interface Periode {
  code: string;
  van: string;
  tot: string;
}

export interface PeriodeInput {
  jaar: number;
  halfjaar?: number | null;
  kwartaal?: number | null;
  maand?: number | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of month `m` (1-12) of `jaar`. */
function lastDay(jaar: number, m: number): string {
  return `${jaar}-${pad(m)}-${pad(new Date(Date.UTC(jaar, m, 0)).getUTCDate())}`;
}

function range(jaar: number, from: number, to: number) {
  return { van: `${jaar}-${pad(from)}-01`, tot: lastDay(jaar, to) };
}

/**
 * A period from the question: a year, or one half-year, quarter or month of it. Anything else is refused
 * with the field named: no free date ranges, no two sub-periods at once, nothing that has not begun.
 */
export function parsePeriode(input: PeriodeInput, today: string): Periode {
  const { jaar } = input;
  if (!Number.isInteger(jaar) || jaar < 2000 || jaar > 2100) throw badUserInput('"periode.jaar" must be a year between 2000 and 2100', 'periode.jaar');
  const given = (['halfjaar', 'kwartaal', 'maand'] as const).filter((k) => input[k] !== null && input[k] !== undefined);
  if (given.length > 1) throw badUserInput(`Ask for a year, or one half-year, quarter or month of it, not ${given.join(' and ')} together`, `periode.${given[1]}`);
  const within = (field: string, value: number, max: number) => {
    if (!Number.isInteger(value) || value < 1 || value > max) throw badUserInput(`"periode.${field}" must be 1 to ${max}`, `periode.${field}`);
  };
  let periode: Periode;
  if (input.halfjaar != null) {
    within('halfjaar', input.halfjaar, 2);
    periode = { code: `${jaar}-H${input.halfjaar}`, ...range(jaar, input.halfjaar * 6 - 5, input.halfjaar * 6) };
  } else if (input.kwartaal != null) {
    within('kwartaal', input.kwartaal, 4);
    periode = { code: `${jaar}-Q${input.kwartaal}`, ...range(jaar, input.kwartaal * 3 - 2, input.kwartaal * 3) };
  } else if (input.maand != null) {
    within('maand', input.maand, 12);
    periode = { code: `${jaar}-${pad(input.maand)}`, ...range(jaar, input.maand, input.maand) };
  } else {
    periode = { code: String(jaar), ...range(jaar, 1, 12) };
  }
  if (periode.van > today) throw badUserInput(`The period ${periode.code} has not begun`, 'periode');
  return periode;
}
