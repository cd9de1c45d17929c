import { setTimeout as wait } from 'node:timers/promises';
import { amsterdamDate } from '../../kit/dates';
import { logger, safeError } from '../../kit/logger';
import { badUserInput, ErrorCode, expectedError } from '../../kit/errors';
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
/** How long a question waits for a table being computed before it is told to ask again. */
const WACHT_MS = 8_000;

function served(gemeente: string, periode: Periode, berekendOp: string, cijfers: Berekening['gepubliceerd']) {
  return { gemeente, periode: periode.code, van: periode.van, tot: periode.tot, berekendOp: new Date(berekendOp).toISOString(), ...cijfers };
}

type Computed = { berekendOp: string; berekening: Berekening };

/** The table's computation under way for this gemeente and period, or a new one, stored when done. */
function computation(ctx: BeleidContext, gemeente: string, periode: Periode): Promise<Computed> {
  const key = `${gemeente}:${periode.code}`;
  let computing = underway.get(key) as Promise<Computed> | undefined;
  if (computing) return computing;
  computing = (async () => {
    // The transcryptor and every source check and log the caller of the first question again.
    const { authorization, purpose, traceId } = ctx.access.auth.credential?.parts ?? { authorization: '', purpose: '', traceId: ctx.access.auth.traceId };
    const berekening = await bereken(ctx.peers, ctx.beleidKey, { authorization, purpose: purpose ?? '', traceId }, gemeente, periode);
    const berekendOp = new Date().toISOString();
    await storePublicatie(ctx.db, { gemeenteCode: gemeente, periode: periode.code, berekendOp, cijfers: { ruw: berekening.ruw, gepubliceerd: berekening.gepubliceerd, tijden: berekening.tijden } });
    return { berekendOp, berekening };
  })().finally(() => underway.delete(key));
  underway.set(key, computing);
  return computing;
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
    const computing = computation(ctx, args.gemeente, periode);
    // A large gemeente's table takes half a minute or more (BENCHMARKS.md): the question does not wait for it, so that no
    // gateway times out; the computation goes on, and the answer says when to ask again.
    const done = await Promise.race([computing, wait(WACHT_MS, undefined, { ref: false })]);
    if (!done) {
      computing.catch((error: unknown) => logger.warn({ err: safeError(error), gemeente: args.gemeente, periode: periode.code }, 'beleid: table not computed'));
      throw expectedError(`The figures of ${periode.code} are being computed; ask again in a minute`, ErrorCode.FIGURES_BEING_COMPUTED);
    }
    return served(args.gemeente, periode, done.berekendOp, done.berekening.gepubliceerd);
  },
};
