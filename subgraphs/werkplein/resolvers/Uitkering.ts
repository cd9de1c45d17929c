import { amsterdamDate } from '../../kit/dates';
import { looptijdStatus } from '../../kit/loket';
import type { WerkpleinContext } from '../context';
import type { UitkeringRow } from '../repository';

export const Uitkering = {
  aanvrager: (u: UitkeringRow) => ({ bsn: u.bsn }),
  status: (u: UitkeringRow, _args: unknown, ctx: WerkpleinContext) =>
    looptijdStatus(u.ingangsdatum, u.einddatum, amsterdamDate(ctx.clock.now())),
};
