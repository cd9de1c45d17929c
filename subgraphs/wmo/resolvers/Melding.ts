import { toegestaneStappen } from '../../kit/proces';
import { vandaag } from '../../kit/schrijven';
import type { WmoContext } from '../context';
import { meldingProces, onderzoekTermijnVerstreken, type MeldingStap } from '../domain/melding';
import type { MeldingRow } from '../repository';

/** The chain's columns as the types `Onderzoek`, `Aanvraag` and `Beschikking`: each null until its step. */
export const Melding = {
  client: (m: MeldingRow) => ({ bsn: m.bsn }),
  geregistreerdDoorKcc: (m: MeldingRow) => m.geregistreerdVia === 'KCC',
  termijnVerstreken: (m: MeldingRow, _args: unknown, ctx: WmoContext) => onderzoekTermijnVerstreken(m, vandaag(ctx.clock)),
  onderzoek: (m: MeldingRow) =>
    m.onderzoekGestartOp === null
      ? null
      : { gestartOp: m.onderzoekGestartOp, gespreksdatum: m.gespreksdatum, gesprekskanaal: m.gesprekskanaal, bevindingen: m.bevindingen, verslagVerstuurdOp: m.verslagVerstuurdOp },
  aanvraag: (m: MeldingRow, _args: unknown, ctx: WmoContext) =>
    m.aanvraagOntvangenOp === null
      ? null
      : {
          ontvangenOp: m.aanvraagOntvangenOp,
          beschikkingUiterlijk: m.beschikkingUiterlijk,
          termijnVerstreken: m.status === 'AANVRAAG_ONTVANGEN' && vandaag(ctx.clock) > m.beschikkingUiterlijk!,
        },
  beschikking: (m: MeldingRow) => (m.beschikkingsdatum === null ? null : { meldingId: m.id, datum: m.beschikkingsdatum, besluit: m.besluit, redenAfwijzing: m.redenAfwijzing }),
  /** What a client may offer next; an aanvraag before the verslag only once the onderzoek is overdue (art. 2.3.2 lid 9). */
  toegestaneStappen(m: MeldingRow, _args: unknown, ctx: WmoContext): MeldingStap[] {
    const vroeg = m.status !== 'ONDERZOEK_AFGEROND' && !onderzoekTermijnVerstreken(m, vandaag(ctx.clock));
    return toegestaneStappen(meldingProces, m.status).filter((stap) => !(stap === 'registerAanvraag' && vroeg));
  },
};

export const Beschikking = {
  voorzieningen: (b: { meldingId: string }, _args: unknown, ctx: WmoContext) => ctx.voorzieningenPerMelding.load(b.meldingId),
};

/** The ontvangstbevestiging: the melding itself is content, for the Wmo-loket's staff only. */
export const MeldingOntvangst = {
  melding(o: { melding: MeldingRow; gemeenteCode: string }, _args: unknown, ctx: WmoContext) {
    ctx.access.require({ domein: 'WMO', niveau: 'INHOUD', gemeente: o.gemeenteCode, bsns: [o.melding.bsn] });
    return o.melding;
  },
};
