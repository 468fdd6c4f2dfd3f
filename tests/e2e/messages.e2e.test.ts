import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageSettings } from '../../apps/hub/src/config/message-settings.ts';
import { launchBrowser, screenshot, type Browser } from '../support/browser.ts';
import { fakeWhatsApp, type FakeProvider } from '../support/fake-message-providers.ts';
import { demoSite, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';
import { outboxSettled, WA_PHONE_ID, WA_TOKEN } from '../support/message-world.ts';

// Issue 18 in Chromium: the kiosk's WhatsApp screen after a ticket, the status page's notifications and vibration,
// and MOD's card of failed messages and the texts' settings.

const PORTRAIT = { width: 1080, height: 1920 };
const PHONE = { width: 390, height: 844 };
const DESK = { width: 1440, height: 900 };

let browser: Browser;
let wa: FakeProvider;
let t: TestHub;

beforeAll(async () => {
  wa = await fakeWhatsApp(WA_PHONE_ID, WA_TOKEN);
  t = await startTestHub({
    site: demoSite({
      messages: MessageSettings.parse({
        whatsapp: { apiUrl: wa.url, phoneNumberId: WA_PHONE_ID, token: WA_TOKEN },
        retryBaseSeconds: 0.05,
        retryMaxSeconds: 0.2,
        maxAttempts: 2,
        nearAhead: 2,
      }),
    }),
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await t.stop();
  await wa.close();
});

/** Watches the real API in the page: each notification and vibration is recorded, then passed on to the browser. */
const WATCH_ALERTS = `
  window.seen = [];
  const Real = window.Notification;
  class Watched extends Real {
    constructor(title, options) {
      super(title, options);
      window.seen.push({ title, body: options && options.body });
    }
  }
  Object.defineProperty(window, 'Notification', { value: Watched });
  const vibrate = navigator.vibrate.bind(navigator);
  navigator.vibrate = (pattern) => {
    window.seen.push({ vibrate: pattern });
    return vibrate(pattern);
  };
`;

async function kioskTicket(page: Page): Promise<void> {
  await page.goto(`${t.hub.url}/kiosk?token=${KIOSK_TOKEN}`);
  await page.click('[data-agency="disdukcapil"]');
  await page.click('[data-service="ktp-el"]');
  await page.click('[data-priority="none"]');
  await page.locator('[data-screen="done"]').waitFor();
}

const press = async (page: Page, digits: string) => {
  for (const key of digits) await page.click(`[data-key="${key}"]`);
};

describe('messages in Chromium', () => {
  it('the kiosk offers WhatsApp after the ticket; the number typed on its keypad gets the link', async () => {
    const page = await browser.page(PORTRAIT);
    await kioskTicket(page);
    const number = await page.textContent('[data-testid="ticket-number"]');
    await screenshot(page, 'messages-kiosk-1-done');
    await page.click('[data-action="whatsapp"]');
    await page.locator('[data-screen="contact"]').waitFor();
    await press(page, '0812');
    await page.click('[data-key="OK"]');
    await page.locator('.contact-error').waitFor();
    await screenshot(page, 'messages-kiosk-2-invalid');
    await press(page, '34567890');
    expect(await page.textContent('[data-testid="phone-display"]')).toBe('0812 3456 7890');
    await screenshot(page, 'messages-kiosk-3-keypad');
    await page.click('[data-key="OK"]');
    await page.locator('[data-screen="contact-sent"]').waitFor();
    expect(await page.textContent('[data-screen="contact-sent"]')).toContain('62812•••••890');
    await screenshot(page, 'messages-kiosk-4-sent');
    await outboxSettled(t.hub);
    expect(wa.delivered().filter((r) => r.text.includes(`antrean Anda ${String(number)}`))).toHaveLength(1);
    await page.close();
  });

  it('the status page notifies through its service worker and vibrates when the turn is near and when called', async () => {
    // STNK, served by loket-3 and loket-4 only: three wait before this citizen's ticket.
    const issue = async () =>
      (
        await t.api<{ id: string; code: string; number: string }>('POST', '/tickets', {
          token: KIOSK_TOKEN,
          body: { serviceId: 'stnk' },
        })
      ).body;
    for (let i = 0; i < 3; i++) await issue();
    const mine = await issue();
    await browser.context.grantPermissions(['notifications'], { origin: t.hub.url });
    const page = await browser.page(PHONE);
    // Watch the real API: each notification and vibration is recorded, then passed on to the browser.
    await page.addInitScript({ content: WATCH_ALERTS });
    await page.goto(`${t.hub.url}/t/${mine.code}`);
    await page.locator('[data-testid="status-number"]').waitFor();
    expect(await page.evaluate('Notification.permission')).toBe('granted');
    // The page's worker, served by the hub as JavaScript for the scope /t/, is active before the turn comes.
    const worker = await fetch(`${t.hub.url}/t/sw.js`);
    expect(worker.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(worker.headers.get('service-worker-allowed')).toBe('/t/');
    expect(await page.evaluate<string>('navigator.serviceWorker.ready.then((r) => r.scope)')).toBe(
      `${t.hub.url}/t/`,
    );
    const seen = () => page.evaluate<unknown[]>('window.seen');
    // What the worker's registration shows (Chrome on Android shows nothing else): title and text, in order.
    const shown = () =>
      page.evaluate<{ title: string; body: string }[]>(
        `navigator.serviceWorker.getRegistration('/t/')
          .then((r) => (r ? r.getNotifications() : []))
          .then((list) => list.map((n) => ({ title: n.title, body: n.body })))`,
      );
    const officers = { 'loket-3': await t.login('loket3'), 'loket-4': await t.login('loket4') };
    const callNext = async (counter: keyof typeof officers) => {
      const res = await t.api<{ id: string }>('POST', `/counters/${counter}/call-next`, {
        token: officers[counter],
      });
      expect(res.status).toBe(200);
      return res.body.id;
    };
    const cancel = async (counter: keyof typeof officers, id: string) => {
      expect((await t.api('POST', `/tickets/${id}/cancel`, { token: officers[counter] })).status).toBe(200);
    };

    const first = await callNext('loket-3'); // 3 ahead → 2: near
    await page.locator('[data-testid="turn-alert"]').waitFor();
    const near = {
      title: 'Giliran Anda sudah dekat',
      body: `2 orang lagi sebelum Anda (nomor ${mine.number}). Mohon bersiap di dekat loket.`,
    };
    await expect.poll(shown).toEqual([near]);
    // Through the registration, not the constructor (which Chrome on Android refuses).
    expect(await seen()).toEqual([{ vibrate: [200, 100, 200] }]);
    await screenshot(page, 'messages-status-1-near');
    const second = await callNext('loket-4'); // 1 ahead: already told
    await cancel('loket-3', first);
    await cancel('loket-3', await callNext('loket-3'));
    await cancel('loket-4', second);
    expect(await callNext('loket-4')).toBe(mine.id);
    const called = { title: `Nomor ${mine.number} dipanggil`, body: 'Silakan menuju Loket 4 sekarang.' };
    // Both still shown (the browser lists them in its own order).
    await expect.poll(async () => (await shown()).length).toBe(2);
    expect(await shown()).toEqual(expect.arrayContaining([near, called]));
    expect(await seen()).toEqual([{ vibrate: [200, 100, 200] }, { vibrate: [500, 150, 500, 150, 500] }]);
    await screenshot(page, 'messages-status-2-called');
    await page.close();
  });

  it('MOD sees the message the provider refused, and edits the texts in the settings', async () => {
    wa.behave(() => 'refuse');
    const issued = await t.api<{ id: string }>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'ktp-el' },
    });
    await t.api('POST', '/messages/contacts', {
      token: KIOSK_TOKEN,
      body: { ticketId: issued.body.id, phone: '081298765432' },
    });
    await outboxSettled(t.hub);
    wa.behave(() => 'accept');
    const page = await browser.page(DESK);
    await page.goto(`${t.hub.url}/mod`);
    await page.fill('input[name="username"]', 'mod');
    await page.fill('input[name="pin"]', '1234');
    await page.click('button[type="submit"]');
    const panel = page.locator('[data-testid="messages-panel"]');
    await panel.locator('li').first().waitFor();
    expect(await panel.textContent()).toContain('Tiket: tautan · whatsapp · 62812•••••432');
    expect(await panel.textContent()).not.toContain('6281298765432');
    await screenshot(page, 'messages-mod-1-failed');
    await panel.locator('.messages-resend').first().click();
    await expect.poll(() => panel.locator('li').count()).toBe(0);

    await page.click('[data-tab="settings"]');
    await page.click('[data-section="messages"]');
    await page.selectOption('[data-testid="message-kind"]', 'ticket-called');
    await page.fill('[data-testid="message-text-id"]', '{site}: nomor {number}, silakan ke {counter}.');
    await page.click('.settings-card .settings-btn-primary >> nth=0');
    await page.locator('.settings-status').first().waitFor();
    await screenshot(page, 'messages-mod-2-settings');
    const audit = await t.api<{ area: string }[]>('GET', '/audit?area=messages', {
      token: await t.login('mod'),
    });
    expect(audit.body.map((a) => a.area)).toEqual(['messages']);
    expect(t.hub.site.messages.templates['ticket-called'].id).toBe(
      '{site}: nomor {number}, silakan ke {counter}.',
    );
    await page.close();
  });
});
