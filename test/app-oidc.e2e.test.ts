/**
 * The web application as production runs it: no development roles, sign-in by OpenID Connect at the
 * gemeente's identity provider (authorization code with PKCE; a test provider on this machine), tokens the
 * gateway verifies against the provider's JWKS, and a gateway that runs only its trusted documents. The
 * screens' operations must pass it, the token must stay out of the browser's storage, and sign-out must
 * end the session here and at the provider.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GEMEENTE, findExampleHuishouden } from '../subgraphs/demo/generator';
import { TEST_AUTH, type Caller } from './support/auth';
import { axeViolations, launchChromium, offlineContext, screenshot } from './support/browser';
import { TEST_NOW } from './support/clock';
import { startTestHub, TEST_DOOR, type TestHub } from './support/hub';
import { startOidcProvider, type TestOidcProvider } from './support/oidc-provider';

const DEMO = { households: 20, seed: 1 };
const example = findExampleHuishouden(DEMO)!;
const regisseur = example.wijkteam!.casus.regisseur;

describe('the web application in production: OpenID Connect and trusted documents only', () => {
  let idp: TestOidcProvider;
  let hub: TestHub;
  let browser: Browser;

  beforeAll(async () => {
    idp = await startOidcProvider(
      {
        regisseur: { label: 'Regisseur van de voorbeeldcasus', claims: { sub: regisseur.sub, name: regisseur.naam, rol: 'wijkteam-medewerker', organisatie: `Gemeente ${DEMO_GEMEENTE.naam}`, gemeenten: [DEMO_GEMEENTE.code] } },
      },
      { clientId: 'loketlink-wijkteam', audience: TEST_AUTH.audience },
    );
    hub = await startTestHub(DEMO, { rol: 'wijkteam-medewerker', sub: regisseur.sub } as Caller, {
      development: false,
      door: { ...TEST_DOOR, allowArbitraryOperations: false },
      auth: { ...TEST_AUTH, keys: { kind: 'jwks', url: new URL(idp.jwksUrl) }, issuer: idp.issuer },
      oidc: { issuer: idp.issuer, clientId: idp.clientId, scope: 'openid' },
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
    await idp?.close();
  });

  it('signs in at the identity provider, runs the screens’ trusted documents, keeps the token out of storage, and signs out', async () => {
    const { context, outside } = await offlineContext(browser, { locale: 'nl-NL' });
    await context.clock.setFixedTime(TEST_NOW);
    const page = await context.newPage();
    const appUrl = new URL('/app/', hub.gatewayUrl).href;
    const config = (await (await fetch(new URL('/app/config.json', hub.gatewayUrl))).json()) as { ontwikkeling: unknown; oidc: { issuer: string } };
    expect(config.ontwikkeling).toBeNull(); // no development tokens in production
    expect(config.oidc.issuer).toBe(idp.issuer);

    await page.goto(appUrl);
    expect(await page.getByLabel('Rol').count()).toBe(0);
    await page.getByRole('button', { name: 'Aanmelden bij de gemeente' }).click();
    await page.waitForURL((url) => url.href.startsWith(`${idp.issuer}/authorize`));
    await page.getByLabel('Gebruiker').selectOption('regisseur');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    // Back at the application: the code exchanged for a token, the purpose preset and changeable.
    await page.waitForURL((url) => url.href.startsWith(appUrl) && !url.search.includes('code='));
    expect(await page.getByLabel('Doel van uw werk').inputValue()).toBe('integrale-aanpak');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('button', { name: 'Afmelden' }).waitFor();

    // A screen's operation passes a gateway that runs only trusted documents.
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && (r.request().postData() ?? '').includes('SchermZoekAdres'));
    await page.getByLabel('Postcode').fill(example.postcode);
    await page.getByLabel('Huisnummer').fill(String(example.huisnummer));
    await page.locator('#zoek-adres').getByRole('button', { name: 'Zoeken' }).click();
    expect((await answered).status()).toBe(200);
    await page.locator(`#zoek-adres a[href="#/huishouden/${example.id}"]`).click();
    await page.getByTestId('bewoners').waitFor();
    expect(await page.getByTestId('bewoners').locator('tbody tr').count()).toBe(example.leden.length);
    await screenshot(page, '10-oidc-huishouden');

    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie);
    expect(storage).not.toMatch(/eyJ/); // no JWT anywhere but in the page's memory

    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.waitForURL((url) => url.href.startsWith(appUrl));
    await page.getByRole('button', { name: 'Aanmelden bij de gemeente' }).waitFor();
    // Outside the machine: nothing. The identity provider is on this machine, as the gemeente's is on its network.
    expect(outside).toEqual([]);
    await context.close();
  }, 90_000);

  it('serves the application with a Content-Security-Policy that allows only this origin and the identity provider', async () => {
    const response = await fetch(new URL('/app/', hub.gatewayUrl));
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain(`connect-src 'self' ${idp.issuer}`);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect((await fetch(new URL('/app/..%2fpackage.json', hub.gatewayUrl))).status).toBe(404);
    expect((await fetch(new URL('/app/assets/nope.js', hub.gatewayUrl))).status).toBe(404);
    expect((await fetch(new URL('/app/%E0%A4%A', hub.gatewayUrl))).status).toBe(404); // malformed percent-encoding
    expect((await fetch(new URL('/app/%00', hub.gatewayUrl))).status).toBe(404);
    expect((await fetch(new URL('/app/', hub.gatewayUrl), { method: 'POST' })).status).toBe(405);
  });
});
