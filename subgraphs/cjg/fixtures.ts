import { aContactmoment, aDossier, aPersoon, fixtureId } from '../demo/fixtures';
import type { DemoCjg, DemoJeugdhulptraject } from '../demo/types';

/** A traject in care since March 2026 after the gemeente's beschikking; override for other stages. */
export function aJeugdhulptraject(overrides: Partial<DemoJeugdhulptraject> = {}): DemoJeugdhulptraject {
  return {
    id: fixtureId(),
    bsn: aPersoon().bsn,
    productcategorie: '45',
    omvang: { volume: 6, eenheid: 'UUR', frequentie: 'PER_MAAND' },
    status: 'IN_ZORG',
    statusSinds: '2026-03-01',
    verwijzer: 'GEMEENTE',
    verwijsdatum: '2026-01-10',
    aanvraagOntvangenOp: '2026-01-10',
    beschikkingsdatum: '2026-02-15',
    besluit: 'TOEGEKEND',
    ingangsdatum: '2026-03-01',
    geldigTot: '2027-02-28',
    aanbieder: { agbCode: '99020001', naam: 'Jeugdhulp Lindeveen' },
    toewijzingsdatum: '2026-02-20',
    toewijzingIngangsdatum: '2026-03-01',
    startdatum: '2026-03-01',
    einddatum: null,
    redenBeeindiging: null,
    behandelaar: 'Fatma Yilmaz',
    ...overrides,
  };
}

export function aCjg(overrides: Partial<DemoCjg> = {}): DemoCjg {
  return { dossier: aDossier(), jeugdhulptrajecten: [], contactmomenten: [aContactmoment()], ...overrides };
}
