import { z } from 'zod';
import { isValidBsn } from '../kit/bsn';
import { parseInput } from '../kit/errors';
import type { Bewoning } from '../kit/bewoning';
import { visiblePersoon } from './access';
import type { BrpContext } from './context';

const vraag = z.object({ bsn: z.string().refine(isValidBsn, 'must be a BSN: 9 digits that pass the 11-proef') });

/**
 * The brp's answer to a loket that is about to write about a resident (kit/bewoning.ts): the household
 * the resident is registered in, and its gemeente. The same access decision as `persoon(bsn)`, logged the
 * same way: SIGNAAL level, and outside the caller's gemeenten no answer, as for an unknown BSN.
 */
export async function bewoning(body: unknown, ctx: BrpContext): Promise<Bewoning | null> {
  ctx.access.log.operation = 'bewoning';
  try {
    const { bsn } = parseInput(vraag, body);
    const persoon = visiblePersoon(ctx, await ctx.personen([]).load(bsn));
    return persoon ? { huishoudenId: persoon.huishoudenId, gemeenteCode: persoon.gemeenteVanInschrijving } : null;
  } finally {
    await ctx.access.log.flush();
  }
}
