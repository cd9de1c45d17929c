import { z } from 'zod';
import { CASUS_TOEGANG_ROUTE } from '../kit/auth/casus-toegang';
import { amsterdamDate } from '../kit/dates';
import { parseInput } from '../kit/errors';
import { groupByKey } from '../kit/loaders';
import type { WijkteamContext } from './context';
import { casusToegang, currentCasus } from './toegang';

/** More than a page of households (100) in one question, with room; a bigger one is not the gateway's. */
const MAX_HUISHOUDENS = 500;

const casusVraag = z.object({
  huishoudenIds: z.array(z.string().min(1)).max(MAX_HUISHOUDENS, `ask about at most ${MAX_HUISHOUDENS} households at once`),
});

/**
 * The gateway's casus question (kit/auth/casus-toegang.ts): of these households, those on whose active
 * casus the caller works, with the domains a current Grondslag covers. A route of its own rather than a
 * GraphQL field: it is asked once per loket stage of every wijkteam member's request, and a whole
 * operation (parse, validate, execute, plugins) cost more than its one SQL statement (BENCHMARKS.md).
 * Answered fresh on every request: a Grondslag registered or revoked counts from the next one.
 */
export const wijkteamRoutes = {
  async [CASUS_TOEGANG_ROUTE](body: unknown, ctx: WijkteamContext) {
    const { huishoudenIds } = parseInput(casusVraag, body);
    const { actor } = ctx.access;
    if (actor.rol !== 'wijkteam-medewerker' || huishoudenIds.length === 0) return { casusToegang: [] };
    const today = amsterdamDate(ctx.clock.now());
    const ids = [...new Set(huishoudenIds)];
    const casussen = groupByKey(ids, await ctx.repository.toegangsCasussen(ids), (casus) => casus.huishoudenId);
    return { casusToegang: casussen.flatMap((list) => casusToegang(actor, currentCasus(list, today), today) ?? []) };
  },
};
