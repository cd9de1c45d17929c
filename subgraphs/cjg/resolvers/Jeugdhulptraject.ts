import { productcategorie } from '../../kit/codelijst';
import { omvangValue } from '../../kit/istandaarden';
import { looptijdStatus } from '../../kit/loket';
import { toegestaneStappen } from '../../kit/proces';
import { vandaag } from '../../kit/schrijven';
import { toOpenStap } from '../../kit/stappen';
import { JEUGD_PRODUCTCATEGORIE } from '../codelijsten';
import type { CjgContext } from '../context';
import { jeugdhulpProces } from '../domain/jeugdhulp';
import type { JeugdhulptrajectRow } from '../repository';

/** The chain's columns as the types `JeugdhulpAanvraag`, `JeugdhulpBeschikking` and `JeugdhulpToewijzing`. */
export const Jeugdhulptraject = {
  jeugdige: (t: JeugdhulptrajectRow) => ({ bsn: t.bsn }),
  productcategorie: (t: JeugdhulptrajectRow) => productcategorie(JEUGD_PRODUCTCATEGORIE, t.productcategorie),
  omvang: omvangValue,
  status: (t: JeugdhulptrajectRow, _args: unknown, ctx: CjgContext) =>
    t.startdatum === null ? 'GEPLAND' : looptijdStatus(t.startdatum, t.einddatum, vandaag(ctx.clock)),
  processtatus: (t: JeugdhulptrajectRow) => t.status,
  verwijsdatum: (t: JeugdhulptrajectRow) => t.verwijsdatum ?? t.startdatum,
  aanvraag: (t: JeugdhulptrajectRow, _args: unknown, ctx: CjgContext) =>
    t.aanvraagOntvangenOp === null
      ? null
      : { ontvangenOp: t.aanvraagOntvangenOp, beschikkingUiterlijk: t.beschikkingUiterlijk, termijnVerstreken: t.status === 'AANVRAAG_ONTVANGEN' && vandaag(ctx.clock) > t.beschikkingUiterlijk! },
  beschikking: (t: JeugdhulptrajectRow) => (t.beschikkingsdatum === null ? null : { datum: t.beschikkingsdatum, besluit: t.besluit, redenAfwijzing: t.redenAfwijzing }),
  toewijzing: (t: JeugdhulptrajectRow) =>
    t.toewijzingsdatum === null
      ? null
      : {
          toewijzingnummer: t.toewijzingnummer,
          aanbieder: { agbCode: t.aanbiederAgb, naam: t.aanbiederNaam },
          toewijzingsdatum: t.toewijzingsdatum,
          ingangsdatum: t.toewijzingIngangsdatum,
          einddatum: t.geldigTot,
          redenWijziging: t.redenWijziging,
        },
  openStap: (t: JeugdhulptrajectRow, _args: unknown, ctx: CjgContext) => toOpenStap(t, 'CJG', vandaag(ctx.clock)),
  toegestaneStappen: (t: JeugdhulptrajectRow) => toegestaneStappen(jeugdhulpProces, t.status),
};
