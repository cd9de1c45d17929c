import { refusalError, type AccessRequest } from '../kit/auth/access';
import type { BrpContext } from './context';
import type { HuishoudenRecord, PersoonRecord } from './repository';

/**
 * BRP data (name, birth date, address, members) is SIGNAAL level: any professional role with a
 * person-level purpose in the same gemeente. The check runs also when nothing was found, so that a caller
 * without access learns nothing from the difference between "refused" and "no such household"; and a
 * record of another gemeente is null without an error, like one that does not exist (the refusal is logged).
 */
export function visibleHuishouden(ctx: BrpContext, h: HuishoudenRecord | undefined): HuishoudenRecord | null {
  return visible(ctx, h, { domein: 'BRP', niveau: 'SIGNAAL', gemeente: h?.wijk.gemeenteCode, bsns: h?.leden.map((p) => p.bsn) ?? [] });
}

export function visiblePersoon(ctx: BrpContext, p: PersoonRecord | undefined): PersoonRecord | null {
  return visible(ctx, p, { domein: 'BRP', niveau: 'SIGNAAL', gemeente: p?.gemeenteVanInschrijving, bsns: p ? [p.bsn] : [] });
}

/**
 * Browsing the gemeente (its wijken, a page of households) asks, before any household is read, the role and
 * purpose check of every BRP read: about no one yet, so nothing to log. Throws the refusal.
 */
export function requireBrpBrowse(ctx: BrpContext): void {
  visible(ctx, undefined, { domein: 'BRP', niveau: 'SIGNAAL', gemeente: undefined, bsns: [] });
}

function visible<T>(ctx: BrpContext, record: T | undefined, request: AccessRequest): T | null {
  const decision = ctx.access.check(request);
  if (decision.allowed) return record ?? null;
  if (decision.buitenGemeente) return null;
  throw refusalError(decision);
}
