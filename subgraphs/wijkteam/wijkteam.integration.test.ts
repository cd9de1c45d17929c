import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../test/support/auth';
import { entitiesQuery, startTestSubgraph, type TestSubgraph } from '../../test/support/subgraph';
import { aContactmoment, aHuishouden } from '../demo/fixtures';
import type { WijkteamContext } from './context';
import type * as tables from './db/schema';
import { contactmoment, verwerking } from './db/schema';
import { aCasus, aDoel, aPlan, aWijkteam } from './fixtures';
import { wijkteamSubgraph } from './server';

const eigen = aContactmoment({ tijdstip: '2026-10-05T08:00:00Z', kanaal: 'HUISBEZOEK' });
const metCasus = aHuishouden({
  wijkteam: aWijkteam({
    casus: aCasus({ plan: aPlan({ doelen: [aDoel({ domein: 'HUISVESTING', scoreStart: 1, scoreActueel: 3 })] }) }),
    contactmomenten: [eigen],
  }),
});
const zonder = aHuishouden();
// A casus the tests below write to, and one that closed before the test clock's day (2026-11-01).
const bezocht = aHuishouden({ wijkteam: aWijkteam({ contactmomenten: [] }) });
const gesloten = aHuishouden({ wijkteam: aWijkteam({ casus: aCasus({ einddatum: '2026-06-30' }), contactmomenten: [] }) });
const REGISSEUR: Caller = { rol: 'wijkteam-medewerker', sub: 'wijkteam-01-1', naam: 'Sanne Visser' };
const TEAMLID: Caller = { rol: 'wijkteam-medewerker', sub: 'wijkteam-01-2', naam: 'Daan de Boer' };

const loketMoment = (loket: string, id: string, tijdstip: string) => ({ id, tijdstip, loket, kanaal: 'TELEFOON', onderwerp: 'x', notitie: 'y', medewerker: 'z', afgeschermd: null });
const betrokkenheid = (loket: string) => ({ loket, sinds: '2025-01-01', status: 'OPEN', contactpersoon: { naam: 'n', telefoon: 't' } });

/** What the gateway sends once the lokets answered the `@requires` fields. */
function representation(id: string) {
  return {
    __typename: 'Huishouden',
    id,
    wmoContactmomenten: [loketMoment('WMO', 'w1', '2026-10-01T09:00:00.000Z')],
    cjgContactmomenten: [loketMoment('CJG', 'c1', '2026-10-31T23:30:00.000Z')],
    werkpleinContactmomenten: [],
    wmoBetrokkenheid: betrokkenheid('WMO'),
    cjgBetrokkenheid: null,
    werkpleinBetrokkenheid: betrokkenheid('WERKPLEIN'),
  };
}

