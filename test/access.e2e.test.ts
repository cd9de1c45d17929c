import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findExampleHuishouden, generateHuishoudens } from '../subgraphs/demo/generator';
import type { DemoHuishouden, Loket } from '../subgraphs/demo/types';
import { subgraphDefinitions } from '../subgraphs/index';
import { CASUS_TOEGANG_ROUTE, CasusVragen } from '../subgraphs/kit/auth/casus-toegang';
import { HEADERS, signedHeaders } from '../subgraphs/kit/auth/gateway-credential';
import { subjectKey } from '../subgraphs/kit/auth/log';
import { SUBGRAPHS, type SubgraphName } from '../subgraphs/kit/config';
import { headersFor, TEST_AUTH, tokenFor, type Caller } from './support/auth';
import { startTestHub, type GraphQLResponse, type TestHub } from './support/hub';
import { BELEIDSCIJFERS, REGISTER_GRONDSLAG, VERWERKINGEN } from '../schema/operations';
import { TEST_BSN_COUNT, testBsn } from '../subgraphs/kit/bsn';

const DEMO = { households: 60, seed: 11 };

/** Every person-level field of the household picture, one column each in the matrix below. */
const MATRIX_QUERY = /* GraphQL */ `
  query Matrix($id: ID!) {
    huishouden(id: $id) {
      adres { adresregel1 }
      leden { bsn naam { volledigeNaam } }
      betrokkenheid { loket contactpersoon { naam } }
      contactmomenten { loket tijdstip kanaal onderwerp notitie medewerker }
      wmo { meldingen { status } }
      cjg { jeugdhulptrajecten { status } }
      werkplein { uitkeringen { status } }
      casus { team regisseur { naam } plan { doelen { domein } } }
    }
  }
`;

const COLUMNS = ['brp', 'betrokkenheid', 'contactmomenten', 'inhoud:WMO', 'inhoud:CJG', 'inhoud:WERKPLEIN', 'inhoud:WIJKTEAM', 'wmo', 'cjg', 'werkplein', 'casus', 'plan'] as const;
type Column = (typeof COLUMNS)[number];
/** ok: shown; F: FORBIDDEN; G: GRONDSLAG_REQUIRED; -: not reached (its parent was refused). */
type Cell = 'ok' | 'F' | 'G' | '-';

interface Picture {
  huishouden: {
    leden: { bsn: string }[];
    betrokkenheid: { loket: string }[] | null;
    contactmomenten: { loket: Loket; onderwerp: string | null; notitie: string | null; medewerker: string | null }[] | null;
    wmo: object | null;
    cjg: object | null;
    werkplein: object | null;
    casus: { plan: object | null } | null;
  } | null;
}

const CODES: Record<string, Cell> = { FORBIDDEN: 'F', GRONDSLAG_REQUIRED: 'G' };

/** What a caller got for each column: the value, or the code of the error at its path. */
function observe(response: GraphQLResponse<Picture>, example: DemoHuishouden): Record<Column, Cell> {
  const errorAt = (...path: (string | number)[]): Cell | undefined => {
    const error = response.errors?.find((e) => JSON.stringify(e.path) === JSON.stringify(['huishouden', ...path]));
    return error ? (CODES[error.extensions?.code ?? ''] ?? (`?${error.extensions?.code}` as Cell)) : undefined;
  };
  const cell = (value: unknown, ...path: (string | number)[]): Cell => errorAt(...path) ?? (value == null ? '-' : 'ok');
  const h = response.data?.huishouden;
  const observed = Object.fromEntries(COLUMNS.map((c) => [c, '-'])) as Record<Column, Cell>;
  observed.brp = h ? 'ok' : (errorAt() ?? '-');
  if (!h) return observed;
  const lokets = ['WMO', 'CJG', 'WERKPLEIN', 'WIJKTEAM'];
  observed.betrokkenheid = h.betrokkenheid?.map((b) => b.loket).join() === lokets.join() ? 'ok' : cell(null, 'betrokkenheid');
  const expectedMoments = [example.wmo, example.cjg, example.werkplein, example.wijkteam].reduce((n, p) => n + (p?.contactmomenten.length ?? 0), 0);
  observed.contactmomenten = h.contactmomenten?.length === expectedMoments ? 'ok' : cell(null, 'contactmomenten');
  for (const loket of lokets as Loket[]) {
    const cells = (h.contactmomenten ?? []).flatMap((c, i) =>
      c.loket === loket ? (['onderwerp', 'notitie', 'medewerker'] as const).map((f) => cell(c[f], 'contactmomenten', i, f)) : [],
    );
    const distinct = [...new Set(cells)];
    observed[`inhoud:${loket}` as Column] = distinct.length === 1 ? distinct[0]! : (`mixed ${distinct.join('/')}` as Cell);
  }
  observed.wmo = cell(h.wmo, 'wmo');
  observed.cjg = cell(h.cjg, 'cjg');
  observed.werkplein = cell(h.werkplein, 'werkplein');
  observed.casus = cell(h.casus, 'casus');
  observed.plan = h.casus ? cell(h.casus.plan, 'casus', 'plan') : '-';
  return observed;
}

