import type { GraphQLResolveInfo } from 'graphql';
import { amsterdamDate } from '../../kit/dates';
import { Selection } from '../../kit/selection';
import { visibleHuishouden, visiblePersoon } from '../access';
import type { BrpContext } from '../context';
import type { PersoonPart, PersoonRecord } from '../repository';

const GESLACHT = { M: 'MAN', V: 'VROUW', O: 'ONBEKEND' } as const;

/** The relations a selection on `Persoon` needs loaded with the person row. */
export function persoonParts(selection: Selection): PersoonPart[] {
  if (!selection.has('huishouden')) return [];
  // Only the key asked: the gateway fetches the rest from other subgraphs; no join needed.
  return selection.child('huishouden', 'Huishouden').needsMoreThan('id') ? ['huishouden'] : [];
}

/** Whole years between a `YYYY-MM-DD` birth date and today. */
export function leeftijd(geboortedatum: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(geboortedatum.slice(0, 4));
  return today.slice(5) < geboortedatum.slice(5) ? years - 1 : years;
}

export const Persoon = {
  async __resolveReference(ref: { bsn: string }, ctx: BrpContext, info: GraphQLResolveInfo) {
    return visiblePersoon(ctx, await ctx.personen(persoonParts(Selection.of(info, 'Persoon'))).load(ref.bsn));
  },
  naam(p: PersoonRecord) {
    return {
      voornamen: p.voornamen,
      voorvoegsel: p.voorvoegsel,
      geslachtsnaam: p.geslachtsnaam,
      volledigeNaam: [p.voornamen, p.voorvoegsel, p.geslachtsnaam].filter(Boolean).join(' '),
    };
  },
  leeftijd(p: PersoonRecord, _args: unknown, ctx: BrpContext) {
    return leeftijd(p.geboortedatum, amsterdamDate(ctx.clock.now()));
  },
  geslacht(p: PersoonRecord) {
    return GESLACHT[p.geslacht];
  },
  async huishouden(p: PersoonRecord, _args: unknown, ctx: BrpContext, info: GraphQLResolveInfo) {
    // The key alone discloses nothing; each subgraph checks what it adds to it.
    if (!p.huishouden && !Selection.of(info, 'Huishouden').needsMoreThan('id')) return { id: p.huishoudenId };
    return visibleHuishouden(ctx, p.huishouden ?? (await ctx.huishoudens.load(p.huishoudenId)));
  },
};