describe('wijkteam subgraph', () => {
  let wijkteam: TestSubgraph<typeof tables, WijkteamContext>;
  beforeAll(async () => {
    wijkteam = await startTestSubgraph(wijkteamSubgraph, [metCasus, zonder, bezocht, gesloten], { rol: 'wijkteam-medewerker' });
  });
  afterAll(() => wijkteam?.close());

  it('merges the lokets’ contact moments with its own, newest first, in one SQL statement for all households', async () => {
    wijkteam.service.stats.reset();
    const { data, errors } = await wijkteam.query<{ _entities: { contactmomenten: { id: string; loket: string }[]; betrokkenheid: { loket: string }[] }[] }>(
      entitiesQuery('Huishouden', 'contactmomenten { id loket } betrokkenheid { loket status contactpersoon { naam } }'),
      { representations: [representation(metCasus.id), representation(zonder.id)] },
    );
    expect(errors).toBeUndefined();
    expect(wijkteam.service.stats.statements).toBe(1);
    const [eerste, tweede] = data!._entities;
    expect(eerste!.contactmomenten).toEqual([
      { id: 'c1', loket: 'CJG' },
      { id: eigen.id, loket: 'WIJKTEAM' },
      { id: 'w1', loket: 'WMO' },
    ]);
    expect(eerste!.betrokkenheid.map((b) => b.loket)).toEqual(['WMO', 'WERKPLEIN', 'WIJKTEAM']);
    expect(eerste!.betrokkenheid[2]).toEqual({ loket: 'WIJKTEAM', status: 'OPEN', contactpersoon: { naam: 'Sanne Visser' } });
    expect(tweede!.contactmomenten.map((c) => c.id)).toEqual(['c1', 'w1']);
    expect(tweede!.betrokkenheid.map((b) => b.loket)).toEqual(['WMO', 'WERKPLEIN']);
  });

  it('filters by loket and by Amsterdam calendar day', async () => {
    const { data } = await wijkteam.query<{ _entities: { contactmomenten: { id: string }[] }[] }>(
      entitiesQuery('Huishouden', 'contactmomenten(van: "2026-11-01", loketten: [CJG, WMO]) { id }'),
      { representations: [representation(metCasus.id)] },
    );
    // 2026-10-31T23:30Z is 00:30 on 1 November in Amsterdam (winter time): inside the period.
    expect(data!._entities[0]!.contactmomenten).toEqual([{ id: 'c1' }]);
  });

  it('resolves the casus with regisseur and plan', async () => {
    const { data } = await wijkteam.query<{ _entities: unknown[] }>(
      entitiesQuery('Huishouden', 'casus { status team regisseur { naam } plan { doelen { domein scoreStart scoreActueel } } }'),
      { representations: [metCasus, zonder].map(({ id }) => ({ __typename: 'Huishouden', id })) },
    );
    expect(data!._entities).toEqual([
      { casus: { status: 'OPEN', team: 'Wijkteam Centrum', regisseur: { naam: 'Sanne Visser' }, plan: { doelen: [{ domein: 'HUISVESTING', scoreStart: 1, scoreActueel: 3 }] } } },
      { casus: null },
    ]);
  });

  describe('registerWijkteamContactmoment', () => {
    const MUTATION = `mutation($input: RegisterWijkteamContactmomentInput!) {
      registerWijkteamContactmoment(input: $input) { id tijdstip loket kanaal onderwerp notitie medewerker }
    }`;
    const input = (overrides: Record<string, unknown> = {}) => ({
      idempotencyKey: 'wijkteam-contact-0001',
      casusId: bezocht.wijkteam!.casus.id,
      tijdstip: '2026-10-30T14:00:00Z',
      kanaal: 'HUISBEZOEK',
      onderwerp: 'Huisbezoek met de hele familie',
      notitie: 'Afspraken over de schuldhulp doorgenomen.',
      ...overrides,
    });
    type Result = { registerWijkteamContactmoment: { id: string; tijdstip: string; loket: string; onderwerp: string | null; medewerker: string | null } | null };
    const register = (values: Record<string, unknown>, caller: Caller = REGISSEUR) => wijkteam.query<Result>(MUTATION, { input: values }, caller);
    const stored = () => wijkteam.service.db.select().from(contactmoment).where(eq(contactmoment.dossierId, bezocht.wijkteam!.casus.id));
    const logged = (sub: string) =>
      wijkteam.service.db.select().from(verwerking).where(and(eq(verwerking.actorSub, sub), eq(verwerking.handeling, 'SCHRIJVEN')));
    let id: string;

    it('stores the regisseur’s contact moment on the casus with its log entry, and returns it with its content', async () => {
      const { data, errors } = await register(input());
      expect(errors).toBeUndefined();
      expect(data!.registerWijkteamContactmoment).toEqual({
        id: expect.any(String),
        tijdstip: '2026-10-30T14:00:00.000Z',
        loket: 'WIJKTEAM',
        kanaal: 'HUISBEZOEK',
        onderwerp: 'Huisbezoek met de hele familie',
        notitie: 'Afspraken over de schuldhulp doorgenomen.',
        medewerker: 'Sanne Visser',
      });
      id = data!.registerWijkteamContactmoment!.id;
      expect((await stored()).map((row) => row.id)).toEqual([id]);
      // One entry per resident of the casus' household: a write, allowed on the purpose's basis.
      const entries = await logged(REGISSEUR.sub!);
      expect(entries).toHaveLength(bezocht.leden.length);
      expect(entries.every((e) => e.niveau === 'INHOUD' && e.resultaat === 'TOEGESTAAN' && e.grondslag === 'WETTELIJKE_TAAK')).toBe(true);
    });

    it('shows it in the household’s contact moments', async () => {
      const { data } = await wijkteam.query<{ _entities: { contactmomenten: { id: string; loket: string; onderwerp: string }[] }[] }>(
        entitiesQuery('Huishouden', 'contactmomenten(loketten: [WIJKTEAM]) { id loket onderwerp }'),
        { representations: [representation(bezocht.id)] },
        REGISSEUR,
      );
      expect(data!._entities[0]!.contactmomenten).toEqual([{ id, loket: 'WIJKTEAM', onderwerp: 'Huisbezoek met de hele familie' }]);
    });

    it('returns the first result for a retry and stores nothing; the same key with other content is BAD_USER_INPUT', async () => {
      const retry = await register(input());
      expect(retry.data!.registerWijkteamContactmoment!.id).toBe(id);
      const other = await register(input({ notitie: 'Iets anders opgeschreven.' }));
      expect(other.data).toEqual({ registerWijkteamContactmoment: null });
      expect(other.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
      // Someone else's key tells nothing about the record either.
      const teamlid = await register(input(), TEAMLID);
      expect(teamlid.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
      expect(await stored()).toHaveLength(1);
    });

    it('lets a team member write too, with a key of their own', async () => {
      const { data, errors } = await register(input({ idempotencyKey: 'wijkteam-contact-0002', kanaal: 'TELEFOON' }), TEAMLID);
      expect(errors).toBeUndefined();
      expect(data!.registerWijkteamContactmoment).toMatchObject({ medewerker: 'Daan de Boer' });
      expect(await stored()).toHaveLength(2);
    });

    it('refuses anyone not on the open casus with FORBIDDEN, and logs the refusal', async () => {
      const buitenstaander: Caller = { rol: 'wijkteam-medewerker', sub: 'wijkteam-elders', naam: 'Piet Jansen' };
      const kcc: Caller = { rol: 'kcc-medewerker', sub: 'kcc-1' };
      const cases: [Caller, Record<string, unknown>][] = [
        [buitenstaander, input({ idempotencyKey: 'wijkteam-contact-0003' })],
        [kcc, input({ idempotencyKey: 'wijkteam-contact-0004' })],
        // The regisseur under a purpose that does not name the write, and on a casus that has closed.
        [{ ...REGISSEUR, doel: 'klantcontact' }, input({ idempotencyKey: 'wijkteam-contact-0005' })],
        [REGISSEUR, input({ idempotencyKey: 'wijkteam-contact-0006', casusId: gesloten.wijkteam!.casus.id })],
      ];
      for (const [caller, values] of cases) {
        const { data, errors } = await register(values, caller);
        expect(data, caller.sub).toEqual({ registerWijkteamContactmoment: null });
        expect(errors![0]!.extensions!.code, caller.sub).toBe('FORBIDDEN');
      }
      expect(await stored()).toHaveLength(2);
      for (const sub of ['wijkteam-elders', 'kcc-1']) {
        expect((await logged(sub)).every((e) => e.resultaat === 'GEWEIGERD' && e.weigering === 'FORBIDDEN' && e.grondslag === null), sub).toBe(true);
        expect(await logged(sub), sub).toHaveLength(bezocht.leden.length);
      }
    });

    it('refuses a tijdstip in the future and malformed input with BAD_USER_INPUT naming the field; an unknown casus is NOT_FOUND', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [input({ idempotencyKey: 'wijkteam-contact-0007', tijdstip: '2026-11-02T09:00:00Z' }), 'tijdstip'],
        [input({ idempotencyKey: 'wijkteam-contact-0008', casusId: 'casus-1' }), 'casusId'],
        [input({ idempotencyKey: 'wijkteam-contact-0009', onderwerp: ' ' }), 'onderwerp'],
        [input({ idempotencyKey: 'kort' }), 'idempotencyKey'],
      ];
      for (const [values, field] of cases) {
        const { errors } = await register(values);
        expect(errors![0]!.extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
      const unknown = await register(input({ idempotencyKey: 'wijkteam-contact-0010', casusId: '00000000-0000-4000-8000-999999999999' }));
      expect(unknown.errors![0]!.extensions!.code).toBe('NOT_FOUND');
      expect(await stored()).toHaveLength(2);
    });
  });
});
