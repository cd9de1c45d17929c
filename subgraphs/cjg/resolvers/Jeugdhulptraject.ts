import { productcategorie } from '../../kit/codelijst';
import { amsterdamDate } from '../../kit/dates';
import { looptijdStatus } from '../../kit/loket';
import { JEUGD_PRODUCTCATEGORIE } from '../codelijsten';
import type { CjgContext } from '../context';
import type { JeugdhulptrajectRow } from '../repository';

export const Jeugdhulptraject = {
  jeugdige: (t: JeugdhulptrajectRow) => ({ bsn: t.bsn }),
  productcategorie: (t: JeugdhulptrajectRow) => productcategorie(JEUGD_PRODUCTCATEGORIE, t.productcategorie),
  status: (t: JeugdhulptrajectRow, _args: unknown, ctx: CjgContext) =>
    looptijdStatus(t.startdatum, t.einddatum, amsterdamDate(ctx.clock.now())),
};
