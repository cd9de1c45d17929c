import { GraphQLError } from 'graphql';
import { ownVerwerkingen, type VerwerkingslogKey, type VerwerkingValue } from '../../kit/auth/logboek';
import { requireBsn } from '../../kit/bsn-input';
import { badUserInput, ErrorCode } from '../../kit/errors';
import type { BrpContext } from '../context';

const BRONNEN = ['BRP', 'WMO', 'CJG', 'WERKPLEIN', 'WIJKTEAM'];

interface Periode {
  van?: Date | null;
  tot?: Date | null;
}

/** `Date` arguments arrive as JS Dates at midnight UTC; the key carries calendar dates. */
function periode(args: Periode): Pick<VerwerkingslogKey, 'van' | 'tot'> {
  const van = args.van ? args.van.toISOString().slice(0, 10) : null;
  const tot = args.tot ? args.tot.toISOString().slice(0, 10) : null;
  if (van && tot && van > tot) throw badUserInput('"van" must not be after "tot"', 'van');
  return { van, tot };
}

/** The entries of one subgraph's part of the log, as the gateway brought them (`@requires`). */
interface MergedRef extends VerwerkingslogKey {
  wmoVerwerkingen?: VerwerkingValue[];
  cjgVerwerkingen?: VerwerkingValue[];
  werkpleinVerwerkingen?: VerwerkingValue[];
  wijkteamVerwerkingen?: VerwerkingValue[];
}

export const VerwerkingslogQuery = {
  async verwerkingen(_: unknown, args: Periode & { bsn: string }, ctx: BrpContext): Promise<VerwerkingslogKey | null> {
    const bsn = requireBsn(args.bsn);
    const persoon = await ctx.personen([]).load(bsn);
    // An fg supervises their own gemeente: a resident registered elsewhere gets null, as an unknown BSN
    // does, so the answer tells no one whether the BSN is registered in another gemeente.
    const { actor } = ctx.access;
    const inScope = !!persoon && (actor.rol !== 'fg' || actor.gemeenten.includes(persoon.gemeenteVanInschrijving));
    if (!ctx.access.requireLogboek(bsn, inScope)) return null;
    return { bsn, ...periode(args) };
  },

  mijnVerwerkingen(_: unknown, args: Periode, ctx: BrpContext): VerwerkingslogKey {
    const { actor } = ctx.access;
    if (actor.rol !== 'inwoner' || !actor.bsn) {
      throw new GraphQLError('Only a resident (role inwoner) has a log of their own', { extensions: { code: ErrorCode.FORBIDDEN } });
    }
    ctx.access.requireLogboek(actor.bsn);
    return { bsn: actor.bsn, ...periode(args) };
  },
};

export const Verwerkingslog = {
  __resolveReference: (ref: MergedRef) => ref,
  /** One list across the services, newest first; ties in service order, so the list is stable. */
  async verwerkingen(ref: MergedRef, _args: unknown, ctx: BrpContext) {
    const own = await ownVerwerkingen(ctx, ref, 'brp');
    return [own, ref.wmoVerwerkingen, ref.cjgVerwerkingen, ref.werkpleinVerwerkingen, ref.wijkteamVerwerkingen]
      .flatMap((list) => list ?? [])
      .sort((a, b) => Date.parse(b.tijdstip) - Date.parse(a.tijdstip) || BRONNEN.indexOf(a.bron) - BRONNEN.indexOf(b.bron));
  },
};
