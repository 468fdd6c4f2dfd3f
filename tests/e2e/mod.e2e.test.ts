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
let page: Page;

beforeAll(async () => {
  clock = new ManualClock(MONDAY_0900);
  // No export slot at all: every PDF/XLSX is refused as a saturated pool refuses it (EXPORT_BUSY, 429, Retry-After).
  // No other test here downloads a rendered file.
  t = await startTestHub({ clock, hub: { exports: { maxInFlight: 0 } } });
  browser = await launchBrowser();
  page = await browser.page({ width: 1366, height: 768 });
  // The PC's clock and the hub's run together, as on site.
  await page.clock.install({ time: Date.parse(MONDAY_0900) });
});
afterAll(async () => {
  await browser.close();
  await t.stop();
});

/** Time passes in the hall: for the hub and for the MOD's PC alike. */
async function passes(ms: number): Promise<void> {
  clock.advance(ms);
  await page.clock.fastForward(ms);
}

const row = (number: string) => page.locator(`[data-testid="active-tickets"] tr[data-number="${number}"]`);
const counter = (id: string) => page.locator(`[data-testid="counters"] li[data-counter="${id}"]`);
const alerts = () => page.locator('[data-testid="alerts"] li').allTextContents();

async function issue(serviceId: string): Promise<{ id: string; number: string }> {
  const res = await t.api<{ id: string; number: string }>('POST', '/tickets', {
    token: KIOSK_TOKEN,
    body: { serviceId },
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe('MOD dashboard in Chromium', () => {
  it('offers each role its own tabs: an officer only the report chain, the MOD everything', async () => {
    await page.goto(`${t.hub.url}/mod`);
    await page.locator('input[name="username"]').waitFor();
    await screenshot(page, 'mod-sign-in');
    const tabs = async () =>
      Promise.all((await page.locator('.mod-tabs button').all()).map((b) => b.getAttribute('data-tab')));
    const signInAs = async (username: string) => {
      await page.fill('input[name="username"]', username);
      await page.fill('input[name="pin"]', '1234');
      await page.click('button[type="submit"]');
      await page.locator('[data-testid="mod"]').waitFor();
    };
    await signInAs('loket1');
    expect(await tabs()).toEqual(['chain']);
    await page.click('.mod-who button:last-child');
    await signInAs('kadis');
    expect(await tabs()).toEqual(['reports', 'skm', 'chain']);
    await page.click('.mod-who button:last-child');
    await signInAs('mod');
    expect(await tabs()).toEqual([
      'live',
      'compensations',
      'complaints',
      'reports',
      'skm',
      'chain',
      'settings',
    ]);
    await page.locator('[data-testid="live"]').waitFor();
  });

  it('follows the counters live: who sits where, what they serve, each ticket against its standard', async () => {
    const officer = await t.login('loket1');
    const desk = await t.socket(officer);
    await expect.poll(() => counter('loket-1').textContent()).toContain('Petugas Loket 1');

    const a1 = await issue('ktp-el');
    await issue('ktp-el');
    await expect.poll(() => row('A002').textContent()).toContain('Menunggu');
    await t.api('POST', '/counters/loket-1/call-next', { token: officer });
    await expect.poll(() => row('A001').textContent()).toContain('Dipanggil');
    await expect.poll(() => counter('loket-1').textContent()).toContain('Melayani A001');
    await t.api('POST', `/tickets/${a1.id}/step`, { token: officer });
    await expect.poll(() => row('A001').textContent()).toContain('Langkah 4');
    await expect.poll(() => row('A001').locator('[data-status]').getAttribute('data-status')).toBe('ok');

    // Step 4's standard is 2 minutes: past it, the row turns red and an alert appears, with no reload.
    await passes(2 * MINUTE + 5000);
    await expect.poll(() => row('A001').locator('[data-status]').getAttribute('data-status')).toBe('late');
    await expect
      .poll(alerts)
      .toContainEqual(expect.stringContaining('A001 langkah 4 melewati standar di Loket 1'));

    const loket2 = await t.login('loket2');
    await t.api('POST', '/counters/loket-2/pause', { token: loket2, body: { reason: 'sholat' } });
    await expect.poll(() => counter('loket-2').getAttribute('data-state')).toBe('paused');
    expect(await counter('loket-2').textContent()).toContain('Jeda · Sholat');
    desk.disconnect();
    await expect.poll(() => counter('loket-1').textContent()).toContain('Tidak ada petugas');
  });

  it('warns ahead that a ticket is about to be late, then shows the compensation the hub raises', async () => {
    // A002 was issued at 09:00: steps 2–3 allow 2 minutes and compensation is owed 15 minutes after, at 09:17.
    await passes(13 * MINUTE);
    await expect.poll(alerts).toContainEqual(expect.stringContaining('A002 akan terlambat dalam 2 menit'));
    await page.locator('.mod-dot-online').waitFor();
    await screenshot(page, 'mod-live');
    await passes(2 * MINUTE);
    await expect
      .poll(alerts)
      .toContainEqual(expect.stringContaining('Kompensasi baru: Pelayanan terlambat A002'));

    await page.click('button[data-tab="compensations"]');
    const card = page.locator('[data-testid="open-compensations"] li[data-kind="late_service"]');
    await expect.poll(() => card.textContent()).toContain('Permohonan maaf dan minuman gratis');
    expect(await card.textContent()).toContain('A002');
    await screenshot(page, 'mod-compensations');
    await card.locator('select[name="consequence"]').selectOption('none');
    await card.locator('button[type="submit"]').click();
    await expect.poll(() => page.locator('[data-testid="open-compensations"] li').count()).toBe(0);
    const mod = await t.login('mod');
    const records = await t.api<{ kind: string; resolution: { by: string; remedyGiven: string } | null }[]>(
      'GET',
      '/compensations',
      { token: mod },
    );
    expect(records.body[0]?.resolution).toMatchObject({
      by: 'mod',
      remedyGiven: 'Permohonan maaf dan minuman gratis',
    });
  });

  it('records a manual compensation of SK 108/2024 with who and when', async () => {
    const form = page.locator('[data-testid="raise-form"]');
    await form.locator('select[name="kind"]').selectOption('fee_mismatch');
    await form.locator('input[name="number"]').fill('a001');
    await form.locator('textarea[name="note"]').fill('Dipungut Rp10.000, layanan gratis');
    await form.locator('button[type="submit"]').click();
    const card = page.locator('[data-testid="open-compensations"] li[data-kind="fee_mismatch"]');
    await expect.poll(() => card.textContent()).toContain('A001');
    expect(await card.textContent()).toContain('Teguran dan sanksi');
    await card.locator('select[name="consequence"]').selectOption('teguran_tertulis');
    await card.locator('input[name="remedy"]').fill('Permohonan maaf, uang dikembalikan');
    await card.locator('button[type="submit"]').click();
    await expect.poll(() => page.locator('[data-testid="open-compensations"] li').count()).toBe(0);
    await screenshot(page, 'mod-compensations-resolved');
    const records = await t.api<
      { kind: string; raisedBy: string; resolution: { officerConsequence: string } | null }[]
    >('GET', '/compensations', { token: await t.login('mod') });
    expect(records.body.find((r) => r.kind === 'fee_mismatch')).toMatchObject({
      raisedBy: 'mod',
      resolution: { officerConsequence: 'teguran_tertulis' },
    });
  });

  it('opens every tab inside the dashboard, with no script error', async () => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    for (const tab of ['complaints', 'reports', 'skm', 'chain', 'settings', 'live']) {
      await page.click(`button[data-tab="${tab}"]`);
      await expect.poll(() => page.locator('.mod-body').innerText()).not.toBe('');
      await page.waitForTimeout(400);
      await screenshot(page, `mod-tab-${tab}`);
    }
    expect(errors).toEqual([]);
  });
  it('says when to try again when the hub is too busy for another export, on the reports and SKM tabs', async () => {
    const retryAfter = await fetch(`${t.hub.url}/api/reports?format=pdf`, {
      headers: { authorization: `Bearer ${await t.login('mod')}` },
    }).then((res) => res.headers.get('retry-after'));
    expect(retryAfter).toMatch(/^\d+$/);
    await page.click('button[data-tab="reports"]');
    await page.click('.reports-downloads button[data-format="pdf"]');
    const reportsError = page.locator('[data-testid="reports"] .reports-error');
    await expect
      .poll(() => reportsError.textContent())
      .toBe(`Server sedang menyiapkan banyak laporan. Coba lagi dalam ${retryAfter} detik.`);
    await screenshot(page, 'mod-reports-export-busy');

    await page.click('.mod-who button:nth-last-child(2)');
    await page.click('button[data-tab="skm"]');
    await page.click('.skm-downloads button[data-format="xlsx"]');
    await expect
      .poll(() => page.locator('.skm-error[role="alert"]').textContent())
      .toBe(`The server is preparing many reports right now. Try again in ${retryAfter} seconds.`);
    await screenshot(page, 'mod-skm-export-busy-en');
    await page.click('.mod-who button:nth-last-child(2)');
  });

  it('keeps a long table from the hub’s deltas: counts every ticket, draws the rows in view, sorts served first', async () => {
    await page.click('button[data-tab="live"]');
    const count = page.locator('[data-testid="active-count"]');
    const before = Number(await count.getAttribute('data-count'));
    const services = ['kk', 'akta-lahir', 'stnk', 'pkb', 'ktp-el'];
    for (let i = 0; i < 150; i++) await issue(services[i % services.length] ?? 'kk');
    await expect.poll(() => count.getAttribute('data-count')).toBe(String(before + 150));
    const drawn = page.locator('[data-testid="active-tickets"] tr[data-number]');
    // A 768 px screen shows about a dozen rows: a few dozen are drawn, not 150, but enough to fill the box.
    expect(await drawn.count()).toBeLessThan(60);
    const boxHeight = await page
      .locator('.live-scroll')
      .evaluate((box: { clientHeight: number }) => box.clientHeight);
    expect(boxHeight).toBeGreaterThan(300);
    expect((await drawn.count()) * 34).toBeGreaterThanOrEqual(boxHeight);

    const loket3 = await t.login('loket3');
    const called = await t.api<{ number: string }>('POST', '/counters/loket-3/call-next', { token: loket3 });
    await page.locator('button[data-sort="counter"]').click();
    // Served tickets first, by counter; the waiting ones (no counter yet) after them.
    await expect.poll(() => drawn.first().locator('td').nth(2).textContent()).not.toBe('–');
    await expect.poll(() => row(called.body.number).textContent()).toContain('Loket 3');
    await screenshot(page, 'mod-live-long-table');

    await page.locator('.live-scroll').evaluate((box: { scrollTop: number; scrollHeight: number }) => {
      box.scrollTop = box.scrollHeight;
    });
    await expect.poll(async () => (await drawn.last().locator('td').nth(2).textContent()) ?? '').toBe('–');
    expect(await drawn.count()).toBeLessThan(60);
  });
});
