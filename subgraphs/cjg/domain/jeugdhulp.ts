/**
 * The Jeugd chain for one jeugdige (Jeugdwet §2.3, Awb): a verwijzing to jeugdhulp, either by the
 * gemeentelijke toegang (the CJG), which then decides by beschikking within eight weeks of the aanvraag,
 * or by a huisarts, medisch specialist or jeugdarts (art. 2.6 lid 1 onder g), whose verwijzing needs no
 * beschikking; then the toewijzing to an aanbieder (iJw 301), the start and stop of the care (iJw 305,
 * 307). CJG contact and opvoedondersteuning need no decision at all: they are contact moments on a
 * dossier without a traject. Pure: states, steps, terms, the open step.
 */
import { addDays } from '../../kit/dates';
import { proces } from '../../kit/proces';
import type { OpenStap } from '../../kit/stappen';
import { termijnEinde } from '../../kit/termijnen';

/** Who referred: the gemeente's own toegang, or a doctor whose verwijzing the Jeugdwet accepts as it is. */
export const VERWIJZERS = ['GEMEENTE', 'HUISARTS', 'MEDISCH_SPECIALIST', 'JEUGDARTS'] as const;
export type Verwijzer = (typeof VERWIJZERS)[number];
export const isMedischeVerwijzing = (v: Verwijzer) => v !== 'GEMEENTE';

export const JEUGDHULP_STATUSSEN = ['VERWEZEN', 'AANVRAAG_ONTVANGEN', 'TOEGEKEND', 'AFGEWEZEN', 'TOEGEWEZEN', 'IN_ZORG', 'BEEINDIGD'] as const;
export type JeugdhulpStatus = (typeof JEUGDHULP_STATUSSEN)[number];

export const JEUGDHULP_STAPPEN = ['grant', 'reject', 'assignToewijzing', 'startZorg', 'stopZorg'] as const;
export type JeugdhulpStap = (typeof JEUGDHULP_STAPPEN)[number];

export const jeugdhulpProces = proces<JeugdhulpStatus, JeugdhulpStap>('jeugdhulptraject', JEUGDHULP_STATUSSEN, {
  grant: { van: ['AANVRAAG_ONTVANGEN'], naar: 'TOEGEKEND' },
  reject: { van: ['AANVRAAG_ONTVANGEN'], naar: 'AFGEWEZEN' },
  // A doctor's verwijzing goes straight to the toewijzing; the gemeente's route only after a beschikking.
  assignToewijzing: { van: ['VERWEZEN', 'TOEGEKEND'], naar: 'TOEGEWEZEN' },
  startZorg: { van: ['TOEGEWEZEN'], naar: 'IN_ZORG' },
  stopZorg: { van: ['IN_ZORG'], naar: 'BEEINDIGD' },
});

/** The state a new traject starts in: a doctor's verwijzing needs no beschikking, the gemeente's route does. */
export const beginStatus = (verwijzer: Verwijzer): JeugdhulpStatus => (isMedischeVerwijzing(verwijzer) ? 'VERWEZEN' : 'AANVRAAG_ONTVANGEN');

/** The beschikking follows within eight weeks of the aanvraag (Awb art. 4:13; the Jeugdwet sets no term of its own). */
export const JEUGD_BESCHIKKING_TERMIJN = { termijn: { weken: 8 }, bron: 'Awb art. 4:13 lid 2' } as const;
export const jeugdBeschikkingUiterlijk = (aanvraagdatum: string) => termijnEinde(aanvraagdatum, JEUGD_BESCHIKKING_TERMIJN.termijn);

/** A verlenging is signalled this many days before the care's einddatum. */
export const VERLENGING_SIGNAAL_DAGEN = 56;

export interface JeugdhulpStand {
  status: JeugdhulpStatus;
  statusSinds: string;
  beschikkingUiterlijk: string | null;
  /** The ingangsdatum the beschikking or verwijzing names, and the toewijzing's. */
  ingangsdatum: string | null;
  toewijzingIngangsdatum: string | null;
  /** The last day the beschikking or verwijzing covers: a verlenging is due before it. */
  geldigTot: string | null;
}

/** A date, or `sinds` when it lies before it (care granted from an earlier day is due at once); null stays null. */
const nietVoor = (datum: string | null, sinds: string) => (datum !== null && datum < sinds ? sinds : datum);

export function jeugdhulpOpenStap(t: JeugdhulpStand): OpenStap | null {
  switch (t.status) {
    case 'AANVRAAG_ONTVANGEN':
      return { stap: 'BESCHIKKING', sinds: t.statusSinds, uiterlijk: t.beschikkingUiterlijk, termijnBron: JEUGD_BESCHIKKING_TERMIJN.bron };
    case 'VERWEZEN':
    case 'TOEGEKEND':
      return { stap: 'TOEWIJZING', sinds: t.statusSinds, uiterlijk: nietVoor(t.ingangsdatum, t.statusSinds), termijnBron: null };
    case 'TOEGEWEZEN':
      return { stap: 'LEVERING', sinds: t.statusSinds, uiterlijk: nietVoor(t.toewijzingIngangsdatum, t.statusSinds), termijnBron: null };
    case 'IN_ZORG':
      return t.geldigTot === null ? null : { stap: 'HERINDICATIE', sinds: addDays(t.geldigTot, -VERLENGING_SIGNAAL_DAGEN), uiterlijk: t.geldigTot, termijnBron: null };
    default:
      return null;
  }
}

/** Everything that follows from a traject's dates: the beschikking's deadline and the open step. */
export function jeugdhulpAfgeleid(t: Omit<JeugdhulpStand, 'beschikkingUiterlijk'> & { aanvraagOntvangenOp: string | null }) {
  const beschikkingUiterlijk = t.aanvraagOntvangenOp ? jeugdBeschikkingUiterlijk(t.aanvraagOntvangenOp) : null;
  return { beschikkingUiterlijk, open: jeugdhulpOpenStap({ ...t, beschikkingUiterlijk }) };
}
