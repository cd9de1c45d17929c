import { describe, expect, it } from 'vitest';
import { decide, decideLogboek, type AccessRequest, type CasusToegang } from './access';
import { EXAMPLE_SECRETS, loadAuthConfig } from './config';
import { loadRegister, verwerkingsregister } from './doelen';
import { sign, signedBody, verify } from './gateway-credential';
import { LogStore, ProcessingLog, subjectKey, type VerwerkingTable } from './log';
import { isProfessional, ROLLEN, type Rol } from './roles';
import { signDevelopmentToken, tokenVerifier, type Actor } from './token';

const BSN = '999990019';
const actor = (rol: Rol, extra: Partial<Actor> = {}): Actor => ({ sub: `s-${rol}`, naam: rol, rol, organisatie: 'GM9999', gemeenten: ['GM9999'], ...extra });
const wmoInhoud: AccessRequest = { domein: 'WMO', niveau: 'INHOUD', gemeente: 'GM9999', bsns: [BSN] };
const toegang = (...domeinen: ('WMO' | 'CJG' | 'WERKPLEIN')[]): CasusToegang => ({ huishoudenId: 'h', casusId: 'c', grondslagen: domeinen.map((domein) => ({ domein, soort: 'TOESTEMMING' })) });

describe('decide: the access model of DESIGN.md', () => {
  it.each([
    ['own staff see their own domain', actor('wmo-consulent'), 'wmo-ondersteuning', wmoInhoud, 'WETTELIJKE_TAAK'],
    ['other lokets see only SIGNAAL', actor('cjg-medewerker'), 'jeugd-en-gezin', wmoInhoud, 'FORBIDDEN'],
    ['SIGNAAL is for every professional role', actor('kcc-medewerker'), 'klantcontact', { ...wmoInhoud, niveau: 'SIGNAAL' }, 'WETTELIJKE_TAAK'],
    ['a casus member with a Grondslag for the domain', actor('wijkteam-medewerker'), 'integrale-aanpak', { ...wmoInhoud, toegang: toegang('WMO') }, 'TOESTEMMING'],
    ['a casus member without one', actor('wijkteam-medewerker'), 'integrale-aanpak', { ...wmoInhoud, toegang: toegang('CJG') }, 'GRONDSLAG_REQUIRED'],
    ['a wijkteam member not on the casus', actor('wijkteam-medewerker'), 'integrale-aanpak', { ...wmoInhoud, toegang: null }, 'FORBIDDEN'],
    ['the wijkteam in its own domain', actor('wijkteam-medewerker'), 'integrale-aanpak', { ...wmoInhoud, domein: 'WIJKTEAM' }, 'WETTELIJKE_TAAK'],
    ['another gemeente', actor('wmo-consulent', { gemeenten: ['GM9998'] }), 'wmo-ondersteuning', wmoInhoud, 'FORBIDDEN'],
    ['no purpose', actor('wmo-consulent'), null, wmoInhoud, 'FORBIDDEN'],
    ['an unregistered purpose', actor('wmo-consulent'), 'marketing', wmoInhoud, 'FORBIDDEN'],
    ['another role’s purpose', actor('wmo-consulent'), 'integrale-aanpak', wmoInhoud, 'FORBIDDEN'],
    ['a beleidsmedewerker, even at SIGNAAL', actor('beleidsmedewerker'), 'beleidsinformatie', { ...wmoInhoud, niveau: 'SIGNAAL' }, 'FORBIDDEN'],
    ['the fg, for person-level data', actor('fg'), 'toezicht-gegevensbescherming', { ...wmoInhoud, niveau: 'SIGNAAL' }, 'FORBIDDEN'],
    ['a resident, for a picture', actor('inwoner', { bsn: BSN }), 'inzage-eigen-gegevens', { ...wmoInhoud, niveau: 'SIGNAAL' }, 'FORBIDDEN'],
  ] as [string, Actor, string | null, AccessRequest, string][])('%s', (_what, who, doel, request, expected) => {
    const decision = decide(who, doel, request);
    expect(decision.allowed ? decision.grondslag : decision.code).toBe(expected);
  });

  it('bounds the role by the purpose: content and writes only where the register says', () => {
    const under = (doel: string, request: AccessRequest) => {
      const decision = decide(actor('wijkteam-medewerker'), doel, request);
      return decision.allowed ? decision.grondslag : decision.code;
    };
    const eigen: AccessRequest = { ...wmoInhoud, domein: 'WIJKTEAM' };
    expect(under('integrale-aanpak', eigen)).toBe('WETTELIJKE_TAAK');
    expect(under('klantcontact', eigen)).toBe('FORBIDDEN');
    expect(under('klantcontact', { ...eigen, niveau: 'SIGNAAL' })).toBe('WETTELIJKE_TAAK');
    expect(under('integrale-aanpak', { ...eigen, handeling: 'SCHRIJVEN', actie: 'registerGrondslag' })).toBe('WETTELIJKE_TAAK');
    expect(under('integrale-aanpak', { ...eigen, handeling: 'SCHRIJVEN', actie: 'recordBeschikking' })).toBe('FORBIDDEN');
    expect(under('klantcontact', { ...eigen, handeling: 'SCHRIJVEN', actie: 'registerGrondslag' })).toBe('FORBIDDEN');
    expect(under('integrale-aanpak', { ...eigen, handeling: 'SCHRIJVEN', actie: 'registerWijkteamContactmoment' })).toBe('WETTELIJKE_TAAK');
    expect(under('klantcontact', { ...eigen, handeling: 'SCHRIJVEN', actie: 'registerWijkteamContactmoment' })).toBe('FORBIDDEN');
    expect(under('integrale-aanpak', { ...eigen, voorwaarde: { voldaan: false, weigering: 'not on the casus' } })).toBe('FORBIDDEN');
  });

  it('lists the purposes a role may state when it states another, or none', () => {
    const unknown = decide(actor('kcc-medewerker'), 'nieuwsgierigheid', { ...wmoInhoud, niveau: 'SIGNAAL' });
    expect(unknown.allowed ? '' : unknown.message).toMatch(/kcc-medewerker may state: klantcontact$/);
    const none = decide(actor('wmo-consulent'), null, wmoInhoud);
    expect(none.allowed ? '' : none.message).toMatch(/X-Doel header; the role wmo-consulent may state: wmo-ondersteuning, klantcontact$/);
  });

  it('lets the fg and the resident themselves, and only them, read the log', () => {
    expect(decideLogboek(actor('fg'), 'toezicht-gegevensbescherming', BSN).allowed).toBe(true);
    expect(decideLogboek(actor('inwoner', { bsn: BSN }), 'inzage-eigen-gegevens', BSN).allowed).toBe(true);
    expect(decideLogboek(actor('inwoner', { bsn: '999990020' }), 'inzage-eigen-gegevens', BSN).allowed).toBe(false);
    expect(decideLogboek(actor('fg'), 'klantcontact', BSN).allowed).toBe(false);
    expect(decideLogboek(actor('wmo-consulent'), 'wmo-ondersteuning', BSN).allowed).toBe(false);
  });
});

