import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from '../support/browser.ts';
import { DISPLAY_TOKEN, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

/** Each page, and something that shows it came up (its first screen). */
const PAGES: readonly [string, string][] = [
  [`/kiosk?token=${KIOSK_TOKEN}`, '[data-agency]'],
  [`/display?token=${DISPLAY_TOKEN}`, '[data-testid="display"]'],
  ['/counter', 'input[name="username"]'],
  ['/mod', 'input[name="username"]'],
  ['/fo', 'input[name="username"]'],
  ['/', '[data-testid="screens"]'],
  [`/survey?lang=id`, 'body *'],
  ['/pengaduan', 'form'],
];

let browser: Browser;
let t: TestHub;

beforeAll(async () => {
  t = await startTestHub();
  browser = await launchBrowser({ enforceCsp: true });
});
afterAll(async () => {
  await browser.close();
  await t.stop();
});

describe('every page under the hub’s Content-Security-Policy', () => {
  it.each(PAGES)('%s comes up with no policy violation and no script error', async (path, ready) => {
    const page = await browser.page({ width: 1366, height: 768 });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text()))
        problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${t.hub.url}${path}`);
    await page.locator(ready).first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    expect(problems).toEqual([]);
    await page.close();
  });
});
