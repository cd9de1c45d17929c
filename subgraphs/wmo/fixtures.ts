import { aContactmoment, aDossier, aPersoon, fixtureId } from '../demo/fixtures';
import type { DemoMelding, DemoWmo, DemoWmoVoorziening } from '../demo/types';

export function aMelding(overrides: Partial<DemoMelding> = {}): DemoMelding {
  return { id: fixtureId(), bsn: aPersoon().bsn, meldingsdatum: '2026-10-01', onderwerp: 'Hulp bij het huishouden', status: 'ONTVANGEN', ...overrides };
}

export function aWmoVoorziening(overrides: Partial<DemoWmoVoorziening> = {}): DemoWmoVoorziening {
  return { id: fixtureId(), bsn: aPersoon().bsn, productcategorie: '01', ingangsdatum: '2025-06-01', einddatum: null, ...overrides };
}

export function aWmo(overrides: Partial<DemoWmo> = {}): DemoWmo {
  return { dossier: aDossier(), meldingen: [], voorzieningen: [], contactmomenten: [aContactmoment()], ...overrides };
}