describe('the register of processing activities', () => {
  it('gives every role a purpose, and person-level purposes to professional roles only', () => {
    for (const rol of ROLLEN) expect([...verwerkingsregister.values()].some((d) => d.rollen.includes(rol)), rol).toBe(true);
    for (const doel of verwerkingsregister.values()) {
      if (doel.persoonsgegevens) for (const rol of doel.rollen) expect(isProfessional(rol), `${doel.doel}: ${rol}`).toBe(true);
    }
  });

  it('refuses a malformed register instead of guessing', () => {
    expect(() => loadRegister('- doel: x\n  rollen: [koning]\n')).toThrow();
  });
});

describe('the processing log of one fetch', () => {
  const key = new TextEncoder().encode('k'.repeat(32));
  const log = () => new ProcessingLog({ actor: actor('wijkteam-medewerker'), purpose: 'integrale-aanpak', traceId: 't', key }, new LogStore(null as never, null as unknown as VerwerkingTable));

  it('keeps one entry per data subject, with the highest level asked and what came of it', () => {
    const l = log();
    l.record({ bsns: [BSN, '999990020'], niveau: 'SIGNAAL', outcome: { grondslag: 'WETTELIJKE_TAAK' } });
    l.record({ bsns: [BSN], niveau: 'INHOUD', outcome: { grondslag: 'TOESTEMMING' } });
    l.record({ bsns: ['999990020'], niveau: 'INHOUD', outcome: { weigering: 'GRONDSLAG_REQUIRED' } });
    l.record({ bsns: ['999990032'], niveau: 'INHOUD', outcome: { weigering: 'FORBIDDEN' } });
    const rows = Object.fromEntries(l.drain()!.entries.map((r) => [r.betrokkene, r]));
    expect(Object.keys(rows)).toHaveLength(3);
    expect(rows[subjectKey(key, BSN)]).toMatchObject({ niveau: 'INHOUD', resultaat: 'TOEGESTAAN', grondslag: 'TOESTEMMING', weigering: null });
    expect(rows[subjectKey(key, '999990020')]).toMatchObject({ niveau: 'INHOUD', resultaat: 'GEDEELTELIJK', grondslag: 'WETTELIJKE_TAAK', weigering: 'GRONDSLAG_REQUIRED' });
    expect(rows[subjectKey(key, '999990032')]).toMatchObject({ resultaat: 'GEWEIGERD', grondslag: null, weigering: 'FORBIDDEN' });
    expect(l.drain()).toBeNull();
  });

  it('stores a keyed hash, never the BSN', () => {
    const l = log();
    l.record({ bsns: [BSN], niveau: 'SIGNAAL', outcome: { grondslag: 'WETTELIJKE_TAAK' } });
    const write = l.drain()!;
    const [row] = write.entries;
    expect(JSON.stringify(write)).not.toContain(BSN);
    expect(row!.betrokkene).not.toBe(subjectKey(new TextEncoder().encode('x'.repeat(32)), BSN));
  });
});