function row(cells: string): Record<Column, Cell> {
  const values = cells.trim().split(/\s+/);
  expect(values).toHaveLength(COLUMNS.length);
  return Object.fromEntries(COLUMNS.map((c, i) => [c, values[i]])) as Record<Column, Cell>;
}

async function traceEntries(hub: TestHub, name: SubgraphName, traceId: string) {
  const table = subgraphDefinitions[name].verwerkingen;
  return await hub.services[name].db.select().from(table).where(eq(table.traceId, traceId));
}

describe('purpose-bound access through the gateway', () => {
  let hub: TestHub;
  let example: DemoHuishouden;
  let regisseur: Caller;

  beforeAll(async () => {
    example = findExampleHuishouden(DEMO)!;
    regisseur = { rol: 'wijkteam-medewerker', sub: example.wijkteam!.casus.regisseur.sub, naam: example.wijkteam!.casus.regisseur.naam };
    hub = await startTestHub(DEMO, regisseur);
  });
  afterAll(() => hub?.close());

  describe('every role against every person-level field of the household picture', () => {
    // The example casus has a Grondslag for WMO and CJG (not WERKPLEIN); its regisseur is on the casus.
    //                                                   brp betr cm  iWMO iCJG iWP iWT wmo cjg wp  casus plan
    const MATRIX: [string, Caller, string][] = [
      ['wmo-consulent', { rol: 'wmo-consulent' },              'ok ok  ok  ok   F    F   F   ok  F   F   ok    F'],
      ['cjg-medewerker', { rol: 'cjg-medewerker' },            'ok ok  ok  F    ok   F   F   F   ok  F   ok    F'],
      ['werkplein-consulent', { rol: 'werkplein-consulent' },  'ok ok  ok  F    F    ok  F   F   F   ok  ok    F'],
      ['the casus regisseur', { rol: 'wijkteam-medewerker' },  'ok ok  ok  ok   ok   G   ok  ok  ok  G   ok    ok'],
      ['a wijkteam member not on the casus', { rol: 'wijkteam-medewerker', sub: 'wijkteam-elders' },
                                                               'ok ok  ok  F    F    F   ok  F   F   F   ok    ok'],
      ['kcc-medewerker', { rol: 'kcc-medewerker' },            'ok ok  ok  F    F    F   F   F   F   F   ok    F'],
      // The purpose bounds what the role could see: answering a resident (klantcontact) opens no content.
      ['wmo-consulent under klantcontact', { rol: 'wmo-consulent', doel: 'klantcontact' },
                                                               'ok ok  ok  F    F    F   F   F   F   F   ok    F'],
      ['the casus regisseur under klantcontact', { rol: 'wijkteam-medewerker', doel: 'klantcontact' },
                                                               'ok ok  ok  F    F    F   F   F   F   F   ok    F'],
      ['beleidsmedewerker', { rol: 'beleidsmedewerker' },      'F  -   -   -    -    -   -   -   -   -   -     -'],
      ['fg', { rol: 'fg' },                                    'F  -   -   -    -    -   -   -   -   -   -     -'],
      ['inwoner (a member of the household)', { rol: 'inwoner' }, 'F  -   -   -    -    -   -   -   -   -   -     -'],
    ];

    it.each(MATRIX)('%s', async (_label, caller, expected) => {
      const as = caller.sub === undefined && caller.rol === 'wijkteam-medewerker' ? { ...regisseur, ...caller } : caller;
      const withBsn = as.rol === 'inwoner' ? { ...as, bsn: example.leden[0]!.bsn } : as;
      const response = await hub.query<Picture>(MATRIX_QUERY, { id: example.id }, withBsn);
      expect(observe(response, example)).toEqual(row(expected));
      expect(JSON.stringify(response.errors ?? [])).not.toMatch(/stacktrace|at \w+ \(/);
    });
  });

  describe('authentication', () => {
    const query = { query: `query($id: ID!) { huishouden(id: $id) { id leden { bsn } } }` };

    it.each([
      ['no token', async () => ({})],
      ['an expired token', async () => ({ authorization: `Bearer ${await tokenFor({ rol: 'kcc-medewerker' }, { expiresIn: -60 })}` })],
      ['a forged token (wrong key)', async () => ({ authorization: `Bearer ${await tokenFor({ rol: 'kcc-medewerker' }, { secret: new TextEncoder().encode('x'.repeat(48)) })}` })],
      ['a token for another audience', async () => ({ authorization: `Bearer ${await tokenFor({ rol: 'kcc-medewerker' }, { audience: 'another-app' })}` })],
      ['a malformed header', async () => ({ authorization: 'Bearer not-a-jwt' })],
    ])('refuses %s with 401 UNAUTHENTICATED and no data', async (_what, headers) => {
      const response = await hub.post(hub.gatewayUrl, { ...query, variables: { id: example.id } }, { 'x-doel': 'klantcontact', ...(await headers()) });
      expect(response.status).toBe(401);
      expect(response.body.data ?? null).toBeNull();
      expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    describe('a direct call to a subgraph', () => {
      const entities = {
        query: `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Huishouden { wmoBetrokkenheid { loket } } } }`,
        variables: { representations: [{ __typename: 'Huishouden', id: '' }] },
      };
      const signed = async (body: typeof entities, timestamp = Date.now()) => {
        const authorization = `Bearer ${await tokenFor({ rol: 'kcc-medewerker' })}`;
        return signedHeaders(TEST_AUTH.gatewaySecret, { authorization, purpose: 'klantcontact', traceId: 't', ...body }, timestamp);
      };
      const body = () => ({ ...entities, variables: { representations: [{ __typename: 'Huishouden', id: example.id }] } });

      it('answers with the gateway’s signature (so the refusals below are about the credential)', async () => {
        const response = await hub.post(hub.subgraphUrls.wmo, body(), await signed(body()));
        expect(response.status).toBe(200);
        expect(response.body.data).toEqual({ _entities: [{ wmoBetrokkenheid: { loket: 'WMO' } }] });
      });

      it.each([
        ['with a valid token but no gateway signature', async () => ({ ...(await headersFor({ rol: 'kcc-medewerker' })) })],
        ['with the signature of another operation', async () => signed(entities)],
        ['with a signature older than a minute', async () => signed(body(), Date.now() - 120_000)],
      ])('gets 401 and no data %s', async (_what, headers) => {
        const response = await hub.post(hub.subgraphUrls.wmo, body(), await headers());
        expect(response.status).toBe(401);
        expect(response.body.data ?? null).toBeNull();
        expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      });
    });
  });

  describe('purpose and gemeente', () => {
    it.each([
      ['an unknown purpose', { rol: 'kcc-medewerker', doel: 'nieuwsgierigheid' }, 'nieuwsgierigheid'],
      ['no purpose', { rol: 'kcc-medewerker', doel: null }, null],
      ['a purpose of another role', { rol: 'kcc-medewerker', doel: 'wmo-ondersteuning' }, 'wmo-ondersteuning'],
    ] as [string, Caller, string | null][])('refuses %s with FORBIDDEN, and logs the refusal', async (_what, caller, doel) => {
      const response = await hub.post<Picture>(hub.gatewayUrl, { query: MATRIX_QUERY, variables: { id: example.id } }, await headersFor(caller));
      expect(response.body.data?.huishouden ?? null).toBeNull();
      expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      const entries = await traceEntries(hub, 'brp', response.headers.get(HEADERS.traceId)!);
      expect(entries.map((e) => e.betrokkene).sort()).toEqual(example.leden.map((p) => subjectKey(TEST_AUTH.subjectKey, p.bsn)).sort());
      for (const entry of entries) expect(entry).toMatchObject({ resultaat: 'GEWEIGERD', weigering: 'FORBIDDEN', doel, grondslag: null, niveau: 'SIGNAAL' });
    });

    it('answers a token of another gemeente as if the household did not exist, and logs the refusal', async () => {
      const caller: Caller = { rol: 'wmo-consulent', gemeenten: ['GM9998'] };
      const response = await hub.post<Picture>(hub.gatewayUrl, { query: MATRIX_QUERY, variables: { id: example.id } }, await headersFor(caller));
      const unknown = await hub.post<Picture>(hub.gatewayUrl, { query: MATRIX_QUERY, variables: { id: '9999019999999999' } }, await headersFor(caller));
      expect(response.body).toEqual({ data: { huishouden: null } });
      expect(unknown.body).toEqual(response.body);
      const entries = await traceEntries(hub, 'brp', response.headers.get(HEADERS.traceId)!);
      expect(entries.map((e) => e.betrokkene).sort()).toEqual(example.leden.map((p) => subjectKey(TEST_AUTH.subjectKey, p.bsn)).sort());
      for (const entry of entries) expect(entry).toMatchObject({ resultaat: 'GEWEIGERD', weigering: 'FORBIDDEN', grondslag: null, niveau: 'SIGNAAL' });
    });

    it('shows a registered resident of another gemeente as an unknown BSN: persoon, and the fg’s log', async () => {
      const registered = example.leden[0]!.bsn;
      const known = new Set([...generateHuishoudens(DEMO)].flatMap((h) => h.leden.map((p) => p.bsn)));
      const unregistered = Array.from({ length: 200 }, (_, i) => testBsn(TEST_BSN_COUNT - 1 - i)).find((b) => !known.has(b))!;
      const ask = async (query: string, bsn: string, caller: Caller) => (await hub.post(hub.gatewayUrl, { query, variables: { bsn } }, await headersFor(caller))).body;
      const persoon = `query($bsn: String!) { persoon(bsn: $bsn) { bsn naam { volledigeNaam } } }`;
      const elsewhere: Caller = { rol: 'kcc-medewerker', gemeenten: ['GM9998'] };
      expect(await ask(persoon, registered, elsewhere)).toEqual({ data: { persoon: null } });
      expect(await ask(persoon, unregistered, elsewhere)).toEqual({ data: { persoon: null } });
      const fgElsewhere: Caller = { rol: 'fg', gemeenten: ['GM9998'] };
      expect(await ask(VERWERKINGEN, registered, fgElsewhere)).toEqual({ data: { verwerkingen: null } });
      expect(await ask(VERWERKINGEN, unregistered, fgElsewhere)).toEqual({ data: { verwerkingen: null } });
    });

    it('never puts another gemeente’s households on a page', async () => {
      const { data, errors } = await hub.query<{ huishoudens: { edges: unknown[]; totalCount: number } }>(
        `{ huishoudens(first: 10) { edges { node { id } } totalCount } }`,
        undefined,
        { rol: 'kcc-medewerker', gemeenten: ['GM9998'] },
      );
      expect(errors).toBeUndefined();
      expect(data!.huishoudens).toEqual({ edges: [], totalCount: 0 });
    });
  });

  describe('Grondslag', () => {
    const werkplein = `query($id: ID!) { huishouden(id: $id) { werkplein { uitkeringen { status } } casus { grondslagen { id soort domeinen actueel version } } } }`;
    const input = () => ({
      casusId: example.wijkteam!.casus.id,
      soort: 'INTEGRALE_AANPAK',
      domeinen: ['WERKPLEIN'],
      geldigVan: '2026-10-15',
      geldigTot: '2027-04-15',
      toelichting: 'Schulden en zorg hangen samen; integrale aanpak besloten in het casusoverleg.',
    });
    const REVOKE = `mutation($input: RevokeGrondslagInput!) { revokeGrondslag(input: $input) { id actueel version ingetrokkenOp ingetrokkenDoor } }`;

    it('opens a loket’s records on the next request once registered, and closes them once revoked', async () => {
      const before = await hub.query<{ huishouden: { werkplein: unknown } }>(werkplein, { id: example.id });
      expect(before.data!.huishouden.werkplein).toBeNull();
      expect(before.errors?.map((e) => e.extensions?.code)).toEqual(['GRONDSLAG_REQUIRED']);

      const registered = await hub.query<{ registerGrondslag: { id: string; version: number; actueel: boolean } }>(REGISTER_GRONDSLAG, {
        input: { ...input(), idempotencyKey: 'access-e2e-grant-1' },
      });
      expect(registered.errors).toBeUndefined();
      expect(registered.data!.registerGrondslag).toMatchObject({ actueel: true, version: 1 });
      const { id } = registered.data!.registerGrondslag;

      const during = await hub.query<{ huishouden: { werkplein: { uitkeringen: unknown[] } } }>(werkplein, { id: example.id });
      expect(during.errors).toBeUndefined();
      expect(during.data!.huishouden.werkplein.uitkeringen).toHaveLength(example.werkplein!.uitkeringen.length);

      const revoked = await hub.query<{ revokeGrondslag: { actueel: boolean; version: number; ingetrokkenDoor: string } }>(REVOKE, {
        input: { id, version: 1, reden: 'Casusoverleg: integrale aanpak niet langer nodig.' },
      });
      expect(revoked.errors).toBeUndefined();
      expect(revoked.data!.revokeGrondslag).toMatchObject({ actueel: false, version: 2, ingetrokkenDoor: regisseur.naam });

      const after = await hub.query<{ huishouden: { werkplein: unknown } }>(werkplein, { id: example.id });
      expect(after.data!.huishouden.werkplein).toBeNull();
      expect(after.errors?.map((e) => e.extensions?.code)).toEqual(['GRONDSLAG_REQUIRED']);
    });

    it('stores a registration once, whatever the retries, and refuses a reused key for another one', async () => {
      const first = await hub.query<{ registerGrondslag: { id: string } }>(REGISTER_GRONDSLAG, { input: { ...input(), idempotencyKey: 'access-e2e-retry' } });
      const retry = await hub.query<{ registerGrondslag: { id: string } }>(REGISTER_GRONDSLAG, { input: { ...input(), idempotencyKey: 'access-e2e-retry' } });
      expect(retry.data!.registerGrondslag.id).toBe(first.data!.registerGrondslag.id);
      const { data } = await hub.query<{ huishouden: { casus: { grondslagen: { id: string }[] } } }>(werkplein, { id: example.id });
      expect(data!.huishouden.casus.grondslagen.filter((g) => g.id === first.data!.registerGrondslag.id)).toHaveLength(1);
      const other = await hub.query(REGISTER_GRONDSLAG, { input: { ...input(), domeinen: ['WMO'], idempotencyKey: 'access-e2e-retry' } });
      expect(other.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
    });

    it('refuses a revocation on a stale version with VERSION_CONFLICT and changes nothing', async () => {
      const { data } = await hub.query<{ registerGrondslag: { id: string } }>(REGISTER_GRONDSLAG, { input: { ...input(), idempotencyKey: 'access-e2e-stale' } });
      const id = data!.registerGrondslag.id;
      const stale = await hub.query(REVOKE, { input: { id, version: 7, reden: 'Niet meer nodig.' } });
      expect(stale.errors?.[0]?.extensions?.code).toBe('VERSION_CONFLICT');
      const current = await hub.query(REVOKE, { input: { id, version: 1, reden: 'Niet meer nodig.' } });
      expect(current.errors).toBeUndefined();
    });

    it.each([
      ['a wijkteam member not on the casus', { rol: 'wijkteam-medewerker', sub: 'wijkteam-elders' } as Caller],
      ['a wmo-consulent', { rol: 'wmo-consulent' } as Caller],
      ['the regisseur under a purpose that covers no write (klantcontact)', { rol: 'wijkteam-medewerker', doel: 'klantcontact' } as Caller],
    ])('refuses a registration by %s with FORBIDDEN, logged as refused with no basis', async (_who, caller) => {
      const as = caller.sub === undefined && caller.rol === 'wijkteam-medewerker' ? { ...regisseur, ...caller } : caller;
      const response = await hub.post<{ registerGrondslag: unknown }>(
        hub.gatewayUrl,
        { query: REGISTER_GRONDSLAG, variables: { input: { ...input(), idempotencyKey: `access-e2e-${as.rol}-${as.sub}-${as.doel}` } } },
        await headersFor(as),
      );
      expect(response.body.data).toEqual({ registerGrondslag: null });
      expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      const entries = await traceEntries(hub, 'wijkteam', response.headers.get(HEADERS.traceId)!);
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) expect(entry).toMatchObject({ resultaat: 'GEWEIGERD', weigering: 'FORBIDDEN', grondslag: null, handeling: 'SCHRIJVEN' });
    });

    it('refuses revoking again: VERSION_CONFLICT on the version seen before, INVALID_TRANSITION on the current one', async () => {
      const { data } = await hub.query<{ registerGrondslag: { id: string } }>(REGISTER_GRONDSLAG, { input: { ...input(), idempotencyKey: 'access-e2e-twice' } });
      const id = data!.registerGrondslag.id;
      const first = await hub.query(REVOKE, { input: { id, version: 1, reden: 'Niet meer nodig.' } });
      expect(first.errors).toBeUndefined();
      const stale = await hub.query(REVOKE, { input: { id, version: 1, reden: 'Niet meer nodig.' } });
      expect(stale.errors?.[0]?.extensions?.code).toBe('VERSION_CONFLICT');
      const again = await hub.query(REVOKE, { input: { id, version: 2, reden: 'Niet meer nodig.' } });
      expect(again.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    });

    it('refuses a content field alone, never its parent: the KCC keeps the casus and its contact person', async () => {
      const { data, errors } = await hub.query<{ huishouden: { casus: { status: string; regisseur: { naam: string }; grondslagen: unknown } } }>(
        `query($id: ID!) { huishouden(id: $id) { casus { status regisseur { naam } grondslagen { id } } } }`,
        { id: example.id },
        { rol: 'kcc-medewerker' },
      );
      expect(data!.huishouden.casus).toEqual({ status: 'OPEN', regisseur: { naam: example.wijkteam!.casus.regisseur.naam }, grondslagen: null });
      expect(errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['huishouden.casus.grondslagen', 'FORBIDDEN']]);
    });

    it.each([
      ['no domains', { domeinen: [] }, 'domeinen'],
      ['its own domain', { domeinen: ['WIJKTEAM'] }, 'domeinen.0'],
      ['an end before its start', { geldigTot: '2026-01-01' }, 'geldigTot'],
      ['no explanation', { toelichting: ' ' }, 'toelichting'],
      ['a malformed casus id', { casusId: 'casus-1' }, 'casusId'],
    ])('refuses %s with BAD_USER_INPUT naming the field', async (_what, change, field) => {
      const { errors } = await hub.query(REGISTER_GRONDSLAG, { input: { ...input(), idempotencyKey: `access-e2e-bad-${field}`, ...change } });
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });
  });

  describe('the casus question (kit/auth/casus-toegang.ts)', () => {
    const representations = (...ids: string[]) => ({ representations: ids.map((id) => ({ __typename: 'Huishouden', id })) });
    const vragen = async () =>
      new CasusVragen({
        url: hub.subgraphUrls.wijkteam,
        secret: TEST_AUTH.gatewaySecret,
        caller: { authorization: `Bearer ${await tokenFor(regisseur)}`, purpose: 'integrale-aanpak', traceId: 'casus-question' },
      });
    const wijkteamFetches = () => hub.services.wijkteam.stats.snapshot().fetches;

    it('asks once for the lokets of one stage, about exactly the households of their fetch', async () => {
      const other = [...generateHuishoudens(DEMO)].find((h) => h.id !== example.id && !h.wijkteam?.casus.leden.some((l) => l.sub === regisseur.sub))!;
      const casus = await vragen();
      const before = wijkteamFetches();
      const headers = await Promise.all(['wmo', 'cjg', 'werkplein'].map((loket) => casus.headerFor(loket, representations(example.id, other.id))));
      expect(wijkteamFetches() - before).toBe(1);
      expect(new Set(headers).size).toBe(1);
      const answer = JSON.parse(headers[0]!) as { huishoudenId: string; casusId: string; grondslagen: { domein: string }[] }[];
      expect(answer).toEqual([expect.objectContaining({ huishoudenId: example.id, casusId: example.wijkteam!.casus.id })]);
      // Asked again in the same request (a later stage): the answer is already there.
      await casus.headerFor('wmo', representations(example.id));
      expect(wijkteamFetches() - before).toBe(1);
      // About another household only: nothing, although the caller works on the example's casus.
      expect(await (await vragen()).headerFor('wmo', representations(other.id))).toBe('');
    });

    it('asks nothing for the subgraphs that do not decide with it, nor for fetches about no household', async () => {
      const casus = await vragen();
      const before = wijkteamFetches();
      expect(await casus.headerFor('brp', representations(example.id))).toBe('');
      expect(await casus.headerFor('wijkteam', representations(example.id))).toBe('');
      expect(await casus.headerFor('wmo', { bsn: example.leden[0]!.bsn })).toBe('');
      expect(wijkteamFetches()).toBe(before);
    });

    describe('its route on the wijkteam service', () => {
      const route = () => new URL(`.${CASUS_TOEGANG_ROUTE}`, hub.subgraphUrls.wijkteam).href;
      const question = (...ids: string[]) => ({ huishoudenIds: ids });
      const signed = async (body: unknown, caller: Caller = regisseur) =>
        signedHeaders(TEST_AUTH.gatewaySecret, { authorization: `Bearer ${await tokenFor(caller)}`, purpose: 'integrale-aanpak', traceId: 't', query: CASUS_TOEGANG_ROUTE, variables: body as Record<string, unknown> });

      it('answers the gateway’s signed question, about the caller only', async () => {
        const asked = question(example.id);
        const answer = await hub.post(route(), asked, await signed(asked));
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual({ casusToegang: [expect.objectContaining({ huishoudenId: example.id, casusId: example.wijkteam!.casus.id })] });
        // A colleague outside the casus gets no access from the same question.
        const outsider = await hub.post(route(), asked, await signed(asked, { rol: 'wijkteam-medewerker', sub: 'not-on-this-casus' }));
        expect(outsider.body).toEqual({ casusToegang: [] });
      });

      it.each([
        ['without the gateway’s signature', async () => headersFor(regisseur)],
        ['with the signature of another question', async () => signed(question('9999019999999999'))],
      ])('gets 401 and no answer %s', async (_what, headers) => {
        const response = await hub.post(route(), question(example.id), await headers());
        expect(response.status).toBe(401);
        expect(response.body).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })] });
      });

      it.each([
        ['no list of households', {}],
        ['more than 500 households', question(...Array.from({ length: 501 }, (_, i) => `h${i}`))],
      ])('refuses %s with 400 BAD_USER_INPUT', async (_what, body) => {
        const response = await hub.post(route(), body, await signed(body));
        expect(response.status).toBe(400);
        expect(response.body).toEqual({ errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })] });
      });

      it('answers a body that is not JSON with 400, and a GET with 405, each with a code', async () => {
        const broken = await fetch(route(), { method: 'POST', headers: { 'content-type': 'application/json', ...(await signed({})) }, body: '{"huishoudenIds": [' });
        expect(broken.status).toBe(400);
        expect(await broken.json()).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'BAD_REQUEST' } })] });
        const get = await fetch(route());
        expect(get.status).toBe(405);
        expect(await get.json()).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'METHOD_NOT_ALLOWED' } })] });
      });
    });
  });

  describe('the processing log', () => {
    it('writes one entry per data subject per subgraph fetch, under one trace id across the subgraphs', async () => {
      const response = await hub.post(hub.gatewayUrl, { query: MATRIX_QUERY, variables: { id: example.id } }, await headersFor({ rol: 'wmo-consulent' }));
      const traceId = response.headers.get(HEADERS.traceId)!;
      expect(traceId).toMatch(/^[0-9a-f]{32}$/);
      const members = example.leden.map((p) => subjectKey(TEST_AUTH.subjectKey, p.bsn)).sort();
      const brp = await traceEntries(hub, 'brp', traceId);
      expect(brp.map((e) => e.betrokkene).sort()).toEqual(members);
      for (const entry of brp) expect(entry).toMatchObject({ actorRol: 'wmo-consulent', doel: 'wmo-ondersteuning', grondslag: 'WETTELIJKE_TAAK', niveau: 'SIGNAAL', resultaat: 'TOEGESTAAN', operatie: expect.stringMatching(/^Matrix__brp__\d+$/) });
      // The wmo file concerns the residents named in its records; the consulent sees all of it.
      const wmo = await traceEntries(hub, 'wmo', traceId);
      const clients = new Set([...example.wmo!.meldingen, ...example.wmo!.voorzieningen, ...example.wmo!.contactmomenten].flatMap((r) => (r.bsn ? [r.bsn] : [])));
      expect(wmo).toHaveLength(clients.size);
      for (const entry of wmo) expect(entry).toMatchObject({ niveau: 'INHOUD', resultaat: 'TOEGESTAAN', grondslag: 'WETTELIJKE_TAAK' });
      // Other lokets disclosed that they are involved and when, and refused their content: one entry each.
      const cjg = await traceEntries(hub, 'cjg', traceId);
      expect(new Set(cjg.map((e) => e.betrokkene)).size).toBe(cjg.length);
      for (const entry of cjg) expect(entry).toMatchObject({ niveau: 'INHOUD', resultaat: 'GEDEELTELIJK', weigering: 'FORBIDDEN', grondslag: 'WETTELIJKE_TAAK' });
      // The wijkteam served two fetches (casus access, then the merge): at most one entry per subject for each.
      expect((await traceEntries(hub, 'wijkteam', traceId)).length).toBeLessThanOrEqual(2 * example.leden.length);
    });

    it.each(SUBGRAPHS)('cannot be changed or emptied in %s, by anyone, through the database itself', async (name) => {
      // The beleid subgraph logs only processings of aggregates; a refused question is one.
      if (name === 'beleid') await hub.query(BELEIDSCIJFERS, { gemeente: 'GM9999', periode: { jaar: 2025 } }, { rol: 'kcc-medewerker' });
      const table = subgraphDefinitions[name].verwerkingen;
      const { db } = hub.services[name];
      await expect(db.update(table).set({ doel: 'vervalst' })).rejects.toThrow();
      await expect(db.delete(table)).rejects.toThrow();
      await expect(db.delete(table).where(eq(table.traceId, 'no-such-trace'))).rejects.toThrow();
      const rows = await db.select().from(table);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.some((r) => r.doel === 'vervalst')).toBe(false);
    });

    it('shows the fg one merged, time-ordered list of who processed a resident’s data, matching what was done', async () => {
      const persoon = example.leden[0]!;
      const kcc = await hub.post(hub.gatewayUrl, { query: `query($bsn: String!) { persoon(bsn: $bsn) { naam { volledigeNaam } huishouden { betrokkenheid { loket } } } }`, variables: { bsn: persoon.bsn } }, await headersFor({ rol: 'kcc-medewerker', sub: 'kcc-42' }));
      const traceId = kcc.headers.get(HEADERS.traceId)!;
      const { data, errors } = await hub.query<{ verwerkingen: { verwerkingen: { traceId: string; tijdstip: string; bron: string; actor: { sub: string; rol: string }; doel: string; niveau: string; resultaat: string }[] } }>(
        `query($bsn: String!) { verwerkingen(bsn: $bsn) { verwerkingen { traceId tijdstip bron handeling actor { sub rol organisatie } doel grondslag niveau resultaat weigering } } }`,
        { bsn: persoon.bsn },
        { rol: 'fg' },
      );
      expect(errors).toBeUndefined();
      const list = data!.verwerkingen.verwerkingen;
      const times = list.map((v) => Date.parse(v.tijdstip));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      const ofKcc = list.filter((v) => v.traceId === traceId);
      expect(ofKcc.map((v) => v.bron).sort()).toEqual(['BRP', ...lokettenOf(example, persoon.bsn)].sort());
      for (const v of ofKcc) expect(v).toMatchObject({ actor: { sub: 'kcc-42', rol: 'kcc-medewerker' }, doel: 'klantcontact', niveau: 'SIGNAAL', resultaat: 'TOEGESTAAN' });
      // Everything the tests above did with this resident is there too: the matrix read every file about them.
      expect(new Set(list.map((v) => v.bron))).toEqual(new Set(['BRP', ...lokettenOf(example, persoon.bsn)]));
      expect(new Set(list.map((v) => v.actor.rol))).toEqual(new Set(['wmo-consulent', 'cjg-medewerker', 'werkplein-consulent', 'wijkteam-medewerker', 'kcc-medewerker', 'beleidsmedewerker', 'fg', 'inwoner']));
    });

    it('keeps the fg’s log when a field beside it is refused: a page of households is null on its own', async () => {
      const { data, errors } = await hub.query<{ verwerkingen: { bsn: string } | null; huishoudens: unknown }>(
        `query($bsn: String!) { verwerkingen(bsn: $bsn) { bsn } huishoudens(first: 1) { edges { node { id } } } }`,
        { bsn: example.leden[0]!.bsn },
        { rol: 'fg' },
      );
      expect(data).toEqual({ verwerkingen: { bsn: example.leden[0]!.bsn }, huishoudens: null });
      expect(errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['huishoudens', 'FORBIDDEN']]);
    });

    it('shows a resident their own log, and nobody else’s', async () => {
      const inwoner: Caller = { rol: 'inwoner', bsn: example.leden[0]!.bsn };
      const own = await hub.query<{ mijnVerwerkingen: { bsn: string; verwerkingen: unknown[] } }>(`{ mijnVerwerkingen { bsn verwerkingen { bron actor { rol } } } }`, undefined, inwoner);
      expect(own.errors).toBeUndefined();
      expect(own.data!.mijnVerwerkingen.bsn).toBe(example.leden[0]!.bsn);
      expect(own.data!.mijnVerwerkingen.verwerkingen.length).toBeGreaterThan(0);
      const other = await hub.query(`query($bsn: String!) { verwerkingen(bsn: $bsn) { verwerkingen { bron } } }`, { bsn: example.leden[1]!.bsn }, inwoner);
      expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const professional = await hub.query(`query($bsn: String!) { verwerkingen(bsn: $bsn) { verwerkingen { bron } } }`, { bsn: example.leden[1]!.bsn }, { rol: 'wmo-consulent' });
      expect(professional.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('filters by period: a period in the past holds none of today’s entries', async () => {
      const { data, errors } = await hub.query<{ verwerkingen: { verwerkingen: unknown[] } }>(
        `query($bsn: String!) { verwerkingen(bsn: $bsn, van: "2020-01-01", tot: "2020-12-31") { verwerkingen { bron } } }`,
        { bsn: example.leden[0]!.bsn },
        { rol: 'fg' },
      );
      expect(errors).toBeUndefined();
      expect(data!.verwerkingen.verwerkingen).toEqual([]);
    });
  });
});

/** The lokets whose files name this resident: each disclosed SIGNAAL about them for the kcc lookup. */
function lokettenOf(h: DemoHuishouden, bsn: string): string[] {
  const parts = { WMO: h.wmo, CJG: h.cjg, WERKPLEIN: h.werkplein } as const;
  const lokets = Object.entries(parts).flatMap(([loket, part]) => {
    if (!part) return [];
    const bsns = new Set(Object.values(part).flatMap((v) => (Array.isArray(v) ? v.flatMap((r: { bsn?: string | null }) => (r.bsn ? [r.bsn] : [])) : [])));
    const clienten = bsns.size ? bsns : new Set(h.leden.map((p) => p.bsn));
    return clienten.has(bsn) ? [loket] : [];
  });
  return h.wijkteam ? [...lokets, 'WIJKTEAM'] : lokets;
}
