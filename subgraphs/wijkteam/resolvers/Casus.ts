import { amsterdamDate } from '../../kit/dates';
import type { WijkteamContext } from '../context';
import type { CasusRecord } from '../repository';

export const Casus = {
  status: (c: CasusRecord, _args: unknown, ctx: WijkteamContext) =>
    c.einddatum !== null && c.einddatum < amsterdamDate(ctx.clock.now()) ? 'GESLOTEN' : 'OPEN',
  regisseur: (c: CasusRecord) => ({ naam: c.regisseurNaam, telefoon: c.regisseurTelefoon }),
  plan: (c: CasusRecord) => c.plan ?? null,
};