describe('the gateway credential', () => {
  const secret = new TextEncoder().encode('s'.repeat(40));
  const parts = {
    timestamp: String(Date.now()),
    traceId: 't1',
    purpose: 'integrale-aanpak',
    authorization: 'Bearer a.b.c',
    casusToegang: '[{"huishoudenId":"h","casusId":"c","grondslagen":[]}]',
    body: signedBody('{ x }', { id: 1 }),
  };

  it('verifies its own signature, and nothing that differs in any part', () => {
    const signature = sign(secret, parts);
    expect(verify(secret, parts, signature)).toBe(true);
    for (const field of Object.keys(parts) as (keyof typeof parts)[]) {
      expect(verify(secret, { ...parts, [field]: `${parts[field]}0` }, signature), field).toBe(false);
    }
    expect(verify(new TextEncoder().encode('t'.repeat(40)), parts, signature)).toBe(false);
  });

  it('covers the operation and its variables, each on its own', () => {
    const signature = sign(secret, parts);
    for (const body of [signedBody('{ y }', { id: 1 }), signedBody('{ x }', { id: 2 }), signedBody('{ x }', null), signedBody('{ x }\n1', { id: 1 })]) {
      expect(verify(secret, { ...parts, body }, signature)).toBe(false);
    }
    expect(verify(secret, { ...parts, body: signedBody('{ x }', { id: 1 }) }, signature)).toBe(true); // the remembered digest
  });

  it('is good for a minute', () => {
    const old = { ...parts, timestamp: String(Date.now() - 61_000) };
    expect(verify(secret, old, sign(secret, old))).toBe(false);
  });
});

