import type { GraphQLResolveInfo } from 'graphql';
import { amsterdamDate } from '../../kit/dates';
import { toBetrokkenheid, toContactmoment, type ContactmomentValue } from '../../kit/loket';
import { Selection } from '../../kit/selection';
import type { WijkteamContext } from '../context';
import { mergeBetrokkenheid, mergeContactmomenten, type ContactmomentFilter } from '../merge';
import type { CasusRecord, WijkteamPart } from '../repository';

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

/** The open casus, else the most recent one (casussen come newest first). */
export function currentCasus(casussen: readonly CasusRecord[], today: string): CasusRecord | undefined {
  return casussen.find((c) => c.einddatum === null || c.einddatum >= today) ?? casussen[0];
}

function wijkteamBetrokkenheid(casus: CasusRecord | undefined, today: string) {
  if (!casus) return null;
  const gesloten = casus.einddatum !== null && casus.einddatum < today;
  return toBetrokkenheid(
    {
      geopendOp: casus.startdatum,
      geslotenOp: gesloten ? casus.einddatum : null,
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
  casus(h: WijkteamHuishouden, _args: unknown, ctx: WijkteamContext) {
    return currentCasus(h.casussen, amsterdamDate(ctx.clock.now())) ?? null;
  },
  contactmomenten(h: WijkteamHuishouden, args: ContactmomentFilter) {
    const eigen = h.casussen.flatMap((c) => (c.contactmomenten ?? []).map((row) => toContactmoment(row, 'WIJKTEAM')));
    return mergeContactmomenten([h.wmoContactmomenten, h.cjgContactmomenten, h.werkpleinContactmomenten, eigen], args);
  },
  betrokkenheid(h: WijkteamHuishouden, _args: unknown, ctx: WijkteamContext) {
    const today = amsterdamDate(ctx.clock.now());
    return mergeBetrokkenheid([
      h.wmoBetrokkenheid,
      h.cjgBetrokkenheid,
      h.werkpleinBetrokkenheid,
      wijkteamBetrokkenheid(currentCasus(h.casussen, today), today),
    ]);
  },
};
