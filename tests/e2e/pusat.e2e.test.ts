import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type Browser } from '../support/browser.ts';
import {
  CENTRAL_ADMIN,
  CENTRAL_VIEWER,
  startTestCentral,
  type TestCentral,
} from '../support/central-harness.ts';
import { driveDay, startEnrolledHub, untilSynced } from '../support/central-world.ts';
import { KIOSK_TOKEN, type TestHub } from '../support/hub-harness.ts';
import { startPostgres, type PostgresCluster } from '../support/postgres-cluster.ts';

let cluster: PostgresCluster;
let c: TestCentral;
let browser: Browser;
let a: TestHub;
let b: TestHub;

/** A site whose hub says it holds 80 events while central has the first 3, five minutes older: behind. */
async function behindSite(): Promise<void> {
  const site = await c.enrol('mobil-landak', 'mobile');
  const now = Date.now();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
  const day = new Date(now).toISOString().slice(0, 10);
  const res = await c.api('POST', '/central/sync', {
    token: site.key,
    body: {
      siteId: site.id,
      after: 0,
      head: 80,
      headAt: at(0),
      events: [1, 2, 3].map((seq) => ({
        seq,
        type: 'counter:paused',
        serviceDay: day,
        at: at(6 - seq * 0.3),
        payload: { type: 'counter:paused', counterId: 'meja-1', reason: 'istirahat', at: at(6) },
      })),
    },
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  cluster = await startPostgres();
  c = await startTestCentral(cluster);
  const sites = [await c.enrol('mpp-pontianak'), await c.enrol('mpp-sintang')];
  const [first, second] = await Promise.all(sites.map((s) => startEnrolledHub(c.central.url, s)));
  if (!first || !second) throw new Error('hubs');
  [a, b] = [first, second];
  await c.enrol('mpp-bengkayang'); // enrolled, its hub never connected
  await behindSite();
  await Promise.all([driveDay(a, 14), driveDay(b, 9)]);
  const mod = await a.login('mod');
  await a.api('POST', '/compensations', { token: mod, body: { kind: 'fee_mismatch' } });
  await Promise.all([untilSynced(a), untilSynced(b)]);
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser.close();
  await a.stop();
  await b.stop();
  await c.stop();
  await cluster.stop();
});

async function signIn(
  page: Page,
  account: { username: string; pin: string } = CENTRAL_VIEWER,
): Promise<void> {
  await page.goto(`${c.central.url}/pusat?lang=id`);
  await page.fill('input[name="username"]', account.username);
  await page.fill('input[name="pin"]', account.pin);
  await page.click('button[type="submit"]');
  await page.locator('[data-testid="sites"]').waitFor();
}

const row = (page: Page, id: string) => page.locator(`[data-testid="sites"] tr[data-site="${id}"]`);

describe('/pusat in Chromium against a real central and PostgreSQL', { timeout: 120_000 }, () => {
  it('lists the sites with their lights and today’s figures, live as a hall issues tickets', async () => {
    const page = await browser.page({ width: 1366, height: 768 });
    await signIn(page);
    await expect.poll(() => row(page, 'mpp-pontianak').getAttribute('data-status')).toBe('in_sync');
    expect(await row(page, 'mpp-bengkayang').innerText()).toContain('Belum pernah terhubung');
    expect(await row(page, 'mobil-landak').getAttribute('data-status')).toBe('behind');
    expect(await row(page, 'mobil-landak').innerText()).toMatch(/Tertinggal [5-7] menit/);
    const issued = row(page, 'mpp-pontianak').locator('[data-figure="issued"]');
    expect(await issued.innerText()).toBe('14');
    expect(await row(page, 'mpp-sintang').locator('[data-figure="issued"]').innerText()).toBe('9');
    await screenshot(page, 'pusat-sites-laptop');

    // A ticket at hall A: its row changes without a reload (Socket.IO from central).
    const res = await a.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'kk' } });
    expect(res.status).toBe(201);
    await expect.poll(() => issued.innerText(), { timeout: 10_000 }).toBe('15');
    expect(await page.locator('[data-testid="total-issued"]').innerText()).toBe('24');

    await page.click('button:has-text("English")');
    await expect.poll(() => row(page, 'mpp-bengkayang').innerText()).toContain('Never connected');
    await page.close();
  });

  it('drills into a site’s day: figures, late services, compensations and every ticket', async () => {
    const page = await browser.page({ width: 1366, height: 768 });
    await signIn(page);
    await page.click('button[data-open="mpp-pontianak"]');
    await page.locator('[data-testid="day-tickets"] table').waitFor();
    expect(await page.locator('[data-testid="day-tickets"] tbody tr').count()).toBeGreaterThanOrEqual(14);
    expect(await page.locator('[data-testid="day-compensations"]').innerText()).toContain(
      'Biaya tidak sesuai',
    );
    expect(await page.locator('[data-testid="day-figures"]').innerText()).toContain('Tiket');
    await screenshot(page, 'pusat-site-day');
    await page.close();
  });

  it('shows the region’s report and offers its files; a TV wall sees the list large', async () => {
    const page = await browser.page({ width: 1366, height: 768 });
    await signIn(page);
    await page.click('button[data-tab="reports"]');
    await page.locator('[data-testid="report-sites"]').waitFor();
    const sites = await page.locator('[data-testid="report-sites"]').innerText();
    expect(sites).toContain('Seluruh wilayah');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('button[data-format="xlsx"]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^laporan-wilayah-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await screenshot(page, 'pusat-reports');
    await page.close();

    const tv = await browser.page({ width: 1920, height: 1080 });
    await signIn(tv);
    await expect.poll(() => row(tv, 'mpp-pontianak').getAttribute('data-status')).toBe('in_sync');
    await screenshot(tv, 'pusat-sites-tv');
    await tv.close();
  });

  it('the MOD page of a connected hall says its log is at central', async () => {
    const page = await browser.page({ width: 1366, height: 900 });
    await page.goto(`${a.hub.url}/mod`);
    await page.fill('input[name="username"]', 'mod');
    await page.fill('input[name="pin"]', '1234');
    await page.click('button[type="submit"]');
    const card = page.locator('[data-testid="central-status"]');
    await card.waitFor();
    expect(await card.getAttribute('data-tone')).toBe('ok');
    expect(await card.innerText()).toContain('Terkirim');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'mod-central-status-ok');
    await page.close();
  });

  it('a regional admin schedules a visit of a mobile unit from its page; a refusal is shown in Indonesian', async () => {
    const page = await browser.page({ width: 1366, height: 768 });
    await signIn(page, CENTRAL_ADMIN);
    await page.click('button[data-open="mobil-landak"]');
    const form = page.locator('form[name="visit"]');
    await form.waitFor();
    const date = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await form.locator('input[name="date"]').fill(date);
    await form.locator('input[name="village"]').fill('Desa Raja');
    await form.locator('input[name="district"]').fill('Ngabang');
    await form.locator('input[name="suratTugas"]').fill('800/71/DPMPTSP/2026');
    await form.locator('input[name="crew-0"]').fill('Sri Wahyuni');
    await form.locator('input[name="crew-1"]').fill('Budi Santoso');
    await form.locator('input[name="crew-2"]').fill('Agus Priyanto');
    await form.locator('input[name="agencies"]').fill('Dinas Perdagangan, KPP Pratama');
    await form.locator('input[name="approvedBy"]').fill('Ir. Hendra');
    // Without a coordinator the server refuses, and the page says so in the page's language.
    await form.locator('select[name="crew-role-0"]').selectOption('register_officer');
    await form.locator('button[type="submit"]').click();
    const outcome = page.locator('[data-testid="visit-outcome"]');
    await expect.poll(() => outcome.innerText()).toBe('Tim harus memiliki seorang koordinator.');
    await form.locator('select[name="crew-role-0"]').selectOption('coordinator');
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => outcome.innerText()).toContain('dijadwalkan dan dikirim ke unit');
    const row = page.locator('[data-testid="site-visits"] tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getAttribute('data-state')).toBe('sent');
    expect(await row.innerText()).toContain('Desa Raja');
    expect(await row.innerText()).toContain('Terkirim, belum diambil unit');
    const held = await c.api<{ crew: unknown[]; agencies: string[] }[]>(
      'GET',
      '/central/sites/mobil-landak/visits',
      { token: await c.login() },
    );
    expect(held.body[0]?.crew).toHaveLength(3);
    expect(held.body[0]?.agencies).toEqual(['Dinas Perdagangan', 'KPP Pratama']);
    await page.locator('.pusat-top').scrollIntoViewIfNeeded();
    await screenshot(page, 'pusat-mobile-visits-laptop');
    await page.locator('[data-testid="day-figures"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'pusat-mobile-visits-form');
    await page.close();
  });
});
