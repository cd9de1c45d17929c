import { aContactmoment, aDossier, aPersoon, fixtureId } from '../demo/fixtures';
import type { DemoCjg, DemoJeugdhulptraject } from '../demo/types';

export function aJeugdhulptraject(overrides: Partial<DemoJeugdhulptraject> = {}): DemoJeugdhulptraject {
  return { id: fixtureId(), bsn: aPersoon().bsn, productcategorie: '45', startdatum: '2026-03-01', einddatum: null, ...overrides };
}

export function aCjg(overrides: Partial<DemoCjg> = {}): DemoCjg {
  return { dossier: aDossier(), jeugdhulptrajecten: [], contactmomenten: [aContactmoment()], ...overrides };
}
