import { productcategorie } from '../../kit/codelijst';
import { amsterdamDate } from '../../kit/dates';
import { looptijdStatus } from '../../kit/loket';
import { WMO_PRODUCTCATEGORIE } from '../codelijsten';
import type { WmoContext } from '../context';
import type { VoorzieningRow } from '../repository';

export const Voorziening = {
  client: (v: VoorzieningRow) => ({ bsn: v.bsn }),
  productcategorie: (v: VoorzieningRow) => productcategorie(WMO_PRODUCTCATEGORIE, v.productcategorie),
  status: (v: VoorzieningRow, _args: unknown, ctx: WmoContext) =>
    looptijdStatus(v.ingangsdatum, v.einddatum, amsterdamDate(ctx.clock.now())),
};
