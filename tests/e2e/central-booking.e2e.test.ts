import type { BookingSiteView } from '@giliran/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type Browser } from '../support/browser.ts';
import { callJson, startTestCentral, type TestCentral } from '../support/central-harness.ts';
import { FAST_PUSH } from '../support/central-world.ts';
import { demoSite, startTestHub, type TestHub } from '../support/hub-harness.ts';
import { startPostgres, type PostgresCluster } from '../support/postgres-cluster.ts';
import { ShiftedClock } from '../support/shifted-clock.ts';

// Issue 18 in Chromium: a citizen books at the central server on a phone, the hall chosen first; the hall's own
// /booking page sends the citizen there. Wednesday 25 November 2026, 07:40 in the demo site's zone (WIB).
const PHONE = { width: 390, height: 844 };
const SITE = 'mpp-kubu-raya';

let cluster: PostgresCluster;
let c: TestCentral;
let t: TestHub;
let browser: Browser;

beforeAll(async () => {
  const clock = new ShiftedClock('2026-11-25T07:40:00+07:00');
  cluster = await startPostgres();
  c = await startTestCentral(cluster, { clock });
  const site = await c.enrol(SITE);
  t = await startTestHub({
    clock,
    site: demoSite({
      id: SITE,
      central: { url: c.central.url, siteId: SITE, key: site.key, bookingKey: site.bookingKey ?? '' },
    }),
    centralTiming: FAST_PUSH,
  });
  const deadline = Date.now() + 20_000;
  while (!(await callJson<BookingSiteView[]>(c.central.url, 'GET', '/booking/sites')).body.length) {
    if (Date.now() > deadline) throw new Error('the hub’s booking terms never reached central');
    await new Promise((r) => setTimeout(r, 50));
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  await t.stop();
  await c.stop();
  await cluster.stop();
});

describe('online booking at central on a phone', () => {
  it('chooses the hall first, then books agency → service → date → session → details, and gets a code and a QR', async () => {
    const page = await browser.page(PHONE);
    await page.goto(`${c.central.url}/booking`);
    await page.getByRole('link', { name: /MPP Kabupaten Kubu Raya|Kubu Raya/ }).waitFor();
    await screenshot(page, 'central-booking-1-site');
    await page.getByRole('link', { name: /Kubu Raya/ }).click();
    await page.getByRole('button', { name: /Kependudukan/ }).click();
    await page.getByRole('button', { name: /^KTP-el/ }).click();
    await page.locator('.bk-choice').first().click();
    await page.getByRole('button', { name: /08:00–10:00/ }).click();
    await page.fill('input[name="name"]', 'Sari Wulandari');
    await page.fill('input[name="phone"]', '0812 3456 7001');
    await page.getByRole('button', { name: 'Pesan sekarang' }).click();
    const code = (await page.getByTestId('booking-code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await page.locator('.bk-qr svg').waitFor();
    expect(page.url()).toBe(`${c.central.url}/booking/${code}?site=${SITE}`);
    await screenshot(page, 'central-booking-2-done');
    // Looked up again by its address, as the WhatsApp link opens it.
    await page.reload();
    await page.locator('.bk-qr svg').waitFor();
    await page.close();
  });

  it('the hall’s own /booking page sends the citizen to central, the hall already chosen', async () => {
    const page = await browser.page(PHONE);
    await page.goto(`${t.hub.url}/booking`);
    const link = page.getByTestId('booking-central');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`${c.central.url}/booking?site=${SITE}`);
    await screenshot(page, 'central-booking-3-hall-points-to-central');
    await page.close();
  });
});
