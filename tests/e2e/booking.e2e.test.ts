import type { BookingView, TicketView } from '@giliran/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { launchBrowser, screenshot, type Browser } from '../support/browser.ts';
import { KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

// Wednesday 25 November 2026, 07:40 in Pontianak (WIB): session 1 (08:00) can still be booked, and checked in.
const WEDNESDAY_0740_WIB = '2026-11-25T00:40:00.000Z';
const PHONE = { width: 390, height: 844 };
const KIOSK = { width: 1080, height: 1920 };

let browser: Browser;
let t: TestHub;

beforeAll(async () => {
  t = await startTestHub({ clock: new ManualClock(WEDNESDAY_0740_WIB) });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  await t.stop();
});

describe('a citizen books on a phone, checks in at the kiosk, and the counter calls the booked ticket', () => {
  let booking: BookingView;

  it('books agency → service → date → session → details, and gets a code, a QR and the requirements', async () => {
    const page = await browser.page(PHONE);
    await page.goto(`${t.hub.url}/booking`);
    await page.getByRole('button', { name: /Kependudukan/ }).click();
    await page.getByRole('button', { name: /^KTP-el/ }).click();
    await screenshot(page, 'booking-1-service');
    await page.locator('.bk-choice').first().click();
    await page.getByRole('button', { name: /08:00–10:00/ }).waitFor();
    await screenshot(page, 'booking-2-session');
    await page.getByRole('button', { name: /08:00–10:00/ }).click();
    await page.fill('input[name="name"]', 'Sari Wulandari');
    await page.fill('input[name="phone"]', '0812 3456 7001');
    await screenshot(page, 'booking-3-details');
    await page.getByRole('button', { name: 'Pesan sekarang' }).click();
    const code = (await page.getByTestId('booking-code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await page.locator('.bk-qr svg').waitFor();
    expect(await page.locator('a[download$=".ics"]').count()).toBe(1);
    await screenshot(page, 'booking-4-done');
    booking = (await t.api<BookingView>('GET', `/bookings/${code}`)).body;
    expect(booking.status).toBe('booked');
  });

  it('checks the QR in at the kiosk, as a keyboard-wedge scanner types it, and prints a booked ticket', async () => {
    const page = await browser.page(KIOSK);
    await page.goto(`${t.hub.url}/kiosk?token=${KIOSK_TOKEN}`);
    await page.locator('[data-agency]').first().waitFor();
    await screenshot(page, 'booking-5-kiosk-home');
    await page.keyboard.type(booking.qr ?? '', { delay: 2 });
    await page.keyboard.press('Enter');
    await page.locator('[data-screen="done"]').waitFor();
    expect(await page.locator('.booked-mark').textContent()).toBe('ANTREAN DARING');
    await screenshot(page, 'booking-6-kiosk-ticket');
    await page.keyboard.type(booking.qr ?? '', { delay: 2 });
    await page.keyboard.press('Enter');
    await page.locator('[data-screen="booking-refused"]').waitFor();
    await screenshot(page, 'booking-7-kiosk-used');
  });

  it('the counter calls the booked ticket first by the 1:2 rule, ahead of a walk-in', async () => {
    await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'ktp-el', priority: null } });
    const officer = await t.login('loket1');
    const called = await t.api<TicketView>('POST', '/counters/loket-1/call-next', {
      token: officer,
      body: {},
    });
    expect(called.body.booked).toBe(true);
  });
});
