import { aContactmoment, fixtureId } from '../demo/fixtures';
import type { DemoCasus, DemoGrondslag, DemoPlan, DemoPlanDoel, DemoWijkteam } from '../demo/types';

export function aDoel(overrides: Partial<DemoPlanDoel> = {}): DemoPlanDoel {
  return { id: fixtureId(), domein: 'FINANCIEN', scoreStart: 2, scoreActueel: 3, omschrijving: 'Schulden in beeld en een budgetplan', ...overrides };
}

export function aPlan(overrides: Partial<DemoPlan> = {}): DemoPlan {
  return { id: fixtureId(), vastgesteldOp: '2026-04-01', doelen: [aDoel()], ...overrides };
}

export function aCasus(overrides: Partial<DemoCasus> = {}): DemoCasus {
  return {
    id: fixtureId(),
    startdatum: '2026-03-15',
    einddatum: null,
    regisseur: { sub: 'wijkteam-01-1', naam: 'Sanne Visser', telefoon: '0999-654321' },
    team: 'Wijkteam Centrum',
    leden: [
      { sub: 'wijkteam-01-1', naam: 'Sanne Visser', rol: 'REGISSEUR' },
      { sub: 'wijkteam-01-2', naam: 'Daan de Boer', rol: 'TEAMLID' },
    ],
    grondslagen: [],
    plan: aPlan(),
    ...overrides,
  };
}

export function aWijkteam(overrides: Partial<DemoWijkteam> = {}): DemoWijkteam {
  return { casus: aCasus(), contactmomenten: [aContactmoment()], ...overrides };
}

export function aGrondslag(overrides: Partial<DemoGrondslag> = {}): DemoGrondslag {
  return {
    id: fixtureId(),
    soort: 'TOESTEMMING',
    domeinen: ['WMO'],
    geldigVan: '2026-03-20',
    geldigTot: null,
    toelichting: 'Toestemming van het huishouden om Wmo-gegevens te delen.',
    vastgelegdDoor: 'Sanne Visser',
    ...overrides,
  };
}
