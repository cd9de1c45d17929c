/**
 * The Wmo and Jeugd chains end to end, through the gateway over real HTTP, as a loket application sends
 * them (the operations are schema/operations.ts'): every step shows on the next request, at the level the
 * caller may see; retries store nothing twice; stale versions and steps out of order are refused with a
 * code of their own; another loket's staff are refused, and the refusal is logged.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ASSIGN_WMO_TOEWIJZING,
  ASSIGN_JEUGDHULP_TOEWIJZING,
  CJG_WERKVOORRAAD,
  RECORD_JEUGDHULP_BESCHIKKING,
  RECORD_WMO_BESCHIKKING,
  RECORD_WMO_VERSLAG,
  REGISTER_JEUGDHULP_VERWIJZING,
  REGISTER_WMO_AANVRAAG,
  REGISTER_WMO_CONTACTMOMENT,
  REGISTER_WMO_MELDING,
  START_JEUGDHULP,
  START_WMO_LEVERING,
  START_WMO_ONDERZOEK,
  STOP_JEUGDHULP,
  WMO_WERKVOORRAAD,
} from '../schema/operations';
import { findExampleHuishouden, generateHuishoudens } from '../subgraphs/demo/generator';
import type { DemoHuishouden } from '../subgraphs/demo/types';
import { subgraphDefinitions } from '../subgraphs/index';
import type { Caller } from './support/auth';
import { startTestHub, type GraphQLResponse, type TestHub } from './support/hub';

const DEMO = { households: 40, seed: 11 };
const CONSULENT: Caller = { rol: 'wmo-consulent', sub: 'wmo-consulent-e2e', naam: 'Els Bakker' };
const BACKOFFICE: Caller = { rol: 'wmo-consulent', sub: 'wmo-backoffice-e2e', naam: 'Joost Smit' };
const CJG: Caller = { rol: 'cjg-medewerker', sub: 'cjg-e2e', naam: 'Fatma Yilmaz' };
const KCC: Caller = { rol: 'kcc-medewerker', sub: 'kcc-e2e', naam: 'Kim de Boer' };
const BUITENSTAANDER: Caller = { rol: 'wijkteam-medewerker', sub: 'wijkteam-not-on-the-casus', naam: 'Piet Jansen' };

/** The household picture's Wmo part, as a regisseur or anyone else reads it. */
const PICTURE = /* GraphQL */ `
  query Picture($id: ID!) {
    huishouden(id: $id) {
      betrokkenheid { loket openStappen { id stap sinds uiterlijk termijnBron termijnVerstreken behandelaar } }
      contactmomenten { id loket kanaal onderwerp }
      wmo { meldingen { id status onderzoekUiterlijk onderzoek { verslagVerstuurdOp bevindingen { domein } } aanvraag { beschikkingUiterlijk } beschikking { besluit voorzieningen { id processtatus } } } }
      cjg { jeugdhulptrajecten { id processtatus verwijzer } }
    }
  }
`;

interface Stap {
  id: string;
  stap: string;
  sinds: string;
  uiterlijk: string | null;
  termijnBron: string | null;
  termijnVerstreken: boolean;
  behandelaar: string | null;
}
interface Picture {
  huishouden: {
    betrokkenheid: { loket: string; openStappen: Stap[] }[] | null;
    contactmomenten: { id: string; loket: string; kanaal: string; onderwerp: string | null }[] | null;
    wmo: { meldingen: { id: string; status: string; onderzoek: unknown; aanvraag: unknown; beschikking: { besluit: string; voorzieningen: { id: string; processtatus: string }[] } | null }[] } | null;
    cjg: { jeugdhulptrajecten: { id: string; processtatus: string; verwijzer: string }[] } | null;
  };
}

type Data = Record<string, Record<string, unknown> | null>;

const JEUGDHULP_STAP: Record<string, string> = {
  recordJeugdhulpBeschikking: RECORD_JEUGDHULP_BESCHIKKING,
  assignJeugdhulpToewijzing: ASSIGN_JEUGDHULP_TOEWIJZING,
  startJeugdhulp: START_JEUGDHULP,
  stopJeugdhulp: STOP_JEUGDHULP,
};

