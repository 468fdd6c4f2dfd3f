import type { TicketView } from '@giliran/protocol';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type Browser } from '../support/browser.ts';
import { DISPLAY_TOKEN, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';
import { readabilityProblems } from '../support/readability.ts';

const TV = { width: 1920, height: 1080 };

let browser: Browser;
let t: TestHub;
let page: Page;
let mod: string;

beforeAll(async () => {
  t = await startTestHub();
  mod = await t.login('mod');
  browser = await launchBrowser();
  page = await browser.page(TV);
  await page.goto(`${t.hub.url}/display?token=${DISPLAY_TOKEN}`);
  await page.locator('.waiting-item').first().waitFor();
});
afterAll(async () => {
  await browser.close();
  await t.stop();
});

async function issue(serviceId: string): Promise<string> {
  const res = await t.api<{ id: string }>('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId } });
  return res.body.id;
}

async function post(path: string, body: object = {}): Promise<TicketView> {
  const res = await t.api<TicketView>('POST', path, { token: mod, body });
  expect(res.status, path).toBe(200);
  return res.body;
}

const current = () => page.locator('[data-testid="current-call"]').textContent();
/** The history under the big panel, top to bottom: number@counter:outcome (plain JS, run in the page). */
const history = () =>
  page.evaluate<string[]>(
    `[...document.querySelectorAll('[data-call]')].map((e) => e.dataset.call + '@' + e.dataset.counter + ':' + e.dataset.outcome)`,
  );

describe('the TV shows live calls only, every call in its history, and paused counters', () => {
  it('after a no-show and a transfer the big panel never goes back to an earlier call', async () => {
    const first = await issue('ktp-el');
    const second = await issue('ktp-el');
    await post('/counters/loket-1/call-next');
    await post('/counters/loket-1/recall');
    await post(`/tickets/${first}/no-show`);
    await post('/counters/loket-1/call-next');
    await post(`/tickets/${second}/step`);
    await post(`/tickets/${second}/transfer`, { serviceId: 'kk' });
    await expect.poll(history).toEqual(['A002@loket-1:transferred', 'A001@loket-1:no_show']);
    expect(await current()).toContain('Menunggu panggilan berikutnya');
    expect(await current()).not.toContain('A001');

    // Called again for its new service: a second entry, the first stays in the history.
    const counterOfKk = (
      await t.api<{ id: string; serviceIds: string[] }[]>('GET', '/counters', { token: mod })
    ).body.find((c) => c.serviceIds.includes('kk') && c.id !== 'loket-1');
    await post(`/counters/${counterOfKk?.id ?? ''}/call-ticket`, { ticketId: second });
    await expect.poll(() => page.textContent('[data-testid="current-number"]')).toBe('A002');
    expect(await history()).toEqual(['A002@loket-1:transferred', 'A001@loket-1:no_show']);

    // A reload (resync from the hub's call log) shows the same.
    await page.reload();
    await expect.poll(history).toEqual(['A002@loket-1:transferred', 'A001@loket-1:no_show']);
    expect(await page.textContent('[data-testid="current-number"]')).toBe('A002');
  });

  it('a paused counter shows as paused, with its reason', async () => {
    await post('/counters/loket-3/pause', { reason: 'sholat' });
    await expect
      .poll(() => page.locator('[data-testid="paused-counters"]').textContent())
      .toMatch(/Loket 3\s*Sholat/);
    await post('/counters/loket-3/resume');
    await page.locator('[data-testid="paused-counters"]').waitFor({ state: 'detached' });
  });

  it('at 1920×1080 every text is at least 32 px and meets WCAG AA contrast', async () => {
    for (const serviceId of ['kk', 'akta-lahir', 'stnk', 'jkn', 'jht', 'skck', 'pdam'])
      await issue(serviceId);
    for (const counter of ['loket-4', 'loket-6', 'loket-8']) await post(`/counters/${counter}/call-next`);
    await post('/counters/loket-5/pause', { reason: 'istirahat' });
    await page.locator('[data-testid="paused-counters"]').waitFor();
    await page.waitForTimeout(5500); // the call's flash is over
    await screenshot(page, 'display-1920x1080-history-paused');
    expect(await readabilityProblems(page, 32)).toEqual([]);
  });
});
