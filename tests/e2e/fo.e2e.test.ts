import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type Browser } from '../support/browser.ts';
import { demoSite, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

let browser: Browser;
let t: TestHub;
let page: Page;

beforeAll(async () => {
  // The kiosk has lost its printer; the FO desk keeps the demo's spool printer.
  const site = demoSite();
  t = await startTestHub({ site: { ...site, devices: site.devices.map(({ printer: _p, ...d }) => d) } });
  browser = await launchBrowser();
  page = await browser.page({ width: 1366, height: 768 });
});
afterAll(async () => {
  await browser.close();
  await t.stop();
});

async function kioskTicket(serviceId: string): Promise<{ id: string; number: string }> {
  const issued = await t.api<{ id: string; number: string }>('POST', '/tickets', {
    token: KIOSK_TOKEN,
    body: { serviceId },
  });
  await t.api('POST', `/tickets/${issued.body.id}/print`, { token: KIOSK_TOKEN, body: {} });
  return issued.body;
}

const row = (list: string, number: string) =>
  page.locator(`[data-testid="${list}"] [data-ticket="${number}"]`);

describe('the front office desk (/fo) in Chromium', () => {
  it('signs in FO, issues a priority ticket that prints on the desk printer', async () => {
    await page.goto(`${t.hub.url}/fo`);
    await page.fill('input[name="username"]', 'fo');
    await page.fill('input[name="pin"]', '1234');
    await screenshot(page, 'fo-sign-in');
    await page.click('button[type="submit"]');
    await page.locator('select[name="service"]').waitFor();
    await page.locator('select[name="service"] option[value="kk"]').waitFor({ state: 'attached' });
    await page.selectOption('select[name="service"]', 'kk');
    await page.check('input[name="priority"][value="lansia"]');
    await page.click('.fo-issue button[type="submit"]');
    await expect
      .poll(() => page.textContent('[data-testid="issue-result"]'))
      .toBe('Tiket B001 terbit dan dicetak.');
    const spool = join(t.dataDir, 'print-spool');
    expect(existsSync(spool) && readdirSync(spool).some((f) => f.includes('-B001-'))).toBe(true);
    await page.locator('[data-service="kk"] .fo-chip-priority').waitFor();
  });

  it('shows a kiosk ticket that failed to print, MOD is alerted, and FO reprints it', async () => {
    const failed = await kioskTicket('ktp-el');
    await row('unprinted', failed.number).waitFor();
    await screenshot(page, 'fo-desk-print-failed');

    const mod = await browser.page({ width: 1366, height: 768 });
    await mod.goto(`${t.hub.url}/mod`);
    await mod.fill('input[name="username"]', 'mod');
    await mod.fill('input[name="pin"]', '1234');
    await mod.click('button[type="submit"]');
    await mod.locator('[data-testid="mod"]').waitFor();
    await kioskTicket('ktp-el'); // a second one while MOD watches
    await expect
      .poll(() => mod.locator('[data-testid="alerts"] li[data-kind="print-failed"]').allTextContents())
      .toEqual([expect.stringMatching(/A002 gagal dicetak.*meja FO/)]);
    await screenshot(mod, 'mod-live-print-failed-alert');
    await mod.close();

    await row('unprinted', failed.number).locator('[data-action="reprint"]').click();
    await row('unprinted', failed.number).waitFor({ state: 'detached' });
    const stored = await t.api<{ printStatus: string }>('GET', `/tickets/${failed.id}`, {
      token: await t.login('fo'),
    });
    expect(stored.body.printStatus).toBe('printed');
  });

  it('puts a no-show back in line, looks a ticket up by number and cancels it', async () => {
    const ticket = await kioskTicket('pdam');
    const staff = await t.login('mod');
    const counters = await t.api<{ id: string; serviceIds: string[] }[]>('GET', '/counters', {
      token: staff,
    });
    const counterId = counters.body.find((c) => c.serviceIds.includes('pdam'))?.id ?? '';
    await t.api('POST', `/counters/${counterId}/call-ticket`, {
      token: staff,
      body: { ticketId: ticket.id },
    });
    await t.api('POST', `/counters/${counterId}/recall`, { token: staff, body: {} });
    const noShow = await t.api('POST', `/tickets/${ticket.id}/no-show`, { token: staff, body: {} });
    expect(noShow.status).toBe(200);
    await row('no-shows', ticket.number).waitFor();
    await screenshot(page, 'fo-desk-no-show');
    await row('no-shows', ticket.number).locator('[data-action="reactivate"]').click();
    await row('no-shows', ticket.number).waitFor({ state: 'detached' });

    await page.fill('input[name="lookup"]', ticket.number.toLowerCase());
    const found = row('lookup-results', ticket.number);
    await expect.poll(() => found.textContent()).toMatch(/menunggu/);
    await screenshot(page, 'fo-desk-lookup');
    page.once('dialog', (dialog) => void dialog.accept());
    await found.locator('[data-action="cancel"]').click();
    await expect.poll(() => found.textContent()).toMatch(/dibatalkan/);
    await page.fill('input[name="lookup"]', 'Z999');
    await expect
      .poll(() => page.textContent('.fo-card:has([name="lookup"]) .fo-muted'))
      .toBe('Tidak ada tiket Z999 hari ini.');
  });

  it('refuses an officer account', async () => {
    const other = await browser.page({ width: 1366, height: 768 });
    await other.goto(`${t.hub.url}/fo`);
    await other.fill('input[name="username"]', 'loket1');
    await other.fill('input[name="pin"]', '1234');
    await other.click('button[type="submit"]');
    await expect.poll(() => other.textContent('.staff-error')).toMatch(/bukan akun Front Office/);
    await other.close();
  });
});
