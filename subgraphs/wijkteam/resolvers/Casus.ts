import { amsterdamDate } from '../../kit/dates';
import type { WijkteamContext } from '../context';
import type { CasusRecord } from '../repository';
import { casusAccess, isOpen } from '../toegang';

export const Casus = {
  status: (c: CasusRecord, _args: unknown, ctx: WijkteamContext) => (isOpen(c, amsterdamDate(ctx.clock.now())) ? 'OPEN' : 'GESLOTEN'),
  regisseur: (c: CasusRecord) => ({ naam: c.regisseurNaam, telefoon: c.regisseurTelefoon }),
  // The plan and the registered bases are the wijkteam's records: INHOUD of its own domain.
  plan(c: CasusRecord, _args: unknown, ctx: WijkteamContext) {
    ctx.access.require(casusAccess(c, 'INHOUD'));
    return c.plan ?? null;
  },
  grondslagen(c: CasusRecord, _args: unknown, ctx: WijkteamContext) {
    ctx.access.require(casusAccess(c, 'INHOUD'));
    return c.grondslagen;
  },
};
