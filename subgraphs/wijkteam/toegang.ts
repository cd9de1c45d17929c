import type { AccessRequest, CasusToegang } from '../kit/auth/access';
import type { Actor } from '../kit/auth/token';
import type { CasusRecord, GrondslagRow } from './repository';

/** The open casus, else the most recent one (casussen come newest first). */
export function currentCasus(casussen: readonly CasusRecord[], today: string): CasusRecord | undefined {
  return casussen.find((c) => isOpen(c, today)) ?? casussen[0];
}

export function isOpen(casus: { einddatum: string | null }, today: string): boolean {
  return casus.einddatum === null || casus.einddatum >= today;
}

/** A Grondslag counts today when today is in its period and it has not been revoked. */
export function isActueel(g: GrondslagRow, today: string): boolean {
  return g.ingetrokkenOp === null && g.geldigVan <= today && (g.geldigTot === null || today <= g.geldigTot);
}

export function isCasusLid(casus: CasusRecord, actor: Actor): boolean {
  return actor.rol === 'wijkteam-medewerker' && casus.leden.some((lid) => lid.medewerkerSub === actor.sub);
}

/** The access request for the wijkteam's own data on a casus (its own domain). */
export function casusAccess(casus: CasusRecord | undefined, niveau: 'SIGNAAL' | 'INHOUD'): AccessRequest {
  return { domein: 'WIJKTEAM', niveau, gemeente: casus?.gemeenteCode, bsns: casus?.clienten ?? [] };
}

/**
 * What the lokets need to decide INHOUD for a wijkteam member: is the caller regisseur or team member of
 * the household's active casus (in a gemeente they work for), and which domains does a current Grondslag
 * cover? Computed fresh on every request, so a revocation counts from the next one.
 */
export function casusToegang(actor: Actor, casus: CasusRecord | undefined, today: string): CasusToegang | null {
  if (!casus || !isOpen(casus, today) || !isCasusLid(casus, actor) || !actor.gemeenten.includes(casus.gemeenteCode)) return null;
  const grondslagen = casus.grondslagen
    .filter((g) => isActueel(g, today))
    .flatMap((g) => g.domeinen.filter((d) => d !== 'WIJKTEAM').map((domein) => ({ domein, soort: g.soort })));
  return { huishoudenId: casus.huishoudenId, casusId: casus.id, grondslagen };
}
