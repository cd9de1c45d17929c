import { visibleHuishouden } from '../access';
import type { BrpContext } from '../context';
import type { HuishoudenRecord, WijkRow } from '../repository';

/** A CBS wijk with its gemeente, as the `Wijk` type shows it. */
export function toWijk(w: WijkRow) {
  return { code: w.code, naam: w.naam, gemeente: { code: w.gemeenteCode, naam: w.gemeenteNaam } };
}

export const Huishouden = {
  async __resolveReference(ref: { id: string }, ctx: BrpContext) {
    return visibleHuishouden(ctx, await ctx.huishoudens.load(ref.id));
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
  wijk: (h: HuishoudenRecord) => toWijk(h.wijk),
  // Always loaded with the household (they are the data subjects of the read), so no second query.
  leden: (h: HuishoudenRecord) => h.leden,
};
