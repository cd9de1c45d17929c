import type { GraphQLResolveInfo } from 'graphql';
import { amsterdamDate } from '../../kit/dates';
import { toBetrokkenheid, toContactmoment, type ContactmomentValue } from '../../kit/loket';
import { Selection } from '../../kit/selection';
import type { WijkteamContext } from '../context';
import { mergeBetrokkenheid, mergeContactmomenten, type ContactmomentFilter } from '../merge';
import type { CasusRecord, WijkteamPart } from '../repository';
import { casusAccess, currentCasus, isOpen } from '../toegang';

type Betrokkenheid = ReturnType<typeof toBetrokkenheid>;

/** The entity representation: the key, plus the lokets' lists when the gateway resolved the `@requires`. */
interface HuishoudenRef {
  id: string;
  wmoContactmomenten?: ContactmomentValue[];
  cjgContactmomenten?: ContactmomentValue[];
  werkpleinContactmomenten?: ContactmomentValue[];
  wmoBetrokkenheid?: Betrokkenheid | null;
  cjgBetrokkenheid?: Betrokkenheid | null;
  werkpleinBetrokkenheid?: Betrokkenheid | null;
}

type WijkteamHuishouden = HuishoudenRef & { casussen: CasusRecord[] };

function partsFor(selection: Selection): WijkteamPart[] {
  const parts: WijkteamPart[] = [];
  if (selection.has('contactmomenten')) parts.push('contactmomenten');
  if (selection.has('casus') && selection.child('casus', 'Casus').has('plan')) parts.push('plan');
  return parts;
}

function today(ctx: WijkteamContext): string {
  return amsterdamDate(ctx.clock.now());
}

/** The wijkteam's own contact moments at the level the caller may see (content withheld with the code). */
function eigenContactmomenten(casussen: readonly CasusRecord[], ctx: WijkteamContext): ContactmomentValue[] {
  return casussen.flatMap((casus) => {
    if (!ctx.access.check(casusAccess(casus, 'SIGNAAL')).allowed) return [];
    const inhoud = ctx.access.check(casusAccess(casus, 'INHOUD'), { logRefusal: false });
    const afgeschermd = inhoud.allowed ? null : inhoud.code;
    return (casus.contactmomenten ?? []).map((row) => toContactmoment(row, 'WIJKTEAM', afgeschermd));
  });
}

function wijkteamBetrokkenheid(casus: CasusRecord | undefined, today: string) {
  if (!casus) return null;
  return toBetrokkenheid(
    {
      geopendOp: casus.startdatum,
      geslotenOp: isOpen(casus, today) ? null : casus.einddatum,
      contactpersoonNaam: casus.regisseurNaam,
      contactpersoonTelefoon: casus.regisseurTelefoon,
    },
    'WIJKTEAM',
  );
}

export const Huishouden = {
  async __resolveReference(ref: HuishoudenRef, ctx: WijkteamContext, info: GraphQLResolveInfo): Promise<WijkteamHuishouden> {
    const parts = partsFor(Selection.of(info, 'Huishouden'));
    return { ...ref, casussen: (await ctx.casussen(parts).load(ref.id)) ?? [] };
  },
  // Status, regisseur and team are SIGNAAL (whom to call); the plan needs INHOUD (Casus.plan).
  casus(h: WijkteamHuishouden, _args: unknown, ctx: WijkteamContext) {
    const casus = currentCasus(h.casussen, today(ctx));
    ctx.access.require(casusAccess(casus, 'SIGNAAL'));
    return casus ?? null;
  },
  contactmomenten(h: WijkteamHuishouden, args: ContactmomentFilter, ctx: WijkteamContext) {
    const eigen = eigenContactmomenten(h.casussen, ctx);
    return mergeContactmomenten([h.wmoContactmomenten, h.cjgContactmomenten, h.werkpleinContactmomenten, eigen], args);
  },
  betrokkenheid(h: WijkteamHuishouden, _args: unknown, ctx: WijkteamContext) {
    const casus = currentCasus(h.casussen, today(ctx));
    const eigen = casus && ctx.access.check(casusAccess(casus, 'SIGNAAL')).allowed ? wijkteamBetrokkenheid(casus, today(ctx)) : null;
    return mergeBetrokkenheid([h.wmoBetrokkenheid, h.cjgBetrokkenheid, h.werkpleinBetrokkenheid, eigen]);
  },
};
