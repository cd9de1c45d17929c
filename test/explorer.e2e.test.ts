/**
 * The development explorer in a real browser on a machine without internet: Debian's Chromium, driven by
 * playwright-core, with every request that is not to this machine blocked. It must load, run the README's
 * household query with the picked role's token, and show the answer, without trying to reach anything else.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developmentRoles } from '../gateway/explorer';
import { DEMO_GEMEENTE, findExampleHuishouden } from '../subgraphs/demo/generator';
import { TEST_AUTH, type Caller } from './support/auth';
import { launchChromium, offlineContext } from './support/browser';
import { startTestHub, TEST_DOOR, type TestHub } from './support/hub';

const DEMO = { households: 20, seed: 5 };
const example = findExampleHuishouden(DEMO)!;
const regisseur = example.wijkteam!.casus.regisseur;

describe('the offline explorer', () => {
  let hub: TestHub;
  let browser: Browser;

  beforeAll(async () => {
    const roles = await developmentRoles(TEST_AUTH, { gemeenten: [DEMO_GEMEENTE.code], regisseur, inwonerBsn: example.leden[0]!.bsn });
    hub = await startTestHub(DEMO, { rol: 'wijkteam-medewerker', sub: regisseur.sub } as Caller, {
      development: true,
      door: TEST_DOOR,
      explorer: { roles, huishoudenId: example.id },
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.close();
  });

  it('runs the README household query as the picked role, with nothing loaded from outside the machine', async () => {
    const { context, outside } = await offlineContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(`${hub.gatewayUrl}?rol=wijkteam-medewerker`);
      expect(await page.locator('#loketlink-rol').inputValue()).toBe('wijkteam-medewerker');
      // The answer the page got (the pane shows only what fits on screen), and what it shows of it.
      const answered = page.waitForResponse((r) => r.request().method() === 'POST' && (r.request().postData() ?? '').includes('Huishoudbeeld'));
      await page.locator('.graphiql-execute-button').click({ timeout: 30_000 });
      const response = await answered;
      const body = (await response.json()) as { data: { huishouden: { adres: { adresregel1: string }; leden: { bsn: string }[] } } };
      expect(body.data.huishouden.leden.map((p) => p.bsn)).toEqual(example.leden.map((p) => p.bsn));
      expect(body.data.huishouden.adres.adresregel1).toBeTruthy();
      await page.locator('.graphiql-response').getByText('GRONDSLAG_REQUIRED').first().waitFor({ timeout: 30_000 });
      await page.screenshot({ path: 'test-results/explorer.png' });
      // Another role from the picker: the page reloads with that role's token and purpose.
      await page.locator('#loketlink-rol').selectOption('kcc-medewerker');
      await page.waitForURL(/rol=kcc-medewerker/);
      expect(await page.locator('#loketlink-rol').inputValue()).toBe('kcc-medewerker');
    } finally {
      await context.close();
    }
    expect(outside).toEqual([]);
  }, 90_000);
});
