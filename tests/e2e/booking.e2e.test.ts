import type { BookingView, SettingsView, TicketView } from '@giliran/protocol';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, screenshot, SCREENSHOT_DIR, type Browser } from '../support/browser.ts';
import { DISPLAY_TOKEN, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

// Wednesday 25 November 2026, 07:40 in Pontianak (WIB): session 1 (08:00) can still be booked, and checked in.
const WEDNESDAY_0740_WIB = '2026-11-25T00:40:00.000Z';
const PHONE = { width: 390, height: 844 };
const KIOSK = { width: 1080, height: 1920 };
const DESK = { width: 1366, height: 768 };
const TV = { width: 1920, height: 1080 };

let browser: Browser;
let t: TestHub;
/** The MOD's page, signed in once and used by the later tests. */
let mod: Page;

/** The ticket the kiosk check-in made: the one booked ticket of the first session. */
function bookedTicket(): { id: string; number: string; code: string } {
  const ticket = [...t.hub.engine.state.tickets.values()].find((x) => x.booking !== undefined);
  if (!ticket) throw new Error('no booked ticket yet');
  return { id: ticket.id, number: ticket.number, code: ticket.code };
}

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

  it('the counter calls the booked ticket first by the 1:2 rule, marked in its list and on its desk', async () => {
    const walkIn = await t.api<{ number: string }>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'ktp-el', priority: null },
    });
    const page = await browser.page(DESK);
    await page.goto(`${t.hub.url}/counter`);
    await page.fill('input[name="username"]', 'loket1');
    await page.fill('input[name="pin"]', '1234');
    await page.click('button[type="submit"]');
    await page.locator('[data-testid="desk"][data-ready="true"]').waitFor();
    const booked = bookedTicket();
    const waiting = page.locator(`[data-testid="waiting-list"] li[data-number="${booked.number}"]`);
    expect(await waiting.getAttribute('data-booked')).toBe('true');
    expect(await waiting.locator('.q-booked').textContent()).toBe('Daring');
    const walkInRow = page.locator(`[data-testid="waiting-list"] li[data-number="${walkIn.body.number}"]`);
    expect(await walkInRow.getAttribute('data-booked')).toBeNull();
    await screenshot(page, 'booking-8-counter-waiting');
    await page.click('button[data-action="call-next"]');
    await expect.poll(() => page.textContent('[data-testid="current-number"]')).toBe(booked.number);
    expect(await page.textContent('[data-testid="booked-mark"]')).toBe('Antrean daring');
    await screenshot(page, 'booking-9-counter-current');
    const called = await t.api<TicketView>('GET', `/tickets/${booked.id}`, { token: await t.login('mod') });
    expect([called.body.status, called.body.booked]).toEqual(['called', true]);
  });

  it('MOD live, the TV and the citizen status page mark the booked ticket too', async () => {
    const booked = bookedTicket();
    mod = await browser.page(DESK);
    await mod.goto(`${t.hub.url}/mod`);
    await mod.fill('input[name="username"]', 'mod');
    await mod.fill('input[name="pin"]', '1234');
    await mod.click('button[type="submit"]');
    const row = mod.locator(`[data-testid="active-tickets"] tr[data-number="${booked.number}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-booked')).toBe('true');
    expect(await row.locator('.live-booked').textContent()).toBe('Daring');
    await screenshot(mod, 'booking-10-mod-live');

    const tv = await browser.page(TV);
    await tv.goto(`${t.hub.url}/display?token=${DISPLAY_TOKEN}`);
    await expect.poll(() => tv.textContent('[data-testid="current-number"]')).toBe(booked.number);
    expect(await tv.textContent('[data-testid="current-booked"]')).toBe('Antrean daring');
    await screenshot(tv, 'booking-11-display');
    await tv.close();

    const phone = await browser.page(PHONE);
    await phone.goto(`${t.hub.url}/t/${booked.code}`);
    await phone.locator('[data-testid="booked-mark"]').waitFor();
    expect(await phone.textContent('[data-testid="booked-mark"]')).toBe('Antrean daring');
    await screenshot(phone, 'booking-12-status-page');
    await phone.close();
  });
});

describe('the front office desk checks bookings in', () => {
  let fo: Page;
  const book = async (sessionId: string, phone: string): Promise<string> => {
    const made = await t.api<BookingView>('POST', '/bookings', {
      body: { serviceId: 'ktp-el', date: '2026-11-25', sessionId, name: 'Budi Santoso', phone },
    });
    expect(made.status).toBe(201);
    return made.body.code;
  };
  const result = () => fo.locator('[data-testid="check-in-result"]');

  it('checks a typed code in and prints the booked ticket; a second try says it is used', async () => {
    const code = await book('s1', '081234567002');
    fo = await browser.page(DESK);
    await fo.goto(`${t.hub.url}/fo`);
    await fo.fill('input[name="username"]', 'fo');
    await fo.fill('input[name="pin"]', '1234');
    await fo.click('button[type="submit"]');
    await fo.locator('input[name="booking-code"]').waitFor();
    await fo.fill('input[name="booking-code"]', code.toLowerCase());
    await fo.click('.fo-check-in button[type="submit"]');
    await expect
      .poll(() => result().textContent())
      .toMatch(/^Tiket A\d{3} \(antrean daring\) terbit dan dicetak\.$/);
    const number = /A\d{3}/.exec((await result().textContent()) ?? '')?.[0] ?? '';
    // The desk's printer is a spool here: its PNG is the paper the citizen gets, marked ANTREAN DARING.
    const spool = join(t.dataDir, 'print-spool');
    const printed = readdirSync(spool).find((f) => f.includes(`-${number}-`) && f.endsWith('.png'));
    expect(printed).toBeDefined();
    copyFileSync(join(spool, printed ?? ''), join(SCREENSHOT_DIR, 'booking-13-fo-printed-ticket.png'));
    await fo.fill('input[name="lookup"]', number);
    const found = fo.locator(`[data-testid="lookup-results"] [data-ticket="${number}"]`);
    await found.waitFor();
    expect(await found.getAttribute('data-booked')).toBe('true');
    await screenshot(fo, 'booking-13-fo-checked-in');
    await fo.fill('input[name="booking-code"]', code);
    await fo.click('.fo-check-in button[type="submit"]');
    await expect.poll(() => result().textContent()).toContain('sudah dipakai');
    expect(await fo.locator('[data-action="walk-in"]').count()).toBe(0);
  });

  it('takes a scan typed anywhere on the page, as the kiosk does', async () => {
    const code = await book('s1', '081234567003');
    await fo.click('h1');
    await fo.keyboard.type(code, { delay: 5 });
    await fo.keyboard.press('Enter');
    await expect.poll(() => result().textContent()).toContain('(antrean daring) terbit');
  });

  it('refuses a booking for a later session, shows it, and offers a normal ticket instead', async () => {
    const code = await book('s3', '081234567004');
    await fo.fill('input[name="booking-code"]', code);
    await fo.click('.fo-check-in button[type="submit"]');
    await expect.poll(() => result().textContent()).toContain('Belum waktunya');
    expect(await result().textContent()).toContain(`Pemesanan ${code}: KTP-el`);
    expect(await result().textContent()).toContain('sesi 13:00–15:00');
    await screenshot(fo, 'booking-14-fo-too-early');
    await fo.click('[data-action="walk-in"]');
    await expect.poll(() => result().textContent()).toMatch(/^Tiket A\d{3} terbit dan dicetak\.$/);
    const number = /A\d{3}/.exec((await result().textContent()) ?? '')?.[0] ?? '';
    const ticket = [...t.hub.engine.state.tickets.values()].find((x) => x.number === number);
    expect([ticket?.serviceId, ticket?.booking]).toEqual(['ktp-el', undefined]);
  });
});

describe('MOD sets the booking quotas and terms', () => {
  it('saves a service quota and the walk-in share, shows the places, and the audit names both', async () => {
    await mod.click('button[data-tab="settings"]');
    await mod.click('button[data-section="booking"]');
    const kk = mod.locator('[data-testid="booking-quotas"] tr[data-service="kk"]');
    await kk.waitFor();
    expect(await kk.locator('[data-testid="booking-places"]').textContent()).toBe('4');
    await kk.locator('input').fill('10');
    await kk.locator('button').click();
    await expect.poll(() => kk.locator('[data-testid="booking-places"]').textContent()).toBe('5');
    await mod.fill('input[name="walk-in-share"]', '25');
    await mod.check('input[name="no-show-block"]');
    // The places as the share is typed, before it is saved.
    await expect.poll(() => kk.locator('[data-testid="booking-places"]').textContent()).toBe('7');
    await mod.locator('.settings-card').scrollIntoViewIfNeeded();
    await mod.evaluate('window.scrollTo(0, 0)');
    await screenshot(mod, 'booking-15-mod-settings');
    await mod.click('[data-testid="save-booking-terms"]');
    await expect.poll(() => mod.locator('[data-testid="save-booking-terms"]').isDisabled()).toBe(true);
    const settings = await t.api<SettingsView>('GET', '/settings', { token: await t.login('mod') });
    expect(settings.body.booking).toMatchObject({
      walkInShare: 0.25,
      noShowBlock: { noShows: 2, withinDays: 30, blockDays: 14 },
      capacity: { kk: 10 },
    });
    await mod.click('button[data-section="audit"]');
    const audit = mod.locator('.settings-card table');
    await expect.poll(() => audit.textContent()).toContain('walkInShare: 0.5 → 0.25');
    expect(await audit.textContent()).toContain('8 → 10');
    await screenshot(mod, 'booking-16-mod-audit');
  });

  it('shows booked against walk-in tickets, the no-show rate and punctuality on the reports tab', async () => {
    await mod.click('button[data-tab="reports"]');
    const card = mod.locator('[data-testid="booking-report"]');
    await card.waitFor();
    const row = card.locator('[data-testid="booking-services"] tr[data-service="ktp-el"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('3 / 2');
    await card.scrollIntoViewIfNeeded();
    await screenshot(mod, 'booking-17-mod-report');
  });
});
