import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { launchBrowser, screenshot, type Browser } from '../support/browser.ts';
import { KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

/** Monday 10 March 2025, 09:00 in Pontianak (UTC+7): every service is open. */
const MONDAY_0900 = '2025-03-10T02:00:00.000Z';
const MINUTE = 60_000;

let browser: Browser;
let t: TestHub;
let clock: ManualClock;

beforeAll(async () => {
  clock = new ManualClock(MONDAY_0900);
  t = await startTestHub({ clock });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  await t.stop();
});

interface Issued {
  readonly id: string;
  readonly code: string;
  readonly number: string;
}

async function issue(serviceId: string): Promise<Issued> {
  const res = await t.api<Issued>('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId } });
  expect(res.status).toBe(201);
  return res.body;
}

async function post(path: string, token: string, body: unknown = {}): Promise<void> {
  const res = await t.api('POST', path, { token, body });
  expect(res.status).toBeLessThan(300);
}

describe('promised waits in Chromium', () => {
  it('shows a citizen a range or a held-up wait, never "0 menit" while counters pause, and updates it', async () => {
    const loket1 = await t.login('loket1');
    const loket2 = await t.login('loket2');
    await post('/counters/loket-1/pause', loket1, { reason: 'istirahat' });
    await post('/counters/loket-2/pause', loket2, { reason: 'istirahat' });
    const ticket = await issue('kk');
    const page: Page = await browser.page({ width: 390, height: 844 });
    await page.goto(`${t.hub.url}/t/${ticket.code}`);
    const estimate = page.locator('[data-testid="status-estimate"]');
    await estimate.waitFor();
    const paused = await estimate.innerText();
    expect(paused).toContain('istirahat');
    expect(paused).not.toMatch(/\b0 menit/);
    await screenshot(page, 'wait-status-paused');
    // The counters come back: the page hears the new estimate without a reload.
    await post('/counters/loket-1/resume', loket1);
    await post('/counters/loket-2/resume', loket2);
    await expect.poll(() => estimate.innerText()).not.toBe(paused);
    await screenshot(page, 'wait-status-resumed');
    await page.close();
  });

  it('judges the promises on the MOD reports tab beside the naive estimate', async () => {
    const loket1 = await t.login('loket1');
    const loket3 = await t.login('loket3');
    // A morning at two desks: tickets taken, called as the desks free up, some later than promised.
    for (let round = 0; round < 4; round++) {
      await issue('ktp-el');
      await issue('stnk');
      await issue('stnk');
    }
    for (let round = 0; round < 8; round++) {
      clock.advance(7 * MINUTE);
      for (const [counter, token] of [
        ['loket-1', loket1],
        ['loket-3', loket3],
      ] as const) {
        const res = await t.api<{ id: string } | null>('POST', `/counters/${counter}/call-next`, { token });
        if (res.status !== 200 || res.body === null) continue;
        const id = res.body.id;
        await post(`/tickets/${id}/step`, token);
        await post(`/tickets/${id}/step`, token);
        await post(`/tickets/${id}/step`, token);
        await post(`/tickets/${id}/step`, token);
        await post(`/tickets/${id}/step`, token);
        await post(`/tickets/${id}/finish`, token, { outcome: 'completed' });
      }
    }
    const page: Page = await browser.page({ width: 1366, height: 900 });
    await page.clock.install({ time: clock.now() });
    await page.goto(`${t.hub.url}/mod`);
    await page.fill('input[name="username"]', 'mod');
    await page.fill('input[name="pin"]', '1234');
    await page.click('button[type="submit"]');
    await page.locator('[data-testid="mod"]').waitFor();
    await page.click('button[data-tab="reports"]');
    const card = page.locator('[data-testid="wait-accuracy"]');
    await card.locator('table').waitFor();
    const text = await card.innerText();
    expect(text).toContain('Ketepatan perkiraan waktu tunggu');
    expect(text).toContain('naif');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'wait-accuracy-card');
    await page.close();
  });
});
