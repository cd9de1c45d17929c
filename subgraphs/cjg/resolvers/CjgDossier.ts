import { contactpersoon } from '../../kit/loket';
import type { CjgContext } from '../context';
import type { CjgDossierRecord } from '../repository';

export const CjgDossier = {
  contactpersoon,
  async jeugdhulptrajecten(d: CjgDossierRecord, _args: unknown, ctx: CjgContext) {
    return d.jeugdhulptrajecten ?? (await ctx.dossiers(['jeugdhulptrajecten']).load(d.huishoudenId))?.jeugdhulptrajecten ?? [];
  },
};
