import type { Loket } from '../domein';

/** The roles a LoketLink token can carry (claim `rol`). */
export const ROLLEN = [
  'wmo-consulent',
  'cjg-medewerker',
  'werkplein-consulent',
  'wijkteam-medewerker',
  'kcc-medewerker',
  'beleidsmedewerker',
  'fg',
  'inwoner',
] as const;
export type Rol = (typeof ROLLEN)[number];

/**
 * The roles that work with residents. Only they ever see person-level data: a beleidsmedewerker gets
 * aggregates, the functionaris gegevensbescherming (fg) the processing log, a resident their own log.
 */
export const PROFESSIONELE_ROLLEN: readonly Rol[] = [
  'wmo-consulent',
  'cjg-medewerker',
  'werkplein-consulent',
  'wijkteam-medewerker',
  'kcc-medewerker',
];

/** The loket whose records a role works in: its own domain, where it sees content (`INHOUD`). */
export const EIGEN_DOMEIN: Partial<Record<Rol, Loket>> = {
  'wmo-consulent': 'WMO',
  'cjg-medewerker': 'CJG',
  'werkplein-consulent': 'WERKPLEIN',
  'wijkteam-medewerker': 'WIJKTEAM',
};

export function isProfessional(rol: Rol): boolean {
  return PROFESSIONELE_ROLLEN.includes(rol);
}
