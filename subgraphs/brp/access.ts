import type { BrpContext } from './context';
import type { HuishoudenRecord, PersoonRecord } from './repository';

/**
 * BRP data (name, birth date, address, members) is SIGNAAL level: any professional role with a
 * person-level purpose in the same gemeente. The check runs also when nothing was found, so that a caller
 * without access learns nothing from the difference between "refused" and "no such household".
 */
export function visibleHuishouden(ctx: BrpContext, h: HuishoudenRecord | undefined): HuishoudenRecord | null {
  ctx.access.require({ domein: 'BRP', niveau: 'SIGNAAL', gemeente: h?.wijk.gemeenteCode, bsns: h?.leden.map((p) => p.bsn) ?? [] });
  return h ?? null;
}

export function visiblePersoon(ctx: BrpContext, p: PersoonRecord | undefined): PersoonRecord | null {
  ctx.access.require({ domein: 'BRP', niveau: 'SIGNAAL', gemeente: p?.gemeenteVanInschrijving, bsns: p ? [p.bsn] : [] });
  return p ?? null;
}