describe('auth configuration', () => {
  it('works out of the box in development', () => {
    expect(loadAuthConfig({}).keys.kind).toBe('secret');
  });

  it('refuses to start in production with an example secret, naming it', () => {
    expect(() => loadAuthConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_JWT_SECRET, GATEWAY_SECRET, LOG_SUBJECT_KEY/);
    const own = { GATEWAY_SECRET: 'g'.repeat(40), LOG_SUBJECT_KEY: 'l'.repeat(40) };
    expect(() => loadAuthConfig({ NODE_ENV: 'production', ...own })).toThrow(/AUTH_JWT_SECRET/);
    expect(loadAuthConfig({ NODE_ENV: 'production', ...own, AUTH_JWKS_URL: 'https://idp.gemeente.invalid/jwks' }).keys.kind).toBe('jwks');
    expect(loadAuthConfig({ NODE_ENV: 'production', ...own, AUTH_JWT_SECRET: 'j'.repeat(40) }).keys.kind).toBe('secret');
  });

  it('refuses a short secret', () => {
    expect(() => loadAuthConfig({ GATEWAY_SECRET: 'short' })).toThrow(/GATEWAY_SECRET/);
    expect(EXAMPLE_SECRETS.GATEWAY_SECRET.length).toBeGreaterThanOrEqual(32);
  });
});

describe('token verification', () => {
  const config = loadAuthConfig({});
  const verifyToken = tokenVerifier(config);
  const claims = { sub: 'u1', name: 'Fatima', rol: 'wmo-consulent' as const, organisatie: 'Gemeente Lindeveen', gemeenten: ['GM9999'] };
  const refused = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => undefined, (e: unknown) => e as { extensions: { code: string; http: { status: number } } });
    expect(error?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', http: { status: 401 } });
  };

  it('reads the caller from a valid token', async () => {
    const token = await signDevelopmentToken(config, claims);
    await expect(verifyToken(`Bearer ${token}`)).resolves.toEqual({ sub: 'u1', naam: 'Fatima', rol: 'wmo-consulent', organisatie: 'Gemeente Lindeveen', gemeenten: ['GM9999'] });
  });

  it.each([
    ['no header', async () => undefined],
    ['expired', async () => `Bearer ${await signDevelopmentToken(config, claims, { expiresIn: Math.floor(Date.now() / 1000) - 5 })}`],
    ['another key', async () => `Bearer ${await signDevelopmentToken(config, claims, { secret: new TextEncoder().encode('x'.repeat(40)) })}`],
    ['another audience', async () => `Bearer ${await signDevelopmentToken(config, claims, { audience: 'elders' })}`],
    ['an unknown role', async () => `Bearer ${await signDevelopmentToken(config, { ...claims, rol: 'koning' as never })}`],
    ['no gemeente', async () => `Bearer ${await signDevelopmentToken(config, { ...claims, gemeenten: [] })}`],
    ['a resident without BSN', async () => `Bearer ${await signDevelopmentToken(config, { ...claims, rol: 'inwoner' })}`],
    ['a BSN that fails the 11-proef', async () => `Bearer ${await signDevelopmentToken(config, { ...claims, rol: 'inwoner', bsn: '999990018' })}`],
  ])('refuses %s', async (_what, header) => {
    await refused(verifyToken(await header()));
  });

  it('says a malformed token is malformed, not that none was sent', async () => {
    const message = (header: string | undefined) => verifyToken(header).then(() => '', (e: Error) => e.message);
    expect(await message(undefined)).toMatch(/^Send a token/);
    expect(await message('Bearer garbage')).toMatch(/^The token is malformed/);
    expect(await message('Bearer a.b.c')).toMatch(/^The token is malformed/);
  });
});
