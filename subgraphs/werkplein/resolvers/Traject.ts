import { amsterdamDate } from '../../kit/dates';
import { looptijdStatus } from '../../kit/loket';
import type { WerkpleinContext } from '../context';
import type { TrajectRow } from '../repository';

export const Traject = {
  deelnemer: (t: TrajectRow) => ({ bsn: t.bsn }),
  status: (t: TrajectRow, _args: unknown, ctx: WerkpleinContext) =>
    looptijdStatus(t.startdatum, t.einddatum, amsterdamDate(ctx.clock.now())),
};
