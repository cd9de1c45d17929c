import { amsterdamDate } from '../../kit/dates';
import type { WijkteamContext } from '../context';
import { casusToegang } from '../toegang';

export const Query = {
  /** Answered fresh on every request: a Grondslag registered or revoked counts from the next one. */
  async casusToegang(_: unknown, _args: unknown, ctx: WijkteamContext) {
    const { actor } = ctx.access;
    if (actor.rol !== 'wijkteam-medewerker') return [];
    const today = amsterdamDate(ctx.clock.now());
    return (await ctx.repository.casussenVan(actor.sub)).flatMap((casus) => casusToegang(actor, casus, today) ?? []);
  },
};
