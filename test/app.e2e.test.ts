/**
 * The web application in a real browser against the real hub, as its users work with it: the regisseur
 * finds the example household, reads its picture, registers a Grondslag for Werkplein (keyboard only) and
 * sees the block fill, revokes it and sees it withheld again; the KCC sees only signals; the
 * beleidsmedewerker sees the stapeling chart and table and no way to a person; the resident sees what the
 * regisseur just did. axe checks every screen; screenshots land in test-results/screens for a reviewer.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { developmentRoles } from '../gateway/explorer';
import { DEMO_GEMEENTE, findExampleHuishouden } from '../subgraphs/demo/generator';
import type { Rol } from '../subgraphs/kit/auth/roles';
import { TEST_AUTH, type Caller } from './support/auth';
import { axeViolations, launchChromium, offlineContext, screenshot, tabTo } from './support/browser';
import { TEST_NOW } from './support/clock';
import { startTestHub, TEST_DOOR, type TestHub } from './support/hub';

const DEMO = { households: 120, seed: 1 };
const example = findExampleHuishouden(DEMO)!;
const regisseur = example.wijkteam!.casus.regisseur;
const oudste = example.leden[0]!;

describe('the web application in Chromium', () => {
  let hub: TestHub;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const outside: string[] = [];
  let appUrl: string;

  beforeAll(async () => {
    const roles = await developmentRoles(TEST_AUTH, { gemeenten: [DEMO_GEMEENTE.code], regisseur, inwonerBsn: oudste.bsn });
    hub = await startTestHub(DEMO, { rol: 'wijkteam-medewerker', sub: regisseur.sub } as Caller, { development: true, door: TEST_DOOR, explorer: { roles, huishoudenId: example.id } });
    appUrl = new URL('/app/', hub.gatewayUrl).href;
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await hub?.close();
    expect(outside, 'requests that tried to leave the machine').toEqual([]);
  });

  /** A new browser session (memory only: a new context is signed out), signed in with a development role. */
  async function signIn(rol: Rol): Promise<Page> {
    const { context, outside: blocked } = await offlineContext(browser, { viewport: { width: 1280, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    contexts.push(context);
    // The hub runs on the demo's "today" (support/clock.ts): so does the browser, or a Grondslag from its
    // today would not be current yet, and a contact moment of its now would lie in the hub's future.
    await context.clock.setFixedTime(TEST_NOW);
    const page = await context.newPage();
    page.on('close', () => outside.push(...blocked));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(appUrl);
    await page.getByLabel('Rol').selectOption(rol);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('button', { name: 'Afmelden' }).waitFor();
    expect(errors).toEqual([]);
    return page;
  }

  async function expectAccessible(page: Page, screen: string): Promise<void> {
    expect(await axeViolations(page), screen).toEqual([]);
    await screenshot(page, screen);
  }

  it('starts at a sign-in page with the development roles and a preset, changeable purpose', async () => {
    const { context } = await offlineContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(appUrl);
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    // The first Tab reaches the skip link, which shows itself and moves the focus to the content.
    const skip = page.getByRole('link', { name: 'Naar de inhoud' });
    await tabTo(page, skip, 1);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
    expect(await page.getByLabel('Doel van uw werk').inputValue()).toBe('integrale-aanpak');
    await page.getByLabel('Rol').selectOption('wmo-consulent');
    expect(await page.getByLabel('Doel van uw werk').inputValue()).toBe('wmo-ondersteuning');
    const doelen = await page.getByLabel('Doel van uw werk').locator('option').allTextContents();
    expect(doelen).toEqual(['wmo-ondersteuning', 'klantcontact']);
    expect(await page.evaluate(() => Object.keys(localStorage).length + Object.keys(sessionStorage).length)).toBe(0);
    await expectAccessible(page, '01-aanmelden');
  });

  describe('the regisseur of the example casus', () => {
    let page: Page;
    const werkplein = () => page.getByTestId('dossier-werkplein');

    beforeAll(async () => {
      page = await signIn('wijkteam-medewerker');
    });

    it('finds the household by postcode and house number and sees its picture', async () => {
      await page.getByRole('heading', { level: 1, name: 'Huishouden zoeken' }).waitFor();
      await expectAccessible(page, '02-zoeken');
      await page.getByLabel('Postcode').fill(example.postcode.replace(' ', '').toLowerCase());
      await page.getByLabel('Huisnummer').fill(String(example.huisnummer));
      await page.locator('#zoek-adres').getByRole('button', { name: 'Zoeken' }).click();
      await page.locator(`#zoek-adres a[href="#/huishouden/${example.id}"]`).click();
      await page.getByRole('heading', { level: 1, name: /^Huishouden / }).waitFor();

      // Who lives there, with ages; which loketten are involved; the timeline across four loketten.
      const bewoners = await page.getByTestId('bewoners').locator('tbody tr').allTextContents();
      expect(bewoners).toHaveLength(example.leden.length);
      for (const lid of example.leden) expect(bewoners.join('\n')).toContain(lid.geslachtsnaam);
      expect(bewoners.every((r) => / jaar$/.test(r))).toBe(true);
      const loketten = await page.getByTestId('tijdlijn').locator('[data-loket]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-loket')))]);
      expect(loketten.sort()).toEqual(['CJG', 'WERKPLEIN', 'WIJKTEAM', 'WMO']);
      const tijden = await page.getByTestId('tijdlijn').locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
      expect(tijden).toEqual([...tijden].sort().reverse());

      // The Wmo's open steps with their legal deadlines.
      const stappen = await page.getByTestId('open-stappen').locator('tbody tr').allTextContents();
      expect(stappen.some((r) => r.startsWith('Wmo-loket'))).toBe(true);

      // Werkplein needs a Grondslag; the Wmo block (covered by the casus' Grondslag) shows its records.
      await expect.poll(() => werkplein().textContent()).toContain('Geen Grondslag dekt Werkplein');
      expect(await werkplein().locator('[data-weigering]').getAttribute('data-weigering')).toBe('GRONDSLAG_REQUIRED');
      expect(await page.getByTestId('dossier-wmo').locator('table').count()).toBeGreaterThan(0);
      // The timeline filtered by loket: without Werkplein, no Werkplein contact is left.
      await page.locator('#filter-WERKPLEIN').uncheck();
      await page.getByRole('button', { name: 'Filter toepassen' }).click();
      await expect.poll(() => page.getByTestId('tijdlijn').locator('[data-loket="WERKPLEIN"]').count()).toBe(0);
      expect(await page.getByTestId('tijdlijn').locator('[data-loket="WMO"]').count()).toBeGreaterThan(0);
      await page.locator('#filter-WERKPLEIN').check();
      await page.getByRole('button', { name: 'Filter toepassen' }).click();
      await expect.poll(() => page.getByTestId('tijdlijn').locator('[data-loket="WERKPLEIN"]').count()).toBeGreaterThan(0);
      // And by period: from the middle of the timeline on, only the newer half is left.
      const midden = tijden[Math.floor(tijden.length / 2)]!.slice(0, 10);
      await page.getByLabel('Van', { exact: true }).fill(midden);
      await page.getByRole('button', { name: 'Filter toepassen' }).click();
      const tijdlijnTijden = () => page.getByTestId('tijdlijn').locator('time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
      await expect.poll(async () => (await tijdlijnTijden()).length).toBeLessThan(tijden.length);
      expect((await tijdlijnTijden()).every((t) => t.slice(0, 10) >= midden)).toBe(true);
      await page.getByLabel('Van', { exact: true }).fill('');
      await page.getByRole('button', { name: 'Filter toepassen' }).click();
      await expect.poll(async () => (await tijdlijnTijden()).length).toBe(tijden.length);
      // The plan as a chart and as numbers.
      expect(await page.getByTestId('plan').locator('tbody tr').count()).toBe(example.wijkteam!.casus.plan!.doelen.length);
      await expectAccessible(page, '03-huishouden');
    });

    it('registers a Grondslag for Werkplein with the keyboard alone, sees the block fill, and revokes it', async () => {
      const werkpleinVinkje = page.locator('#domein-WERKPLEIN');
      await page.locator('#grondslag-registreren-kop').scrollIntoViewIfNeeded();
      await page.locator('#inhoud').focus();
      await tabTo(page, werkpleinVinkje);
      await page.keyboard.press('Space');
      expect(await werkpleinVinkje.isChecked()).toBe(true);
      await tabTo(page, page.getByLabel('Toelichting'));
      await page.keyboard.type('Schulden en zorg hangen samen: het gezin stemt in met de integrale aanpak.');
      await tabTo(page, page.getByRole('button', { name: 'Registreer Grondslag' }));
      await page.keyboard.press('Enter');
      await page.getByText('De Grondslag is geregistreerd.').waitFor();
      await expect.poll(() => werkplein().locator('[data-weigering]').count()).toBe(0);
      expect(await werkplein().getByRole('table').count()).toBeGreaterThan(0);
      await screenshot(page, '04-grondslag-geregistreerd');

      await tabTo(page, page.getByRole('button', { name: 'Grondslag voor Werkplein intrekken' }));
      await page.keyboard.press('Enter');
      await tabTo(page, page.getByLabel('Reden van intrekken'));
      await page.keyboard.type('Het gezin trekt de toestemming in.');
      await page.keyboard.press('Enter');
      await page.getByText('De Grondslag is ingetrokken.').waitFor();
      await expect.poll(() => werkplein().locator('[data-weigering]').getAttribute('data-weigering')).toBe('GRONDSLAG_REQUIRED');
      await expectAccessible(page, '05-grondslag-ingetrokken');
    });

    it('registers a contact moment of the wijkteam and sees it on top of the timeline', async () => {
      await page.getByLabel('Onderwerp').fill('Huisbezoek na intrekken Grondslag');
      await page.getByLabel('Notitie').fill('Afspraken gemaakt over het vervolg.');
      await page.getByRole('button', { name: 'Registreer contactmoment' }).click();
      await page.getByText('Het contactmoment is geregistreerd.').waitFor().catch(async (e: unknown) => {
        await screenshot(page, 'fout-contactmoment');
        throw e;
      });
      const eerste = page.getByTestId('tijdlijn').locator('tbody tr').first();
      await expect.poll(() => eerste.textContent()).toContain('Huisbezoek na intrekken Grondslag');
      expect(await eerste.locator('[data-loket]').getAttribute('data-loket')).toBe('WIJKTEAM');
    });

    it('browses the households of a wijk a page at a time', async () => {
      await page.getByRole('link', { name: 'Terug naar zoeken' }).click();
      await page.getByLabel('Wijk', { exact: true }).selectOption({ index: 1 });
      await page.getByRole('button', { name: 'Toon huishoudens' }).click();
      const status = page.locator('#zoek-wijk').getByRole('status').first();
      await expect.poll(() => status.textContent()).toMatch(/^\d+ huishoudens in deze wijk · Pagina 1$/);
      const totaal = Number(/^(\d+)/.exec((await status.textContent())!)![1]);
      const eerste = await page.locator('#zoek-wijk tbody tr').count();
      expect(eerste).toBe(Math.min(totaal, 20));
      if (totaal > 20) {
        await page.getByRole('button', { name: 'Volgende pagina' }).click();
        await expect.poll(() => status.textContent()).toContain('Pagina 2');
        expect(await page.locator('#zoek-wijk tbody tr').count()).toBe(Math.min(totaal - 20, 20));
      }
    });

    it('signs out: the session was in memory only', async () => {
      await page.getByRole('button', { name: 'Afmelden' }).click();
      await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
      await page.goto(`${appUrl}#/huishouden/${example.id}`);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    });
  });

  it('shows the KCC only signals: who is involved and whom to call, not what', async () => {
    const page = await signIn('kcc-medewerker');
    await page.getByLabel('Burgerservicenummer').fill(oudste.bsn.slice(0, 8) + String((Number(oudste.bsn[8]) + 1) % 10));
    await page.getByText('Dit is geen geldig BSN').first().waitFor();
    expect(await page.locator('#zoek-bsn').getByRole('button', { name: 'Zoeken' }).isDisabled()).toBe(true);
    await page.getByLabel('Burgerservicenummer').fill(oudste.bsn);
    await page.getByText('Geldig BSN.').waitFor();
    await page.locator('#zoek-bsn').getByRole('button', { name: 'Zoeken' }).click();
    await page.locator(`#zoek-bsn a[href="#/huishouden/${example.id}"]`).click();
    await page.getByTestId('betrokkenheid').waitFor();
    for (const blok of ['dossier-wmo', 'dossier-cjg', 'dossier-werkplein']) {
      expect(await page.getByTestId(blok).locator('[data-weigering]').getAttribute('data-weigering'), blok).toBe('FORBIDDEN');
    }
    expect(await page.getByTestId('tijdlijn').getByText('Afgeschermd').count()).toBeGreaterThan(0);
    // The casus is a signal too (regisseur and team, whom to call); its plan and Grondslagen are content.
    expect(await page.locator('#casus').getByText(regisseur.naam).count()).toBeGreaterThan(0);
    expect(await page.locator('#casus [data-weigering="FORBIDDEN"]').count()).toBe(2);
    expect(await page.getByRole('button', { name: 'Registreer Grondslag' }).count()).toBe(0);
    await expectAccessible(page, '06-kcc-huishouden');
  });

  it('shows the beleidsmedewerker the stapeling chart and table, and no way to a person', async () => {
    const page = await signIn('beleidsmedewerker');
    await page.getByRole('heading', { level: 1, name: 'Beleidscijfers' }).waitFor();
    const tabel = page.getByTestId('stapeling-tabel');
    await tabel.waitFor({ timeout: 60_000 });
    expect(await tabel.locator('tbody tr').first().textContent()).toContain(DEMO_GEMEENTE.naam);
    expect(await page.getByTestId('stapeling-grafiek').locator('svg').count()).toBeGreaterThan(0);
    // Withheld cells say so, with the reason.
    expect(await tabel.locator('[data-afgeschermd]').count()).toBeGreaterThan(0);
    expect(await tabel.locator('[data-afgeschermd]').first().textContent()).toMatch(/afgeschermd/);
    expect(await page.getByTestId('doorlooptijden').locator('tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible(page, '07-beleidscijfers');
    // No link, menu item or route leads to a household or a person.
    expect(await page.locator('a[href*="huishouden"]').count()).toBe(0);
    expect(await page.getByRole('navigation').getByRole('link').allTextContents()).toEqual(['Beleidscijfers']);
    await page.goto(`${appUrl}#/huishouden/${example.id}`);
    await page.getByRole('heading', { level: 1, name: 'Beleidscijfers' }).waitFor();
  });

  it('shows the resident who looked at their data: the regisseur’s Grondslag, with when, why and on which basis', async () => {
    const page = await signIn('inwoner');
    await page.getByRole('heading', { level: 1, name: 'Wie zag mijn gegevens' }).waitFor();
    const log = page.getByTestId('verwerkingen');
    await log.waitFor();
    const regels = await log.locator('tbody tr').allTextContents();
    const door = (handeling: string) => regels.filter((r) => r.includes(handeling) && r.includes('Wijkteammedewerker') && r.includes('integrale-aanpak') && r.includes('Wettelijke taak'));
    expect(door('Vastgelegd: Grondslag geregistreerd')).toHaveLength(1);
    expect(door('Vastgelegd: Grondslag ingetrokken')).toHaveLength(1);
    expect(door('Ingezien: Huishoudbeeld bekeken').length).toBeGreaterThan(0);
    await expectAccessible(page, '08-mijn-gegevens');
  });

  it('lets the fg search a resident’s log by BSN', async () => {
    const page = await signIn('fg');
    await page.getByLabel('BSN van de inwoner').fill(oudste.bsn);
    await page.getByRole('button', { name: 'Toon logboek' }).click();
    await page.getByTestId('verwerkingen').waitFor();
    expect(await page.getByTestId('verwerkingen').locator('tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible(page, '09-verwerkingen-fg');
  });
});
