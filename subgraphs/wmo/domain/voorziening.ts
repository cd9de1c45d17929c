/**
 * After the beschikking: each granted product is a maatwerkvoorziening, assigned to an aanbieder (the
 * toewijzing, iWmo 301), delivered from the start the aanbieder reports (305) until its stop (307), and
 * ended when the right ends. An aanbieder may ask for a toewijzing itself (verzoek om toewijzing, iWmo
 * 315), which the gemeente answers within five working days. Pure: states, steps and the open step.
 */
import { addDays } from '../../kit/dates';
import { proces } from '../../kit/proces';
import type { OpenStap } from '../../kit/stappen';
import { termijnEinde } from '../../kit/termijnen';

export const VOORZIENING_STATUSSEN = ['TOEGEKEND', 'TOEGEWEZEN', 'IN_LEVERING', 'GESTOPT', 'BEEINDIGD'] as const;
export type VoorzieningStatus = (typeof VOORZIENING_STATUSSEN)[number];

export const VOORZIENING_STAPPEN = ['assignToewijzing', 'startLevering', 'stopLevering', 'endVoorziening'] as const;
export type VoorzieningStap = (typeof VOORZIENING_STAPPEN)[number];

export const voorzieningProces = proces<VoorzieningStatus, VoorzieningStap>('voorziening', VOORZIENING_STATUSSEN, {
  // A stopped levering leaves the right running: it can be assigned to another aanbieder.
  assignToewijzing: { van: ['TOEGEKEND', 'GESTOPT'], naar: 'TOEGEWEZEN' },
  startLevering: { van: ['TOEGEWEZEN'], naar: 'IN_LEVERING' },
  stopLevering: { van: ['IN_LEVERING'], naar: 'GESTOPT' },
  // A levering in progress is stopped first (the aanbieder's 307), then the right ends.
  endVoorziening: { van: ['TOEGEKEND', 'TOEGEWEZEN', 'GESTOPT'], naar: 'BEEINDIGD' },
});

export const VERZOEK_STATUSSEN = ['ONTVANGEN', 'TOEGEWEZEN', 'AFGEWEZEN'] as const;
export type VerzoekStatus = (typeof VERZOEK_STATUSSEN)[number];
export const VERZOEK_STAPPEN = ['honour', 'reject'] as const;
export type VerzoekStap = (typeof VERZOEK_STAPPEN)[number];

export const verzoekProces = proces<VerzoekStatus, VerzoekStap>('verzoek om toewijzing', VERZOEK_STATUSSEN, {
  honour: { van: ['ONTVANGEN'], naar: 'TOEGEWEZEN' },
  reject: { van: ['ONTVANGEN'], naar: 'AFGEWEZEN' },
});

/** A verzoek om toewijzing is answered within five working days (iWmo, the 315/316 agreement). */
export const VERZOEK_TERMIJN = { termijn: { werkdagen: 5 }, bron: 'iWmo: antwoord op verzoek om toewijzing (315) binnen 5 werkdagen' } as const;
export const verzoekAntwoordUiterlijk = (ontvangenOp: string) => termijnEinde(ontvangenOp, VERZOEK_TERMIJN.termijn);

/** A herindicatie is signalled this many days before a right's einddatum. */
export const HERINDICATIE_SIGNAAL_DAGEN = 56;

export interface VoorzieningStand {
  status: VoorzieningStatus;
  /** A pgb is paid to the resident: nothing to assign, nothing to deliver by an aanbieder of ours. */
  leveringsvorm: 'ZIN' | 'PGB';
  /** When the status was reached: the beschikking, the toewijzing, the stop. */
  statusSinds: string;
  ingangsdatum: string;
  einddatum: string | null;
  /** The current toewijzing's ingangsdatum, while TOEGEWEZEN. */
  toewijzingIngangsdatum: string | null;
}

/** A date, or `sinds` when it lies before it: a right granted from an earlier day is due at once, not in the past. */
const nietVoor = (datum: string, sinds: string) => (datum < sinds ? sinds : datum);

/**
 * What the Wmo-loket owes on a voorziening: a toewijzing (by the day the right starts), the start of the
 * levering (by the toewijzing's ingangsdatum), a herindicatie from eight weeks before the right ends.
 */
export function voorzieningOpenStap(v: VoorzieningStand): OpenStap | null {
  const herindicatie = (): OpenStap | null =>
    v.einddatum === null ? null : { stap: 'HERINDICATIE', sinds: addDays(v.einddatum, -HERINDICATIE_SIGNAAL_DAGEN), uiterlijk: v.einddatum, termijnBron: null };
  if (v.leveringsvorm === 'PGB') return v.status === 'BEEINDIGD' ? null : herindicatie();
  switch (v.status) {
    case 'TOEGEKEND':
    case 'GESTOPT':
      if (v.einddatum !== null && v.einddatum < v.statusSinds) return null; // nothing left to assign
      return { stap: 'TOEWIJZING', sinds: v.statusSinds, uiterlijk: nietVoor(v.status === 'TOEGEKEND' ? v.ingangsdatum : v.statusSinds, v.statusSinds), termijnBron: null };
    case 'TOEGEWEZEN':
      return { stap: 'LEVERING', sinds: v.statusSinds, uiterlijk: v.toewijzingIngangsdatum && nietVoor(v.toewijzingIngangsdatum, v.statusSinds), termijnBron: null };
    case 'IN_LEVERING':
      return herindicatie();
    default:
      return null;
  }
}

export function verzoekOpenStap(v: { status: VerzoekStatus; ontvangenOp: string; antwoordUiterlijk: string }): OpenStap | null {
  return v.status === 'ONTVANGEN' ? { stap: 'VERZOEK_OM_TOEWIJZING', sinds: v.ontvangenOp, uiterlijk: v.antwoordUiterlijk, termijnBron: VERZOEK_TERMIJN.bron } : null;
}
