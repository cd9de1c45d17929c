import type { GraphQLResolveInfo } from 'graphql';
import { Selection } from '../../kit/selection';
import type { BrpContext } from '../context';
import type { HuishoudenPart, HuishoudenRecord } from '../repository';

/** The relations a selection on `Huishouden` needs loaded with the household row. */
export function huishoudenParts(selection: Selection): HuishoudenPart[] {
  return selection.has('leden') ? ['leden'] : [];
}

export const Huishouden = {
  async __resolveReference(ref: { id: string }, ctx: BrpContext, info: GraphQLResolveInfo) {
    return ctx.huishoudens(huishoudenParts(Selection.of(info, 'Huishouden'))).load(ref.id);
  },
  adres(h: HuishoudenRecord) {
    const nummer = `${h.huisnummer}${h.huisletter ?? ''}${h.huisnummertoevoeging ? `-${h.huisnummertoevoeging}` : ''}`;
    return {
      straat: h.straat,
      huisnummer: h.huisnummer,
      huisletter: h.huisletter,
      huisnummertoevoeging: h.huisnummertoevoeging,
      postcode: h.postcode,
      woonplaats: h.woonplaats,
      adresregel1: `${h.straat} ${nummer}`,
      adresregel2: `${h.postcode}  ${h.woonplaats}`,
    };
  },
  wijk(h: HuishoudenRecord) {
    return { code: h.wijk.code, naam: h.wijk.naam, gemeente: { code: h.wijk.gemeenteCode, naam: h.wijk.gemeenteNaam } };
  },
  async leden(h: HuishoudenRecord, _args: unknown, ctx: BrpContext) {
    // Loaded with the row when the selection asked for it; the loader is the fallback for other paths.
    return h.leden ?? (await ctx.huishoudens(['leden']).load(h.id))?.leden ?? [];
  },
};
