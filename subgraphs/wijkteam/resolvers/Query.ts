import { badUserInput } from '../../kit/errors';
import { amsterdamDate } from '../../kit/dates';
import type { WijkteamContext } from '../context';
import { casusToegang, currentCasus } from '../toegang';

/** More than a page of households (100) in one question, with room; a bigger one is not the gateway's. */
const MAX_HUISHOUDENS = 500;

export const Query = {
  /** Answered fresh on every request: a Grondslag registered or revoked counts from the next one. */
  async casusToegang(_: unknown, args: { huishoudenIds: string[] }, ctx: WijkteamContext) {
    const { actor } = ctx.access;
    if (args.huishoudenIds.length > MAX_HUISHOUDENS) throw badUserInput(`Ask about at most ${MAX_HUISHOUDENS} households at once`, 'huishoudenIds');
    if (actor.rol !== 'wijkteam-medewerker' || args.huishoudenIds.length === 0) return [];
    const today = amsterdamDate(ctx.clock.now());
    const casussen = await ctx.casussen([]).loadMany(args.huishoudenIds);
    return casussen.flatMap((list) => (list instanceof Error ? [] : (casusToegang(actor, currentCasus(list ?? [], today), today) ?? [])));
  },
};
