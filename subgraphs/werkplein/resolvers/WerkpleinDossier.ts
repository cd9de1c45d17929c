import { contactpersoon } from '../../kit/loket';
import type { WerkpleinContext } from '../context';
import type { WerkpleinDossierRecord } from '../repository';

export const WerkpleinDossier = {
  contactpersoon,
  async uitkeringen(d: WerkpleinDossierRecord, _args: unknown, ctx: WerkpleinContext) {
    return d.uitkeringen ?? (await ctx.dossiers(['uitkeringen']).load(d.huishoudenId))?.uitkeringen ?? [];
  },
  async trajecten(d: WerkpleinDossierRecord, _args: unknown, ctx: WerkpleinContext) {
    return d.trajecten ?? (await ctx.dossiers(['trajecten']).load(d.huishoudenId))?.trajecten ?? [];
  },
};
