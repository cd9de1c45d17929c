/**
 * The browser of the tests: Debian's Chromium driven by playwright-core (nothing is downloaded), a context
 * that lets no request leave the machine, axe for WCAG 2.1 AA, and a keyboard that reaches a control the way
 * a person without a mouse does: with Tab.
 */
import { existsSync, mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** Screenshots for a reviewer to look at; written by every run, never committed. */
export const SCREENSHOTS = 'test-results/screens';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh context whose requests to anywhere but this machine are blocked and collected in `outside`. */
export async function offlineContext(browser: Browser, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; outside: string[] }> {
  const context = await browser.newContext(options);
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'blob:' || url.protocol === 'data:' || url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    outside.push(url.href);
    return route.abort();
  });
  return { context, outside };
}

/** The WCAG 2.1 A and AA rules axe has that the page breaks, as `rule: target` lines (none is the goal). */
export async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/**
 * Presses Tab until `target` has the focus, as a keyboard user would; fails when it never gets there. Also
 * checks that the focus is visible there (WCAG 2.4.7): an outline, or the browser's focus ring.
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 250): Promise<void> {
  for (let presses = 0; ; presses++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      const outline = await target.evaluate((el) => getComputedStyle(el).outlineStyle);
      if (outline === 'none') throw new Error('the focused control shows no focus outline');
      return;
    }
    if (presses === maxPresses) throw new Error(`Tab did not reach ${target.toString()} in ${maxPresses} presses`);
    await page.keyboard.press('Tab');
  }
}
