import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entitiesQuery, startTestSubgraph, type TestSubgraph } from '../../test/support/subgraph';
import { aContactmoment, aDossier, aHuishouden, aPersoon } from '../demo/fixtures';
import type { WmoContext } from './context';
import type * as tables from './db/schema';
import { aBeschikteMelding, aMelding, aWmo, aWmoVoorziening } from './fixtures';
import { wmoSubgraph } from './server';

const client = aPersoon();
// The test clock stands on 2026-11-01: a melding of 2026-09-01 is past its six weeks, one of 2026-10-15 is not.
const laat = aMelding({ bsn: client.bsn, meldingsdatum: '2026-09-01', status: 'IN_ONDERZOEK' });
const opTijd = aMelding({ bsn: client.bsn, meldingsdatum: '2026-10-15', status: 'ONTVANGEN' });
const afgerond = aBeschikteMelding({ bsn: client.bsn, meldingsdatum: '2026-01-10' });
const oud = aContactmoment({ tijdstip: '2026-02-01T10:00:00Z' });
const nieuw = aContactmoment({ tijdstip: '2026-10-20T14:15:00Z', kanaal: 'HUISBEZOEK' });
const betrokken = aHuishouden({
  leden: [client],
  wmo: aWmo({
    dossier: aDossier({ geopendOp: '2024-05-01', contactpersoon: { naam: 'Els Bakker', telefoon: '0999-111222' } }),
    meldingen: [afgerond, laat, opTijd],
    voorzieningen: [aWmoVoorziening({ bsn: client.bsn, meldingId: afgerond.id, productcategorie: '13', ingangsdatum: '2024-06-01', einddatum: '2025-01-01', status: 'BEEINDIGD', statusSinds: '2025-01-01' })],
    contactmomenten: [oud, nieuw],
  }),
});
const gesloten = aHuishouden({ wmo: aWmo({ dossier: aDossier({ geopendOp: '2023-01-01', geslotenOp: '2023-06-30' }) }) });
const onbekend = aHuishouden();

const ALL = `id
  wmo { contactpersoon { naam } meldingen { meldingsdatum onderzoekUiterlijk termijnVerstreken } voorzieningen { productcategorie { code naam } status client { bsn } } }
  wmoContactmomenten { id loket kanaal tijdstip }
  wmoBetrokkenheid { loket sinds status contactpersoon { naam telefoon } }`;

describe('wmo subgraph', () => {
  let wmo: TestSubgraph<typeof tables, WmoContext>;
  beforeAll(async () => {
    wmo = await startTestSubgraph(wmoSubgraph, [betrokken, gesloten, onbekend], { rol: 'wmo-consulent' });
  });
  afterAll(() => wmo?.close());

  const representations = [betrokken, gesloten, onbekend].map(({ id }) => ({ __typename: 'Huishouden', id }));

  it('resolves Huishouden entities with dossier, records, contact moments and betrokkenheid in one SQL statement', async () => {
    wmo.service.stats.reset();
    const { data, errors } = await wmo.query<{ _entities: Record<string, unknown>[] }>(entitiesQuery('Huishouden', ALL), { representations });
    expect(errors).toBeUndefined();
    expect(wmo.service.stats.statements).toBe(1);
    const [eerste, tweede, derde] = data!._entities;
    expect(eerste).toMatchObject({
      wmo: {
        contactpersoon: { naam: 'Els Bakker' },
        meldingen: [
          { meldingsdatum: '2026-10-15', onderzoekUiterlijk: '2026-11-26', termijnVerstreken: false },
          { meldingsdatum: '2026-09-01', onderzoekUiterlijk: '2026-10-13', termijnVerstreken: true },
          { meldingsdatum: '2026-01-10', termijnVerstreken: false },
        ],
        voorzieningen: [{ productcategorie: { code: '13', naam: 'Woonvoorzieningen' }, status: 'BEEINDIGD', client: { bsn: client.bsn } }],
      },
      wmoContactmomenten: [
        { id: nieuw.id, loket: 'WMO', kanaal: 'HUISBEZOEK', tijdstip: '2026-10-20T14:15:00.000Z' },
        { id: oud.id, loket: 'WMO', kanaal: 'TELEFOON', tijdstip: '2026-02-01T10:00:00.000Z' },
      ],
      wmoBetrokkenheid: { loket: 'WMO', sinds: '2024-05-01', status: 'OPEN', contactpersoon: { naam: 'Els Bakker', telefoon: '0999-111222' } },
    });
    expect(tweede).toMatchObject({ wmoBetrokkenheid: { status: 'GESLOTEN', sinds: '2023-01-01' } });
    expect(derde).toEqual({ id: onbekend.id, wmo: null, wmoContactmomenten: [], wmoBetrokkenheid: null });
  });

  it('loads only the relations a fetch asks for: betrokkenheid alone is still one statement', async () => {
    wmo.service.stats.reset();
    const { data } = await wmo.query<{ _entities: { wmoBetrokkenheid: { status: string; openStappen: { id: string; stap: string; uiterlijk: string; termijnVerstreken: boolean }[] } | null }[] }>(
      entitiesQuery('Huishouden', 'wmoBetrokkenheid { status openStappen { id stap uiterlijk termijnVerstreken } }'),
      { representations },
    );
    expect(data!._entities.map((h) => h.wmoBetrokkenheid?.status ?? null)).toEqual(['OPEN', 'GESLOTEN', null]);
    // The open steps come with it, from the step columns alone: the late onderzoek first, then the one in time.
    expect(data!._entities[0]!.wmoBetrokkenheid!.openStappen).toEqual([
      { id: laat.id, stap: 'ONDERZOEK', uiterlijk: '2026-10-13', termijnVerstreken: true },
      { id: opTijd.id, stap: 'ONDERZOEK', uiterlijk: '2026-11-26', termijnVerstreken: false },
    ]);
    expect(wmo.service.stats.statements).toBe(1);
  });

  it('keeps the per-loket views out of the public API: they are @inaccessible', async () => {
    const { printSubgraphSchema } = await import('@apollo/subgraph');
    const { buildSubgraphSchema } = await import('@apollo/subgraph');
    const sdl = printSubgraphSchema(buildSubgraphSchema({ typeDefs: wmoSubgraph.typeDefs }));
    expect(sdl).toMatch(/wmoContactmomenten: \[Contactmoment!\]! @inaccessible/);
    expect(sdl).toMatch(/wmoBetrokkenheid: Betrokkenheid @inaccessible/);
  });
});
