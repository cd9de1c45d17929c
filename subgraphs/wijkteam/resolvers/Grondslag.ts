import { amsterdamDate } from '../../kit/dates';
import type { WijkteamContext } from '../context';
import type { GrondslagRow } from '../repository';
import { isActueel } from '../toegang';

/** Drivers disagree on the text form of timestamptz; one ISO form for everyone. */
const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());

export const Grondslag = {
  vastgelegdOp: (g: GrondslagRow) => iso(g.vastgelegdOp),
  ingetrokkenOp: (g: GrondslagRow) => iso(g.ingetrokkenOp),
  actueel: (g: GrondslagRow, _args: unknown, ctx: WijkteamContext) => isActueel(g, amsterdamDate(ctx.clock.now())),
};
