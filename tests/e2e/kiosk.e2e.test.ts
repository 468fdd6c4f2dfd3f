import { decodeEscPos, FakeTcpPrinter } from '@giliran/printing/testing';
import type { TicketView } from '@giliran/protocol';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { launchBrowser, screenshot, type Browser } from '../support/browser.ts';
import { demoSite, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

const PORTRAIT = { width: 1080, height: 1920 };
// Wednesday 25 November 2026 in WIB (UTC+7): within Paspor's morning hours, and after them.
const WEDNESDAY_0930_WIB = '2026-11-25T02:30:00.000Z';
const WEDNESDAY_1300_WIB = '2026-11-25T06:00:00.000Z';
const LANDSCAPE = { width: 1920, height: 1080 };

let browser: Browser;
let printer: FakeTcpPrinter;
let t: TestHub;
let dataDir: string;

async function startHub(port = 0): Promise<TestHub> {
  const site = demoSite();
  return startTestHub({
    ...(dataDir ? { dataDir } : {}),
    port,
    site: {
      ...site,
      devices: site.devices.map((d) =>
        d.role === 'kiosk'
          ? { ...d, printer: { interface: printer.printerInterface, paperWidth: 80 as const } }
          : d,
      ),
    },
  });
}

async function openKiosk(viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.page(viewport);
  await page.goto(`${t.hub.url}/kiosk?token=${KIOSK_TOKEN}`);
  await page.locator('[data-agency]').first().waitFor();
  return page;
}

/** Home → agency → service → priority, as a citizen taps it. */
async function takeTicket(
  page: Page,
  agency: string,
  service: string,
  priority: string,
  shots?: string,
): Promise<void> {
  await page.click(`[data-agency="${agency}"]`);
  await page.locator(`[data-service="${service}"]`).waitFor();
  if (shots) await screenshot(page, `${shots}-2-services`);
  await page.click(`[data-service="${service}"]`);
  await page.locator('[data-priority="none"]').waitFor();
  if (shots) await screenshot(page, `${shots}-3-priority`);
  await page.click(`[data-priority="${priority}"]`);
}

beforeAll(async () => {
  printer = new FakeTcpPrinter();
  await printer.start();
  t = await startHub();
  dataDir = t.dataDir;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await t.stop();
  await printer.close();
});

describe('kiosk in Chromium (browser-only kiosk, printing through the hub)', () => {
  it('takes a citizen from home through agency, service and priority to a printed ticket', async () => {
    const page = await openKiosk(PORTRAIT);
    await screenshot(page, 'kiosk-portrait-1-agencies');
    await takeTicket(page, 'polres', 'skck', 'lansia', 'kiosk-portrait');
    await page.locator('[data-screen="done"]').waitFor();
    await expect.poll(() => page.textContent('[data-testid="ticket-number"]')).toBe('J001');
    expect(await page.textContent('[data-screen="done"]')).toContain('Silakan ambil tiket Anda');
    await screenshot(page, 'kiosk-portrait-4-done');

    const decoded = decodeEscPos((await printer.waitForJob()).bytes);
    expect(decoded.text).toContain('J001');
    expect(decoded.text).toContain('SKCK');
    expect(decoded.text).toContain('PRIORITAS');
    expect(decoded.qrPayloads).toHaveLength(1);
    expect(decoded.qrPayloads[0]).toMatch(new RegExp(`^${t.hub.url}/t/[A-Z0-9]{10}$`));

    // The QR's target is the ticket's live status page.
    const phone = await browser.page({ width: 390, height: 844 });
    await phone.goto(decoded.qrPayloads[0] ?? '');
    await expect.poll(() => phone.textContent('[data-testid="status-number"]')).toBe('J001');
    await screenshot(phone, 'ticket-status-phone');
    expect(await phone.locator('[data-testid="survey-link"]').count()).toBe(0);
    // Once served, the same page offers the satisfaction survey for this very ticket.
    const officer = await t.login('loket8');
    const called = await t.api<{ id: string }>('POST', '/counters/loket-8/call-next', {
      token: officer,
    });
    // The officer's answer carries no code (officers never hold them): the printed QR does.
    const code = (decoded.qrPayloads[0] ?? '').split('/t/')[1] ?? '';
    await t.api('POST', `/tickets/${called.body.id}/step`, { token: officer });
    await expect
      .poll(() => phone.locator('[data-testid="survey-link"]').getAttribute('href'))
      .toBe(`/survey?ticket=${code}`);
    await screenshot(phone, 'ticket-status-phone-served');
    await phone.close();

    // Back home by itself after a few seconds.
    await page.locator('[data-agency]').first().waitFor({ timeout: 15_000 });
    await page.close();
  });

  it('says so plainly when printing fails; the hub marks print_failed and a reprint succeeds', async () => {
    const page = await openKiosk(PORTRAIT);
    const port = printer.port;
    await printer.close();
    await takeTicket(page, 'disdukcapil', 'kk', 'none');
    await page.locator('[data-screen="print-failed"]').waitFor();
    expect(await page.textContent('[data-screen="print-failed"]')).toContain('Tiket gagal dicetak');
    const number = await page.textContent('[data-testid="ticket-number"]');
    expect(number).toBe('B001');
    await screenshot(page, 'kiosk-portrait-5-print-failed');

    const mod = await t.login('mod');
    const snapshot = await t.socket(mod).then((s) => s.emitWithAck('sync:snapshot', {}));
    const ticket = snapshot.ok ? snapshot.data.tickets.find((x) => x.number === 'B001') : undefined;
    expect(ticket?.printStatus).toBe('print_failed');

    printer = new FakeTcpPrinter({ port });
    await printer.start();
    const fo = await t.login('fo');
    const reprint = await t.api<TicketView>('POST', `/tickets/${ticket?.id ?? ''}/print`, {
      token: fo,
      body: {},
    });
    expect(reprint.body.printStatus).toBe('printed');
    expect(decodeEscPos((await printer.waitForJob()).bytes).text).toContain('B001');
    await page.close();
  });

  it('tells an installer plainly when the hub refuses the kiosk’s token', async () => {
    const page = await browser.page(PORTRAIT);
    await page.goto(`${t.hub.url}/kiosk?token=not-a-kiosk-token`);
    await page.locator('[data-screen="bad-token"]').waitFor();
    expect(await page.textContent('[data-screen="bad-token"]')).toMatch(
      /Token kiosk ditolak.*devices\[\]\.tokenSha256/,
    );
    await screenshot(page, 'kiosk-portrait-0-bad-token');
    await page.close();
  });

  it('gives one ticket for a double tap', async () => {
    const page = await openKiosk(PORTRAIT);
    const before = (await t.api<{ lastEventId: number }>('GET', '/health')).body.lastEventId;
    await page.click('[data-agency="disdukcapil"]');
    await page.click('[data-service="akta-lahir"]');
    await page.dblclick('[data-priority="none"]');
    await page.locator('[data-screen="done"]').waitFor();
    await printer.waitForJob();
    const after = (await t.api<{ lastEventId: number }>('GET', '/health')).body.lastEventId;
    expect(after - before).toBe(3); // one ticket:issued, its ticket:wait-quoted, one ticket:printed
    await page.close();
  });

  it('shows every screen in landscape and in English on request', async () => {
    const page = await openKiosk(LANDSCAPE);
    await screenshot(page, 'kiosk-landscape-1-agencies');
    await page.click('.lang-button');
    await expect.poll(() => page.textContent('.screen-title')).toBe('Choose the agency you need');
    await page.click('.lang-button');
    await page.click('[data-agency="imigrasi"]');
    const paspor = page.locator('[data-service="paspor"]');
    await paspor.waitFor();
    await screenshot(page, 'kiosk-landscape-2-services-imigrasi');
    await page.click('.back-button');
    await takeTicket(page, 'samsat', 'stnk', 'ibu_hamil', 'kiosk-landscape');
    await page.locator('[data-screen="done"]').waitFor();
    await screenshot(page, 'kiosk-landscape-4-done');
    await printer.waitForJob();
    await page.close();
  });

  it('shows a service closed outside its own hours and open within them, by the hub’s test clock', async () => {
    // The demo hall is open all day; Paspor keeps weekday mornings (08:00–12:00 WIB, Asia/Pontianak).
    const clock = new ManualClock(WEDNESDAY_0930_WIB);
    const clocked = await startTestHub({ clock });
    try {
      const imigrasi = async (): Promise<{ page: Page; paspor: Locator }> => {
        const page = await browser.page(LANDSCAPE);
        await page.goto(`${clocked.hub.url}/kiosk?token=${KIOSK_TOKEN}`);
        await page.click('[data-agency="imigrasi"]');
        const paspor = page.locator('[data-service="paspor"]');
        await paspor.waitFor();
        return { page, paspor };
      };
      const morning = await imigrasi();
      expect(await morning.paspor.isDisabled()).toBe(false);
      expect(await morning.paspor.textContent()).not.toContain('TUTUP');
      await screenshot(morning.page, 'kiosk-landscape-2-services-open-0930');
      await morning.page.close();

      clock.advance(Date.parse(WEDNESDAY_1300_WIB) - clock.now());
      const afternoon = await imigrasi();
      expect(await afternoon.paspor.isDisabled()).toBe(true);
      expect(await afternoon.paspor.textContent()).toContain('TUTUP');
      await screenshot(afternoon.page, 'kiosk-landscape-2-services-closed-1300');
      await afternoon.page.close();
    } finally {
      await clocked.stop();
    }
  });

  it('shows “Mesin antrean sedang tidak terhubung” while the hub is down and recovers by itself', async () => {
    const page = await openKiosk(PORTRAIT);
    const port = t.hub.port;
    await t.hub.close();
    await page.locator('[data-screen="offline"]').waitFor({ timeout: 10_000 });
    expect(await page.textContent('[data-screen="offline"]')).toContain(
      'Mesin antrean sedang tidak terhubung',
    );
    await screenshot(page, 'kiosk-portrait-6-offline');

    t = await startHub(port);
    await page.locator('[data-agency]').first().waitFor({ timeout: 20_000 });
    await page.close();
  });

  it('refuses a burst of taps beyond the kiosk’s limit with a calm message (landscape)', async () => {
    // This kiosk has lost its printer (the demo's prints into a spool folder).
    const noPrinter = demoSite({ kioskMaxTicketsPerMinute: 1 });
    const limited = await startTestHub({
      site: { ...noPrinter, devices: noPrinter.devices.map(({ printer: _printer, ...d }) => d) },
    });
    try {
      const page = await browser.page(LANDSCAPE);
      await page.goto(`${limited.hub.url}/kiosk?token=${KIOSK_TOKEN}`);
      await page.locator('[data-agency]').first().waitFor();
      await takeTicket(page, 'pdam', 'pdam', 'none');
      await page.locator('[data-screen="print-failed"]').waitFor(); // that hub has no printer for this kiosk
      await screenshot(page, 'kiosk-landscape-5-print-failed');
      await page.click('.home-button');
      await takeTicket(page, 'pdam', 'pdam', 'none');
      await page.locator('[data-screen="refused"]').waitFor();
      expect(await page.textContent('[data-screen="refused"]')).toContain('Mohon tunggu sebentar');
      await screenshot(page, 'kiosk-landscape-6-too-many');
      const services = await limited.api<{ id: string; waiting: number }[]>('GET', '/services', {
        token: KIOSK_TOKEN,
      });
      expect(services.body.find((s) => s.id === 'pdam')?.waiting).toBe(1);
      await page.close();
    } finally {
      await limited.stop();
    }
  });
});
