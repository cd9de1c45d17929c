import { productcategorie } from '../../kit/codelijst';
import { aanbiederValue, omvangValue } from '../../kit/istandaarden';
import { looptijdStatus } from '../../kit/loket';
import { toegestaneStappen } from '../../kit/proces';
import { vandaag } from '../../kit/schrijven';
import { toOpenStap } from '../../kit/stappen';
import { WMO_PRODUCTCATEGORIE } from '../codelijsten';
import type { WmoContext } from '../context';
import { voorzieningProces, type VoorzieningStap } from '../domain/voorziening';
import type { ToewijzingRow, VerzoekRow, VoorzieningRow } from '../repository';

/** Steps an aanbieder takes part in; a pgb has none of them. */
const ZIN_STAPPEN: readonly VoorzieningStap[] = ['assignToewijzing', 'startLevering', 'stopLevering'];

export const Voorziening = {
  client: (v: VoorzieningRow) => ({ bsn: v.bsn }),
  productcategorie: (v: VoorzieningRow) => productcategorie(WMO_PRODUCTCATEGORIE, v.productcategorie),
  omvang: omvangValue,
  status: (v: VoorzieningRow, _args: unknown, ctx: WmoContext) => looptijdStatus(v.ingangsdatum, v.einddatum, vandaag(ctx.clock)),
  processtatus: (v: VoorzieningRow) => v.status,
  toewijzingen: (v: VoorzieningRow) => v.toewijzingen ?? [],
  openStap: (v: VoorzieningRow, _args: unknown, ctx: WmoContext) => toOpenStap(v, 'WMO', vandaag(ctx.clock)),
  toegestaneStappen: (v: VoorzieningRow) =>
    toegestaneStappen(voorzieningProces, v.status).filter((stap) => v.leveringsvorm === 'ZIN' || !ZIN_STAPPEN.includes(stap)),
};

export const Toewijzing = {
  aanbieder: aanbiederValue,
  productcategorie: (t: ToewijzingRow) => productcategorie(WMO_PRODUCTCATEGORIE, t.productcategorie),
  omvang: omvangValue,
};

export const VerzoekOmToewijzing = {
  aanbieder: aanbiederValue,
  termijnVerstreken: (v: VerzoekRow, _args: unknown, ctx: WmoContext) => v.status === 'ONTVANGEN' && vandaag(ctx.clock) > v.antwoordUiterlijk,
};
