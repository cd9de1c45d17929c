/**
 * `npm run screenshots`: the README's pictures of the screens, taken from a running `npm start` (the demo
 * gemeente) with Debian's Chromium: the example household as its regisseur sees it, and last year's policy
 * figures. Development roles only, so only against a development hub.
 */
import { findExampleHuishouden } from '../subgraphs/demo/generator';
import { loadDemoConfig } from '../subgraphs/kit/config';
import { launchChromium } from '../test/support/browser';

const base = new URL('/app/', process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/').href;
const example = findExampleHuishouden(loadDemoConfig());
if (!example) throw new Error('the demo gemeente has no example household: is DEMO_HOUSEHOLDS too small?');

const browser = await launchChromium();
async function signIn(rol: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  await page.goto(base);
  await page.getByLabel('Rol').selectOption(rol);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByRole('button', { name: 'Afmelden' }).waitFor();
  return page;
}
try {
  const regisseur = await signIn('wijkteam-medewerker');
  await regisseur.goto(`${base}#/huishouden/${example.id}`);
  await regisseur.getByTestId('bewoners').waitFor();
  await regisseur.waitForTimeout(1000); // the charts animate in
  await regisseur.screenshot({ path: 'docs/screenshots/huishoudbeeld.png', fullPage: true });
  const beleid = await signIn('beleidsmedewerker');
  await beleid.getByLabel('Jaar', { exact: true }).selectOption(String(new Date().getFullYear() - 1));
  await beleid.getByRole('button', { name: 'Toon cijfers' }).click();
  await beleid.getByTestId('stapeling-tabel').waitFor({ timeout: 120_000 });
  await beleid.waitForTimeout(1000);
  await beleid.screenshot({ path: 'docs/screenshots/beleidscijfers.png', fullPage: true });
  console.log('wrote docs/screenshots/huishoudbeeld.png and docs/screenshots/beleidscijfers.png');
} finally {
  await browser.close();
}
