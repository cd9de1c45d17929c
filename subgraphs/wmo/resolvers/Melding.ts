import { addDays, amsterdamDate } from '../../kit/dates';
import type { WmoContext } from '../context';
import type { MeldingRow } from '../repository';

/** Wmo 2015 art. 2.3.2: the onderzoek is finished within six weeks of the melding. */
const ONDERZOEK_TERMIJN_DAGEN = 42;
const ONDERZOEK_LOOPT = new Set(['ONTVANGEN', 'IN_ONDERZOEK']);

export const Melding = {
  client: (m: MeldingRow) => ({ bsn: m.bsn }),
  onderzoekUiterlijk: (m: MeldingRow) => addDays(m.meldingsdatum, ONDERZOEK_TERMIJN_DAGEN),
  termijnVerstreken(m: MeldingRow, _args: unknown, ctx: WmoContext) {
    const uiterlijk = addDays(m.meldingsdatum, ONDERZOEK_TERMIJN_DAGEN);
    return ONDERZOEK_LOOPT.has(m.status) && amsterdamDate(ctx.clock.now()) > uiterlijk;
  },
};
