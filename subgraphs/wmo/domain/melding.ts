/**
 * The Wmo chain from melding to beschikking (Wmo 2015 §2.3), as Oost Gelre and most gemeenten run it:
 * melding → onderzoek (the conversation, often at home, and the brede intake) → verslag to the resident →
 * aanvraag (from here the backoffice decides) → beschikking. Pure: states, steps, terms and the open step.
 */
import { proces, invalidTransition, volgendeStatus } from '../../kit/proces';
import type { OpenStap } from '../../kit/stappen';
import { termijnEinde } from '../../kit/termijnen';

export const MELDING_STATUSSEN = ['ONTVANGEN', 'IN_ONDERZOEK', 'ONDERZOEK_AFGEROND', 'AANVRAAG_ONTVANGEN', 'BESCHIKT', 'INGETROKKEN'] as const;
export type MeldingStatus = (typeof MELDING_STATUSSEN)[number];

export const MELDING_STAPPEN = ['startOnderzoek', 'recordVerslag', 'registerAanvraag', 'recordBeschikking', 'withdraw'] as const;
export type MeldingStap = (typeof MELDING_STAPPEN)[number];

const LOPEND = ['ONTVANGEN', 'IN_ONDERZOEK', 'ONDERZOEK_AFGEROND', 'AANVRAAG_ONTVANGEN'] as const;

export const meldingProces = proces<MeldingStatus, MeldingStap>('melding', MELDING_STATUSSEN, {
  startOnderzoek: { van: ['ONTVANGEN'], naar: 'IN_ONDERZOEK' },
  recordVerslag: { van: ['IN_ONDERZOEK'], naar: 'ONDERZOEK_AFGEROND' },
  // From ONTVANGEN or IN_ONDERZOEK only once the onderzoek is overdue (art. 2.3.2 lid 9): see `aanvraagStatus`.
  registerAanvraag: { van: ['ONDERZOEK_AFGEROND', 'ONTVANGEN', 'IN_ONDERZOEK'], naar: 'AANVRAAG_ONTVANGEN' },
  recordBeschikking: { van: ['AANVRAAG_ONTVANGEN'], naar: 'BESCHIKT' },
  withdraw: { van: LOPEND, naar: 'INGETROKKEN' },
});

/** The legal terms of the chain, each from the day of its event. */
export const WMO_TERMIJNEN = {
  /** The resident may hand in a persoonlijk plan within 7 days of the melding (art. 2.3.2 lid 2). */
  persoonlijkPlan: { termijn: { dagen: 7 }, bron: 'Wmo 2015 art. 2.3.2 lid 2' },
  /** The onderzoek is finished within six weeks of the melding (art. 2.3.2 lid 1). */
  onderzoek: { termijn: { weken: 6 }, bron: 'Wmo 2015 art. 2.3.2 lid 1' },
  /** The beschikking follows within two weeks of the aanvraag (art. 2.3.5 lid 1). */
  beschikking: { termijn: { weken: 2 }, bron: 'Wmo 2015 art. 2.3.5 lid 1' },
} as const;

export const persoonlijkPlanUiterlijk = (meldingsdatum: string) => termijnEinde(meldingsdatum, WMO_TERMIJNEN.persoonlijkPlan.termijn);
export const onderzoekUiterlijk = (meldingsdatum: string) => termijnEinde(meldingsdatum, WMO_TERMIJNEN.onderzoek.termijn);
export const beschikkingUiterlijk = (aanvraagdatum: string) => termijnEinde(aanvraagdatum, WMO_TERMIJNEN.beschikking.termijn);

/** What the next state and the open step depend on: the melding's dates. */
export interface MeldingStand {
  status: MeldingStatus;
  meldingsdatum: string;
  onderzoekUiterlijk: string;
  aanvraagOntvangenOp: string | null;
  beschikkingUiterlijk: string | null;
}

/** True while the onderzoek has not been finished by its deadline (the field `termijnVerstreken`). */
export function onderzoekTermijnVerstreken(m: Pick<MeldingStand, 'status' | 'onderzoekUiterlijk'>, vandaag: string): boolean {
  return (m.status === 'ONTVANGEN' || m.status === 'IN_ONDERZOEK') && vandaag > m.onderzoekUiterlijk;
}

/**
 * The state after an aanvraag received on `datum`. Normally after the verslag; before it only when the
 * onderzoek was not finished within six weeks: then the resident may apply without it (art. 2.3.2 lid 9).
 */
export function aanvraagStatus(m: MeldingStand, datum: string): MeldingStatus {
  const naar = volgendeStatus(meldingProces, m.status, 'registerAanvraag');
  if (m.status !== 'ONDERZOEK_AFGEROND' && datum <= m.onderzoekUiterlijk) {
    throw invalidTransition('melding', m.status, 'registerAanvraag', ['startOnderzoek', 'recordVerslag', 'withdraw'].filter((s) => meldingProces.overgangen[s as MeldingStap].van.includes(m.status)),
      `before the verslag an aanvraag is possible only after the onderzoek's deadline ${m.onderzoekUiterlijk} (Wmo 2015 art. 2.3.2 lid 9)`);
  }
  return naar;
}

/** The step the Wmo-loket owes on this melding now, with its legal term; null when it owes none. */
export function meldingOpenStap(m: MeldingStand): OpenStap | null {
  switch (m.status) {
    case 'ONTVANGEN':
    case 'IN_ONDERZOEK':
      return { stap: 'ONDERZOEK', sinds: m.meldingsdatum, uiterlijk: m.onderzoekUiterlijk, termijnBron: WMO_TERMIJNEN.onderzoek.bron };
    case 'AANVRAAG_ONTVANGEN':
      return { stap: 'BESCHIKKING', sinds: m.aanvraagOntvangenOp!, uiterlijk: m.beschikkingUiterlijk, termijnBron: WMO_TERMIJNEN.beschikking.bron };
    default:
      // After the verslag the next move is the resident's (the aanvraag); decided and withdrawn are done.
      return null;
  }
}

/** Everything that follows from a melding's dates: its terms and its open step. */
export function meldingAfgeleid(m: { status: MeldingStatus; meldingsdatum: string; aanvraagOntvangenOp: string | null }) {
  const stand: MeldingStand = {
    status: m.status,
    meldingsdatum: m.meldingsdatum,
    onderzoekUiterlijk: onderzoekUiterlijk(m.meldingsdatum),
    aanvraagOntvangenOp: m.aanvraagOntvangenOp,
    beschikkingUiterlijk: m.aanvraagOntvangenOp ? beschikkingUiterlijk(m.aanvraagOntvangenOp) : null,
  };
  return {
    persoonlijkPlanUiterlijk: persoonlijkPlanUiterlijk(m.meldingsdatum),
    onderzoekUiterlijk: stand.onderzoekUiterlijk,
    beschikkingUiterlijk: stand.beschikkingUiterlijk,
    open: meldingOpenStap(stand),
  };
}
