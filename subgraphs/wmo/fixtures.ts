import { aContactmoment, aDossier, aPersoon, fixtureId } from '../demo/fixtures';
import type { DemoMelding, DemoToewijzing, DemoWmo, DemoWmoVoorziening } from '../demo/types';

/** A melding just received; override `status` and the steps' dates for one further on. */
export function aMelding(overrides: Partial<DemoMelding> = {}): DemoMelding {
  return {
    id: fixtureId(),
    bsn: aPersoon().bsn,
    meldingsdatum: '2026-10-01',
    kanaal: 'TELEFOON',
    onderwerp: 'Hulp bij het huishouden',
    status: 'ONTVANGEN',
    clientondersteuningGewenst: false,
    onderzoekGestartOp: null,
    gespreksdatum: null,
    gesprekskanaal: null,
    bevindingen: [],
    verslagVerstuurdOp: null,
    aanvraagOntvangenOp: null,
    beschikkingsdatum: null,
    besluit: null,
    redenAfwijzing: null,
    ingetrokkenOp: null,
    redenIntrekking: null,
    behandelaar: 'Els Bakker',
    ...overrides,
  };
}

/** A melding decided by a grant. */
export function aBeschikteMelding(overrides: Partial<DemoMelding> = {}): DemoMelding {
  return aMelding({
    status: 'BESCHIKT',
    meldingsdatum: '2025-04-01',
    onderzoekGestartOp: '2025-04-03',
    gespreksdatum: '2025-04-10',
    gesprekskanaal: 'HUISBEZOEK',
    bevindingen: [{ domein: 'INSTRUMENTELE_ADL', bevinding: 'Het huishouden lukt niet meer zelfstandig.' }],
    verslagVerstuurdOp: '2025-04-20',
    aanvraagOntvangenOp: '2025-04-22',
    beschikkingsdatum: '2025-05-01',
    besluit: 'TOEGEKEND',
    ...overrides,
  });
}

export function aToewijzing(overrides: Partial<DemoToewijzing> = {}): DemoToewijzing {
  return {
    id: fixtureId(),
    aanbieder: { agbCode: '99010001', naam: 'Thuiszorg Lindeveen' },
    toewijzingsdatum: '2025-05-02',
    ingangsdatum: '2025-06-01',
    einddatum: null,
    leveringBegindatum: '2025-06-01',
    leveringEinddatum: null,
    redenBeeindiging: null,
    ...overrides,
  };
}

/** A voorziening in levering with one toewijzing. */
export function aWmoVoorziening(overrides: Partial<DemoWmoVoorziening> = {}): DemoWmoVoorziening {
  return {
    id: fixtureId(),
    bsn: aPersoon().bsn,
    meldingId: fixtureId(),
    productcategorie: '01',
    productcode: '01A01',
    omvang: { volume: 3, eenheid: 'UUR', frequentie: 'PER_WEEK' },
    leveringsvorm: 'ZIN',
    ingangsdatum: '2025-06-01',
    einddatum: null,
    status: 'IN_LEVERING',
    statusSinds: '2025-06-01',
    redenBeeindiging: null,
    toewijzingen: [aToewijzing()],
    ...overrides,
  };
}

export function aWmo(overrides: Partial<DemoWmo> = {}): DemoWmo {
  return { dossier: aDossier(), meldingen: [], voorzieningen: [], verzoeken: [], contactmomenten: [aContactmoment()], ...overrides };
}
