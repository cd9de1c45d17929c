import { aContactmoment, aDossier, aPersoon, fixtureId } from '../demo/fixtures';
import type { DemoTraject, DemoUitkering, DemoWerkplein } from '../demo/types';

export function anUitkering(overrides: Partial<DemoUitkering> = {}): DemoUitkering {
  return { id: fixtureId(), bsn: aPersoon().bsn, regeling: 'PARTICIPATIEWET', norm: 'ALLEENSTAANDE', ingangsdatum: '2025-01-01', einddatum: null, ...overrides };
}

export function aTraject(overrides: Partial<DemoTraject> = {}): DemoTraject {
  return { id: fixtureId(), bsn: aPersoon().bsn, soort: 'SCHULDHULP', startdatum: '2026-02-01', einddatum: null, ...overrides };
}

export function aWerkplein(overrides: Partial<DemoWerkplein> = {}): DemoWerkplein {
  return { dossier: aDossier(), uitkeringen: [], trajecten: [], contactmomenten: [aContactmoment()], ...overrides };
}
