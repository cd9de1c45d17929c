import { contactpersoon } from '../../kit/loket';
import type { WmoContext } from '../context';
import type { WmoDossierRecord } from '../repository';

export const WmoDossier = {
  contactpersoon,
  async meldingen(d: WmoDossierRecord, _args: unknown, ctx: WmoContext) {
    return d.meldingen ?? (await ctx.dossiers(['meldingen']).load(d.huishoudenId))?.meldingen ?? [];
  },
  async voorzieningen(d: WmoDossierRecord, _args: unknown, ctx: WmoContext) {
    return d.voorzieningen ?? (await ctx.dossiers(['voorzieningen']).load(d.huishoudenId))?.voorzieningen ?? [];
  },
  async verzoekenOmToewijzing(d: WmoDossierRecord, _args: unknown, ctx: WmoContext) {
    return d.verzoeken ?? (await ctx.dossiers(['verzoeken']).load(d.huishoudenId))?.verzoeken ?? [];
  },
};
