/**
 * Test fixtures: builders with partial overrides (`aHuishouden({ leden: [aPersoon()] })`). Every builder
 * returns a complete, valid record with test BSNs only; a test states just what it is about. Loket-specific
 * builders live next to their subgraph and use these.
 */
import { testBsn } from '../kit/bsn';
import { DEMO_REFERENCE_DATE } from './generator';
import type { DemoContactmoment, DemoDossier, DemoHuishouden, DemoPersoon } from './types';

let sequence = 0;
/** Ids and BSNs far above what the demo generator uses, so fixtures never collide with demo data. */
const next = () => ++sequence;

export function fixtureId(): string {
  return `00000000-0000-4000-8000-${next().toString().padStart(12, '0')}`;
}

export function aPersoon(overrides: Partial<DemoPersoon> = {}): DemoPersoon {
  return {
    bsn: testBsn(90_000 - next()),
    voornamen: 'Anna Maria',
    voorvoegsel: 'de',
    geslachtsnaam: 'Vries',
    geboortedatum: '1980-05-17',
    geslacht: 'V',
    ...overrides,
  };
}

export function aHuishouden(overrides: Partial<DemoHuishouden> = {}): DemoHuishouden {
  return {
    id: `999901${(9_000_000_000 + next()).toString()}`,
    straat: 'Dorpsstraat',
    huisnummer: 12,
    huisletter: null,
    huisnummertoevoeging: null,
    postcode: '9999 AA',
    woonplaats: 'Lindeveen',
    gemeenteCode: 'GM9999',
    wijkCode: 'WK999901',
    buurtCode: 'BU99990101',
    leden: [aPersoon()],
    wmo: null,
    cjg: null,
    werkplein: null,
    wijkteam: null,
    ...overrides,
  };
}

export function aDossier(overrides: Partial<DemoDossier> = {}): DemoDossier {
  return {
    id: fixtureId(),
    geopendOp: '2025-03-01',
    geslotenOp: null,
    contactpersoon: { naam: 'Fatima el Amrani', telefoon: '0999-123456' },
    ...overrides,
  };
}

export function aContactmoment(overrides: Partial<DemoContactmoment> = {}): DemoContactmoment {
  return {
    id: fixtureId(),
    tijdstip: `${DEMO_REFERENCE_DATE}T09:30:00Z`,
    kanaal: 'TELEFOON',
    onderwerp: 'Vraag over ondersteuning',
    notitie: 'Teruggebeld, afspraak gemaakt.',
    medewerker: 'Jan Jansen',
    bsn: null,
    ...overrides,
  };
}
