import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { launchBrowser, screenshot, type Browser } from '../support/browser.ts';
import { KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';
import { readabilityProblems } from '../support/readability.ts';

/** Wednesday 25 November 2026, 09:00 in Pontianak: every service is open. */
const WEDNESDAY_0900 = '2026-11-25T02:00:00.000Z';
/** A small portrait kiosk, the usual 1080×1920 and a landscape one. */
const SIZES = [
  { width: 720, height: 1280 },
  { width: 1080, height: 1920 },
  { width: 1920, height: 1080 },
];

let browser: Browser;
let t: TestHub;

beforeAll(async () => {
  t = await startTestHub({ clock: new ManualClock(WEDNESDAY_0900) });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  await t.stop();
});

/** Plain JS run in the page: how many lines "‹ Kembali" takes, and whether "60+" lies inside its circle. */
const MEASURE = `(() => {
  const back = document.querySelector('.back-button');
  const range = document.createRange();
  range.selectNodeContents(back);
  const backSize = parseFloat(getComputedStyle(back).fontSize);
  const symbol = document.querySelector('[data-priority="lansia"] .priority-symbol');
  const text = document.createRange();
  text.selectNodeContents(symbol);
  const circle = symbol.getBoundingClientRect();
  const glyphs = text.getBoundingClientRect();
  const size = parseFloat(getComputedStyle(symbol).fontSize);
  // The text's box, its height the digits' (about 0.72 em), must fit inside the circle with 2 px to spare.
  const halfDiagonal = Math.hypot(glyphs.width / 2, (0.72 * size) / 2);
  return {
    backLines: Math.round(range.getBoundingClientRect().height / (backSize * 1.2)),
    symbolFits: halfDiagonal <= circle.width / 2 - 2,
    halfDiagonal,
    radius: circle.width / 2,
  };
})()`;

async function openPriority(page: Page): Promise<void> {
  await page.goto(`${t.hub.url}/kiosk?token=${KIOSK_TOKEN}`);
  await page.click('[data-agency="kecamatan"]');
  await page.locator('[data-service="izin-keramaian"]').waitFor();
}

describe('the kiosk for elderly eyes (issue 14)', () => {
  for (const size of SIZES)
    it(`at ${String(size.width)}×${String(size.height)}: requirements ≥ 22 px and AA, "‹ Kembali" on one line, "60+" in its circle`, async () => {
      const page = await browser.page(size);
      await openPriority(page);
      const summaries = await page.locator('.service-summary').allTextContents();
      expect(summaries.length).toBeGreaterThan(0);
      const problems = (await readabilityProblems(page, 22)).filter((p) =>
        summaries.some((s) => s.includes(p.text)),
      );
      expect(problems).toEqual([]);
      await screenshot(page, `kiosk-elderly-services-${String(size.width)}`);

      await page.click('[data-service="izin-keramaian"]');
      await page.locator('[data-priority="lansia"]').waitFor();
      const measured = await page.evaluate<{ backLines: number; symbolFits: boolean }>(MEASURE);
      expect(measured).toMatchObject({ backLines: 1, symbolFits: true });
      await screenshot(page, `kiosk-elderly-priority-${String(size.width)}`);
      await page.close();
    });
});