function codes(response: GraphQLResponse<unknown>): string[] {
  return (response.errors ?? []).map((e) => e.extensions?.code ?? '?');
}

describe('the Wmo and Jeugd chains through the gateway', () => {
  let hub: TestHub;
  let example: DemoHuishouden;
  let regisseur: Caller;
  let client: string;

  const send = <T = Data>(query: string, input: Record<string, unknown>, caller: Caller) => hub.query<T>(query, { input }, caller);
  const picture = (caller: Caller) => hub.query<Picture>(PICTURE, { id: example.id }, caller);
  const wmoStappen = (p: GraphQLResponse<Picture>) => p.data!.huishouden.betrokkenheid!.find((b) => b.loket === 'WMO')!.openStappen;
  const meldingen = async (bsn: string) => {
    const { melding } = subgraphDefinitions.wmo.tables as typeof import('../subgraphs/wmo/db/schema');
    return hub.services.wmo.db.select().from(melding).where(eq(melding.bsn, bsn));
  };

  beforeAll(async () => {
    example = findExampleHuishouden(DEMO)!;
    const casus = example.wijkteam!.casus;
    regisseur = { rol: 'wijkteam-medewerker', sub: casus.regisseur.sub, naam: casus.regisseur.naam };
    // A Grondslag of the example casus covers WMO and CJG (the generator makes it so).
    expect(casus.grondslagen[0]!.domeinen).toEqual(expect.arrayContaining(['WMO', 'CJG']));
    client = example.leden[0]!.bsn;
    hub = await startTestHub(DEMO, CONSULENT);
  });
  afterAll(() => hub?.close());

  describe('the Wmo chain', () => {
    let meldingId: string;
    let version: number;
    let voorzieningId: string;

    it('registers a melding with its terms (six weeks, running on past a Sunday), and a retry stores nothing twice', async () => {
      const before = (await meldingen(client)).length;
      const input = { idempotencyKey: 'melding-e2e-0001', bsn: client, kanaal: 'TELEFOON', onderwerp: 'Hulp bij het huishouden', clientondersteuningGewenst: true };
      const first = await send<{ registerWmoMelding: { meldingId: string; onderzoekUiterlijk: string; persoonlijkPlanUiterlijk: string; melding: { status: string; version: number } } }>(REGISTER_WMO_MELDING, input, CONSULENT);
      expect(first.errors).toBeUndefined();
      // The test clock stands on Sunday 1 November 2026: six weeks is Sunday 13 December, so Monday the 14th.
      expect(first.data!.registerWmoMelding).toMatchObject({ onderzoekUiterlijk: '2026-12-14', persoonlijkPlanUiterlijk: '2026-11-09', melding: { status: 'ONTVANGEN', version: 1 } });
      meldingId = first.data!.registerWmoMelding.meldingId;
      version = 1;
      const retry = await send<{ registerWmoMelding: { meldingId: string } }>(REGISTER_WMO_MELDING, input, CONSULENT);
      expect(retry.data!.registerWmoMelding.meldingId).toBe(meldingId);
      expect((await meldingen(client)).length).toBe(before + 1);
      // The same key with other input, or by someone else, is refused and tells nothing.
      const other = await send(REGISTER_WMO_MELDING, { ...input, onderwerp: 'Woningaanpassing' }, CONSULENT);
      expect(codes(other)).toEqual(['BAD_USER_INPUT']);
      expect(codes(await send(REGISTER_WMO_MELDING, input, BACKOFFICE))).toEqual(['BAD_USER_INPUT']);
    });

    it('shows the new melding to the regisseur with a Grondslag, and only its open step to a wijkteam member without one', async () => {
      const ziet = await picture(regisseur);
      expect(ziet.data!.huishouden.wmo!.meldingen.find((m) => m.id === meldingId)).toMatchObject({ status: 'ONTVANGEN' });
      expect(wmoStappen(ziet)).toContainEqual(expect.objectContaining({ id: meldingId, stap: 'ONDERZOEK', uiterlijk: '2026-12-14', termijnBron: 'Wmo 2015 art. 2.3.2 lid 1', behandelaar: 'Els Bakker' }));
      const signaal = await picture(BUITENSTAANDER);
      expect(signaal.data!.huishouden.wmo).toBeNull();
      expect(codes(signaal)).toContain('FORBIDDEN');
      expect(wmoStappen(signaal)).toContainEqual(expect.objectContaining({ id: meldingId, stap: 'ONDERZOEK' }));
    });

    it('refuses a stale version with VERSION_CONFLICT and a step out of order with INVALID_TRANSITION naming the state', async () => {
      const tooEarly = await send(RECORD_WMO_BESCHIKKING, { meldingId, version, datum: '2026-11-01', besluit: 'AFGEWEZEN', redenAfwijzing: 'Geen aanvraag gedaan.' }, CONSULENT);
      expect(codes(tooEarly)).toEqual(['INVALID_TRANSITION']);
      expect(tooEarly.errors![0]!.extensions).toMatchObject({ status: 'ONTVANGEN', stap: 'recordBeschikking' });
      const started = await send<{ startWmoOnderzoek: { status: string; version: number } }>(START_WMO_ONDERZOEK, { meldingId, version }, CONSULENT);
      expect(started.data!.startWmoOnderzoek).toEqual({ id: meldingId, status: 'IN_ONDERZOEK', version: 2 });
      expect(codes(await send(START_WMO_ONDERZOEK, { meldingId, version }, CONSULENT))).toEqual(['VERSION_CONFLICT']);
      version = 2;
    });

    it('records the brede intake and verslag once: a second verslag is INVALID_TRANSITION', async () => {
      const verslag = { meldingId, version, gespreksdatum: '2026-11-01', gesprekskanaal: 'HUISBEZOEK', verslagVerstuurdOp: '2026-11-01', bevindingen: [{ domein: 'INSTRUMENTELE_ADL', bevinding: 'Het huishouden lukt niet meer.' }, { domein: 'SOCIAAL_NETWERK', bevinding: 'Dochter helpt op zaterdag.' }] };
      const first = await send<{ recordWmoVerslag: { status: string; version: number } }>(RECORD_WMO_VERSLAG, verslag, CONSULENT);
      expect(first.data!.recordWmoVerslag).toMatchObject({ status: 'ONDERZOEK_AFGEROND', version: 3 });
      version = 3;
      const second = await send(RECORD_WMO_VERSLAG, { ...verslag, version }, CONSULENT);
      expect(codes(second)).toEqual(['INVALID_TRANSITION']);
      expect(second.errors![0]!.extensions).toMatchObject({ status: 'ONDERZOEK_AFGEROND' });
      const invalid = await send(RECORD_WMO_VERSLAG, { ...verslag, bevindingen: [] }, CONSULENT);
      expect(invalid.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bevindingen' });
    });

    it('takes the aanvraag to the backoffice, whose beschikking is due in two weeks, and grants a voorziening', async () => {
      const aanvraag = await send<{ registerWmoAanvraag: { status: string; aanvraag: { beschikkingUiterlijk: string }; behandelaar: string } }>(REGISTER_WMO_AANVRAAG, { meldingId, version, ontvangenOp: '2026-11-01' }, BACKOFFICE);
      expect(aanvraag.data!.registerWmoAanvraag).toMatchObject({ status: 'AANVRAAG_ONTVANGEN', aanvraag: { beschikkingUiterlijk: '2026-11-16' }, behandelaar: 'Joost Smit' });
      version = 4;
      expect(wmoStappen(await picture(regisseur))).toContainEqual(expect.objectContaining({ id: meldingId, stap: 'BESCHIKKING', uiterlijk: '2026-11-16', behandelaar: 'Joost Smit' }));
      const product = { productcategorie: '01', productcode: '01A01', omvang: { volume: 3, eenheid: 'UUR', frequentie: 'PER_WEEK' }, leveringsvorm: 'ZIN', ingangsdatum: '2026-11-09', einddatum: '2027-11-08' };
      const beschikt = await send<{ recordWmoBeschikking: { status: string; beschikking: { besluit: string; voorzieningen: { id: string; processtatus: string; version: number; openStap: { stap: string; uiterlijk: string } }[] } } }>(
        RECORD_WMO_BESCHIKKING,
        { meldingId, version, datum: '2026-11-01', besluit: 'TOEGEKEND', producten: [product] },
        BACKOFFICE,
      );
      expect(beschikt.errors).toBeUndefined();
      const [voorziening] = beschikt.data!.recordWmoBeschikking.beschikking.voorzieningen;
      expect(voorziening).toMatchObject({ processtatus: 'TOEGEKEND', version: 1, openStap: { stap: 'TOEWIJZING', uiterlijk: '2026-11-09' } });
      voorzieningId = voorziening!.id;
      const ziet = await picture(regisseur);
      expect(ziet.data!.huishouden.wmo!.meldingen.find((m) => m.id === meldingId)!.beschikking).toEqual({ besluit: 'TOEGEKEND', voorzieningen: [{ id: voorzieningId, processtatus: 'TOEGEKEND' }] });
    });

    it('assigns the voorziening to an aanbieder once (iWmo 301) and refuses a levering before that', async () => {
      const early = await send(START_WMO_LEVERING, { voorzieningId, version: 1, begindatum: '2026-11-01' }, CONSULENT);
      expect(codes(early)).toEqual(['INVALID_TRANSITION']);
      expect(early.errors![0]!.extensions).toMatchObject({ status: 'TOEGEKEND', stap: 'startLevering' });
      const input = { idempotencyKey: 'toewijzing-e2e-0001', voorzieningId, version: 1, aanbieder: { agbCode: '99010001', naam: 'Thuiszorg Lindeveen' }, toewijzingsdatum: '2026-11-01', ingangsdatum: '2026-11-09' };
      const first = await send<{ assignWmoToewijzing: { processtatus: string; version: number; toewijzingen: { toewijzingnummer: number; aanbieder: { naam: string } }[] } }>(ASSIGN_WMO_TOEWIJZING, input, CONSULENT);
      expect(first.errors).toBeUndefined();
      expect(first.data!.assignWmoToewijzing).toMatchObject({ processtatus: 'TOEGEWEZEN', version: 2, toewijzingen: [{ aanbieder: { naam: 'Thuiszorg Lindeveen' } }] });
      const retry = await send<{ assignWmoToewijzing: { toewijzingen: unknown[] } }>(ASSIGN_WMO_TOEWIJZING, input, CONSULENT);
      expect(retry.data!.assignWmoToewijzing.toewijzingen).toEqual(first.data!.assignWmoToewijzing.toewijzingen);
      expect(wmoStappen(await picture(regisseur))).toContainEqual(expect.objectContaining({ id: voorzieningId, stap: 'LEVERING', uiterlijk: '2026-11-09' }));
    });

    it('puts a Wmo contact moment in the household’s timeline on the next request, at the level each caller may see', async () => {
      const input = { idempotencyKey: 'contact-e2e-0001', bsn: client, tijdstip: '2026-11-01T09:30:00Z', kanaal: 'BALIE', onderwerp: 'Vraag over de eigen bijdrage', notitie: 'Uitgelegd hoe de eigen bijdrage werkt.' };
      const saved = await send<{ registerWmoContactmoment: { id: string; onderwerp: string } }>(REGISTER_WMO_CONTACTMOMENT, input, CONSULENT);
      expect(saved.data!.registerWmoContactmoment.onderwerp).toBe('Vraag over de eigen bijdrage');
      const id = saved.data!.registerWmoContactmoment.id;
      const retry = await send<{ registerWmoContactmoment: { id: string } }>(REGISTER_WMO_CONTACTMOMENT, input, CONSULENT);
      expect(retry.data!.registerWmoContactmoment.id).toBe(id);
      const ziet = await picture(regisseur);
      expect(ziet.data!.huishouden.contactmomenten![0]).toEqual({ id, loket: 'WMO', kanaal: 'BALIE', onderwerp: 'Vraag over de eigen bijdrage' });
      expect(ziet.data!.huishouden.contactmomenten!.filter((c) => c.id === id)).toHaveLength(1);
      const signaal = await picture(BUITENSTAANDER);
      expect(signaal.data!.huishouden.contactmomenten![0]).toEqual({ id, loket: 'WMO', kanaal: 'BALIE', onderwerp: null });
    });

    it('lets the KCC hand a melding over without ever reading its content', async () => {
      const handed = await send<{ registerWmoMelding: { meldingId: string; onderzoekUiterlijk: string; melding: unknown } }>(
        REGISTER_WMO_MELDING,
        { idempotencyKey: 'melding-kcc-0001', bsn: client, kanaal: 'TELEFOON', onderwerp: 'Scootmobiel' },
        KCC,
      );
      expect(handed.data!.registerWmoMelding).toMatchObject({ onderzoekUiterlijk: '2026-12-14', melding: null });
      expect(codes(handed)).toEqual(['FORBIDDEN']);
      const kcc = await picture(KCC);
      expect(kcc.data!.huishouden.wmo).toBeNull();
      expect(wmoStappen(kcc)).toContainEqual(expect.objectContaining({ id: handed.data!.registerWmoMelding.meldingId, stap: 'ONDERZOEK', behandelaar: expect.any(String) }));
    });

    it('opens the Wmo file on a household the Wmo did not know, which betrokkenheid shows on the next request', async () => {
      const nieuw = [...generateHuishoudens(DEMO)].find((h) => h.wmo === null && h.wijkteam === null)!;
      const vraag = `query($id: ID!) { huishouden(id: $id) { betrokkenheid { loket sinds contactpersoon { naam } openStappen { stap uiterlijk } } } }`;
      type B = { huishouden: { betrokkenheid: { loket: string; sinds: string; contactpersoon: { naam: string }; openStappen: { stap: string; uiterlijk: string }[] }[] } };
      const voor = await hub.query<B>(vraag, { id: nieuw.id }, KCC);
      expect(voor.data!.huishouden.betrokkenheid.map((b) => b.loket)).not.toContain('WMO');
      const melding = await send(REGISTER_WMO_MELDING, { idempotencyKey: 'melding-nieuw-0001', bsn: nieuw.leden[0]!.bsn, kanaal: 'BALIE', onderwerp: 'Rolstoel' }, CONSULENT);
      expect(melding.errors).toBeUndefined();
      const na = await hub.query<B>(vraag, { id: nieuw.id }, KCC);
      expect(na.data!.huishouden.betrokkenheid.find((b) => b.loket === 'WMO')).toEqual({
        loket: 'WMO', sinds: '2026-11-01', contactpersoon: { naam: 'Els Bakker' }, openStappen: [{ stap: 'ONDERZOEK', uiterlijk: '2026-12-14' }],
      });
    });

    it('refuses a write by another loket’s staff, and logs the refusal', async () => {
      const refused = await send(REGISTER_WMO_MELDING, { idempotencyKey: 'melding-cjg-0001', bsn: client, kanaal: 'BALIE', onderwerp: 'Rolstoel' }, CJG);
      expect(codes(refused)).toEqual(['FORBIDDEN']);
      const { verwerking } = subgraphDefinitions.wmo.tables as typeof import('../subgraphs/wmo/db/schema');
      const logged = await hub.services.wmo.db.select().from(verwerking).where(and(eq(verwerking.actorSub, 'cjg-e2e'), eq(verwerking.handeling, 'SCHRIJVEN')));
      expect(logged).toEqual([expect.objectContaining({ resultaat: 'GEWEIGERD', weigering: 'FORBIDDEN', operatie: expect.any(String) })]);
      expect((await meldingen(client)).filter((m) => m.onderwerp === 'Rolstoel')).toEqual([]);
    });

    it('refuses bad input with BAD_USER_INPUT naming the field, and a resident of another gemeente as unknown', async () => {
      const bad = await send(REGISTER_WMO_MELDING, { idempotencyKey: 'melding-bad-0001', bsn: '123456789', kanaal: 'BALIE', onderwerp: 'Rolstoel' }, CONSULENT);
      expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bsn' });
      const future = await send(REGISTER_WMO_MELDING, { idempotencyKey: 'melding-bad-0002', bsn: client, kanaal: 'BALIE', onderwerp: 'Rolstoel', meldingsdatum: '2027-01-01' }, CONSULENT);
      expect(future.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'meldingsdatum' });
      const elsewhere = await send(REGISTER_WMO_MELDING, { idempotencyKey: 'melding-bad-0003', bsn: client, kanaal: 'BALIE', onderwerp: 'Rolstoel' }, { ...CONSULENT, gemeenten: ['GM0001'] });
      expect(codes(elsewhere)).toEqual(['NOT_FOUND']);
      expect(codes(await send(START_WMO_ONDERZOEK, { meldingId, version: 4 }, { ...CONSULENT, gemeenten: ['GM0001'] }))).toEqual(['NOT_FOUND']);
      expect(codes(await send(START_WMO_ONDERZOEK, { meldingId: 'not-a-uuid', version: 1 }, CONSULENT))).toEqual(['NOT_FOUND']);
    });

    it('lists the open steps in the Wmo work list, most urgent first, one statement per page', async () => {
      hub.resetCounters();
      const page = await hub.query<{ wmoWerkvoorraad: { items: { stap: { id: string; stap: string; uiterlijk: string | null }; huishouden: { id: string }; onderwerp: string }[]; hasNextPage: boolean; endCursor: string } }>(
        WMO_WERKVOORRAAD,
        { filter: { stappen: ['ONDERZOEK', 'LEVERING'] }, first: 100 },
        CONSULENT,
      );
      expect(page.errors).toBeUndefined();
      expect(hub.counters().wmo.statements).toBe(1);
      const items = page.data!.wmoWerkvoorraad.items;
      expect(items.map((i) => i.stap.stap).every((s) => s === 'ONDERZOEK' || s === 'LEVERING')).toBe(true);
      const dates = items.map((i) => i.stap.uiterlijk ?? '9999');
      expect(dates).toEqual([...dates].sort());
      expect(items).toContainEqual(expect.objectContaining({ stap: expect.objectContaining({ id: voorzieningId, stap: 'LEVERING' }), onderwerp: 'Hulp bij het huishouden', huishouden: { id: example.id } }));
      expect(codes(await hub.query(WMO_WERKVOORRAAD, { first: 10 }, regisseur))).toEqual(['FORBIDDEN']);
    });
  });

  describe('the Jeugd chain', () => {
    let kind: string;
    beforeAll(() => {
      kind = example.leden.find((p) => p.geboortedatum > '2010-01-01')?.bsn ?? example.leden.at(-1)!.bsn;
    });

    it('takes a CJG verwijzing through the beschikking (eight weeks), toewijzing, start and stop of care', async () => {
      const verwezen = await send<{ registerJeugdhulpVerwijzing: { id: string; processtatus: string; version: number; aanvraag: { beschikkingUiterlijk: string } } }>(
        REGISTER_JEUGDHULP_VERWIJZING,
        { idempotencyKey: 'verwijzing-e2e-0001', bsn: kind, verwijzer: 'GEMEENTE', verwijsdatum: '2026-10-01', productcategorie: '45', omvang: { volume: 6, eenheid: 'UUR', frequentie: 'PER_MAAND' } },
        CJG,
      );
      expect(verwezen.errors).toBeUndefined();
      // Eight weeks after Thursday 1 October 2026: Thursday 26 November.
      expect(verwezen.data!.registerJeugdhulpVerwijzing).toMatchObject({ processtatus: 'AANVRAAG_ONTVANGEN', version: 1, aanvraag: { beschikkingUiterlijk: '2026-11-26' } });
      const id = verwezen.data!.registerJeugdhulpVerwijzing.id;
      const retry = await send<{ registerJeugdhulpVerwijzing: { id: string } }>(
        REGISTER_JEUGDHULP_VERWIJZING,
        { idempotencyKey: 'verwijzing-e2e-0001', bsn: kind, verwijzer: 'GEMEENTE', verwijsdatum: '2026-10-01', productcategorie: '45', omvang: { volume: 6, eenheid: 'UUR', frequentie: 'PER_MAAND' } },
        CJG,
      );
      expect(retry.data!.registerJeugdhulpVerwijzing.id).toBe(id);
      const stap = (mutation: string, input: Record<string, unknown>) => send<Record<string, { processtatus: string; version: number }>>(JEUGDHULP_STAP[mutation]!, { trajectId: id, ...input }, CJG);
      expect(codes(await stap('startJeugdhulp', { version: 1, startdatum: '2026-10-20' }))).toEqual(['INVALID_TRANSITION']);
      expect((await stap('recordJeugdhulpBeschikking', { version: 1, datum: '2026-10-15', besluit: 'TOEGEKEND', ingangsdatum: '2026-10-20', geldigTot: '2027-04-19' })).data).toMatchObject({ recordJeugdhulpBeschikking: { processtatus: 'TOEGEKEND', version: 2 } });
      expect((await stap('assignJeugdhulpToewijzing', { version: 2, aanbieder: { agbCode: '99020001', naam: 'Jeugdhulp Lindeveen' }, toewijzingsdatum: '2026-10-16', ingangsdatum: '2026-10-20' })).data).toMatchObject({ assignJeugdhulpToewijzing: { processtatus: 'TOEGEWEZEN' } });
      expect((await stap('startJeugdhulp', { version: 3, startdatum: '2026-10-20' })).data).toMatchObject({ startJeugdhulp: { processtatus: 'IN_ZORG' } });
      expect((await stap('stopJeugdhulp', { version: 4, einddatum: '2026-10-30', redenBeeindiging: 'Doelen behaald' })).data).toMatchObject({ stopJeugdhulp: { processtatus: 'BEEINDIGD', version: 5 } });
      const ziet = await picture(regisseur);
      expect(ziet.data!.huishouden.cjg!.jeugdhulptrajecten).toContainEqual({ id, processtatus: 'BEEINDIGD', verwijzer: 'GEMEENTE' });
    });

    it('takes a huisarts’ verwijzing to the toewijzing without a beschikking', async () => {
      const verwezen = await send<{ registerJeugdhulpVerwijzing: { id: string; processtatus: string; openStap: { stap: string } } }>(
        REGISTER_JEUGDHULP_VERWIJZING,
        { idempotencyKey: 'verwijzing-e2e-0002', bsn: kind, verwijzer: 'HUISARTS', verwijsdatum: '2026-10-28', productcategorie: '54', omvang: { volume: 4, eenheid: 'UUR', frequentie: 'PER_MAAND' } },
        CJG,
      );
      expect(verwezen.data!.registerJeugdhulpVerwijzing).toMatchObject({ processtatus: 'VERWEZEN', openStap: { stap: 'TOEWIJZING' } });
      const id = verwezen.data!.registerJeugdhulpVerwijzing.id;
      const beschikking = await send(JEUGDHULP_STAP.recordJeugdhulpBeschikking!, { trajectId: id, version: 1, datum: '2026-10-29', besluit: 'TOEGEKEND' }, CJG);
      expect(codes(beschikking)).toEqual(['INVALID_TRANSITION']);
      const page = await hub.query<{ cjgWerkvoorraad: { items: { stap: { id: string; stap: string } }[] } }>(CJG_WERKVOORRAAD, { first: 100 }, CJG);
      expect(page.data!.cjgWerkvoorraad.items).toContainEqual(expect.objectContaining({ stap: expect.objectContaining({ id, stap: 'TOEWIJZING' }) }));
    });
  });

  describe('the wijkteam’s own contact moments', () => {
    const REGISTER = /* GraphQL */ `
      mutation RegisterWijkteamContactmoment($input: RegisterWijkteamContactmomentInput!) {
        registerWijkteamContactmoment(input: $input) { id tijdstip loket kanaal onderwerp notitie medewerker }
      }
    `;
    type Registered = { registerWijkteamContactmoment: { id: string; loket: string; onderwerp: string | null; medewerker: string | null } | null };
    const input = (overrides: Record<string, unknown> = {}) => ({
      idempotencyKey: 'wijkteam-contact-e2e-0001',
      casusId: example.wijkteam!.casus.id,
      tijdstip: '2026-10-31T15:00:00Z',
      kanaal: 'HUISBEZOEK',
      onderwerp: 'Huisbezoek: plan besproken',
      notitie: 'Met beide ouders de doelen van het plan doorgelopen.',
      ...overrides,
    });
    const wijkteamLog = async (sub: string) => {
      const { verwerking } = subgraphDefinitions.wijkteam.tables as typeof import('../subgraphs/wijkteam/db/schema');
      return hub.services.wijkteam.db.select().from(verwerking).where(and(eq(verwerking.actorSub, sub), eq(verwerking.handeling, 'SCHRIJVEN')));
    };
    let id: string;

    it('lets the regisseur register one, which the household’s contact moments show on the next request, with its content', async () => {
      const saved = await send<Registered>(REGISTER, input(), regisseur);
      expect(saved.errors).toBeUndefined();
      expect(saved.data!.registerWijkteamContactmoment).toMatchObject({ loket: 'WIJKTEAM', kanaal: 'HUISBEZOEK', onderwerp: 'Huisbezoek: plan besproken', medewerker: regisseur.naam });
      id = saved.data!.registerWijkteamContactmoment!.id;
      const ziet = await picture(regisseur);
      expect(ziet.data!.huishouden.contactmomenten!.filter((c) => c.id === id)).toEqual([{ id, loket: 'WIJKTEAM', kanaal: 'HUISBEZOEK', onderwerp: 'Huisbezoek: plan besproken' }]);
      // Written and logged together: an allowed write about every resident of the casus' household.
      const logged = await wijkteamLog(regisseur.sub!);
      expect(logged.length).toBeGreaterThan(0);
      expect(logged).toEqual(logged.map(() => expect.objectContaining({ niveau: 'INHOUD', resultaat: 'TOEGESTAAN', operatie: expect.stringContaining('RegisterWijkteamContactmoment') })));
    });

    it('returns the same contact moment for a retry with the same key, and refuses the key with other content', async () => {
      const retry = await send<Registered>(REGISTER, input(), regisseur);
      expect(retry.data!.registerWijkteamContactmoment!.id).toBe(id);
      const other = await send<Registered>(REGISTER, input({ onderwerp: 'Telefonisch contact' }), regisseur);
      expect(other.data).toEqual({ registerWijkteamContactmoment: null });
      expect(other.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' })]);
      const ziet = await picture(regisseur);
      expect(ziet.data!.huishouden.contactmomenten!.filter((c) => c.loket === 'WIJKTEAM' && c.onderwerp === 'Telefonisch contact')).toEqual([]);
      expect(ziet.data!.huishouden.contactmomenten!.filter((c) => c.id === id)).toHaveLength(1);
    });

    it('refuses the KCC and a wijkteam member not on the casus with FORBIDDEN, logs the refusal, and stores nothing', async () => {
      for (const [caller, key] of [[KCC, 'wijkteam-contact-kcc-0001'], [BUITENSTAANDER, 'wijkteam-contact-buiten-0001']] as const) {
        const refused = await send<Registered>(REGISTER, input({ idempotencyKey: key, onderwerp: 'Niet van mij' }), caller);
        expect(refused.data, caller.sub).toEqual({ registerWijkteamContactmoment: null });
        expect(codes(refused), caller.sub).toEqual(['FORBIDDEN']);
        const logged = await wijkteamLog(caller.sub!);
        expect(logged.length, caller.sub).toBeGreaterThan(0);
        expect(logged, caller.sub).toEqual(logged.map(() => expect.objectContaining({ resultaat: 'GEWEIGERD', weigering: 'FORBIDDEN', grondslag: null })));
      }
      const ziet = await picture(regisseur);
      expect(ziet.data!.huishouden.contactmomenten!.filter((c) => c.onderwerp === 'Niet van mij')).toEqual([]);
    });

    it('refuses a tijdstip in the future with BAD_USER_INPUT, like the lokets’ contact moments', async () => {
      const future = await send(REGISTER, input({ idempotencyKey: 'wijkteam-contact-e2e-0002', tijdstip: '2026-11-02T09:00:00Z' }), regisseur);
      expect(future.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'tijdstip' })]);
    });
  });
});
