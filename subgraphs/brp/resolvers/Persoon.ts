import type { GraphQLResolveInfo } from 'graphql';
import { amsterdamDate } from '../../kit/dates';
import { Selection } from '../../kit/selection';
import type { BrpContext } from '../context';
import type { PersoonPart, PersoonRecord } from '../repository';

const GESLACHT = { M: 'MAN', V: 'VROUW', O: 'ONBEKEND' } as const;

/** The relations a selection on `Persoon` needs loaded with the person row. */
export function persoonParts(selection: Selection): PersoonPart[] {
  if (!selection.has('huishouden')) return [];
  const huishouden = selection.child('huishouden', 'Huishouden');
  if (huishouden.has('leden')) return ['huishouden.leden'];
  // Only the key asked: the gateway fetches the rest from other subgraphs; no join needed.
  return huishouden.needsMoreThan('id') ? ['huishouden'] : [];
}

/** Whole years between a `YYYY-MM-DD` birth date and today. */
export function leeftijd(geboortedatum: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(geboortedatum.slice(0, 4));
  return today.slice(5) < geboortedatum.slice(5) ? years - 1 : years;
}

export const Persoon = {
  async __resolveReference(ref: { bsn: string }, ctx: BrpContext, info: GraphQLResolveInfo) {
    return ctx.personen(persoonParts(Selection.of(info, 'Persoon'))).load(ref.bsn);
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
    if (p.huishouden) return p.huishouden;
    const selection = Selection.of(info, 'Huishouden');
    if (!selection.needsMoreThan('id')) return { id: p.huishoudenId };
    return ctx.huishoudens(selection.has('leden') ? ['leden'] : []).load(p.huishoudenId);
  },
};
