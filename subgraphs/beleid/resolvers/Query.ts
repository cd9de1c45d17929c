import { amsterdamDate } from '../../kit/dates';
import { badUserInput } from '../../kit/errors';
import { storedPublicatie, storePublicatie, type BeleidContext } from '../context';
import { bereken, type Berekening } from '../job';
import { parsePeriode, type Periode, type PeriodeInput } from '../periode';

/**
 * A table is computed on the first question about its gemeente and period, stored, and every later
 * question is answered from it: the same question gets the same answer. It is computed again on the first
 * question after it is older than this, so a period's changed data shows by the next day.
 */
const GELDIG_MS = 24 * 3600 * 1000;

/** One computation per gemeente and period at a time in this process: a second asker waits for the first. */
const underway = new Map<string, Promise<unknown>>();

const GEMEENTE_CODE = /^GM\d{4}$/;

function served(gemeente: string, periode: Periode, berekendOp: string, cijfers: Berekening['gepubliceerd']) {
  return { gemeente, periode: periode.code, van: periode.van, tot: periode.tot, berekendOp: new Date(berekendOp).toISOString(), ...cijfers };
}

export const Query = {
  async beleidscijfers(_: unknown, args: { gemeente: string; periode: PeriodeInput }, ctx: BeleidContext) {
    if (!GEMEENTE_CODE.test(args.gemeente)) throw badUserInput('"gemeente" must be a CBS gemeente code like GM9999', 'gemeente');
    const periode = parsePeriode(args.periode, amsterdamDate(ctx.clock.now()));
    ctx.access.requireAggregaten(args.gemeente);
    const stored = await storedPublicatie(ctx.db, args.gemeente, periode.code);
    if (stored && Date.now() - Date.parse(stored.berekendOp) < GELDIG_MS) {
      return served(args.gemeente, periode, stored.berekendOp, (stored.cijfers as Pick<Berekening, 'gepubliceerd'>).gepubliceerd);
    }
    const key = `${args.gemeente}:${periode.code}`;
    let computing = underway.get(key) as Promise<{ berekendOp: string; berekening: Berekening }> | undefined;
    if (!computing) {
      computing = (async () => {
        const { authorization, purpose, traceId } = ctx.access.auth.credential?.parts ?? { authorization: '', purpose: '', traceId: ctx.access.auth.traceId };
        const berekening = await bereken(ctx.peers, ctx.beleidKey, { authorization, purpose: purpose ?? '', traceId }, { code: args.gemeente, naam: args.gemeente }, periode);
        const berekendOp = new Date().toISOString();
        await storePublicatie(ctx.db, { gemeenteCode: args.gemeente, periode: periode.code, berekendOp, cijfers: { ruw: berekening.ruw, gepubliceerd: berekening.gepubliceerd, tijden: berekening.tijden } });
        return { berekendOp, berekening };
      })().finally(() => underway.delete(key));
      underway.set(key, computing);
    }
    const { berekendOp, berekening } = await computing;
    return served(args.gemeente, periode, berekendOp, berekening.gepubliceerd);
  },
};
