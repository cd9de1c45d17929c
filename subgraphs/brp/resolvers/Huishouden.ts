import { visibleHuishouden } from '../access';
import type { BrpContext } from '../context';
import type { HuishoudenRecord } from '../repository';

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
  wijk(h: HuishoudenRecord) {
    return { code: h.wijk.code, naam: h.wijk.naam, gemeente: { code: h.wijk.gemeenteCode, naam: h.wijk.gemeenteNaam } };
  },
  // Always loaded with the household (they are the data subjects of the read), so no second query.
  leden: (h: HuishoudenRecord) => h.leden,
};
