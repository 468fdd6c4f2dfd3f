import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from '../support/browser.ts';
import { DISPLAY_TOKEN, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

/** Each page, and something that shows it came up (its first screen). */
const PAGES: readonly [string, string][] = [
  [`/kiosk?token=${KIOSK_TOKEN}`, '[data-agency]'],
  [`/display?token=${DISPLAY_TOKEN}`, '[data-testid="display"]'],
  ['/counter', 'input[name="username"]'],
  ['/mod', 'input[name="username"]'],
  // The survey's own first screen, not any element: an error screen must not count as "came up".
  [`/survey?lang=id`, '[data-screen="start"]'],
  [`/survey?token=${KIOSK_TOKEN}&lang=id`, '[data-screen="start"]'],
  ['/fo', 'input[name="username"]'],
  ['/', '[data-testid="screens"]'],
  ['/pengaduan', 'form'],
];

let browser: Browser | undefined;
let t: TestHub | undefined;

beforeAll(async () => {
  t = await startTestHub();
  browser = await launchBrowser({ enforceCsp: true });
});
// Chromium may have failed to start (then only its own error is reported): the hub is stopped whatever happened.
afterAll(async () => {
  try {
    await browser?.close();
  } finally {
    await t?.stop();
  }
});

function started(): { browser: Browser; t: TestHub } {
  if (!browser || !t) throw new Error('the hub or Chromium did not start');
  return { browser, t };
}

describe('every page under the hub’s Content-Security-Policy', () => {
  it.each(PAGES)('%s comes up with no policy violation and no script error', async (path, ready) => {
    const { browser, t } = started();
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
