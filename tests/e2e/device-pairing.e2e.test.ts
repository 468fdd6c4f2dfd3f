import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type Browser } from '../support/browser.ts';
import { DISPLAY_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

let browser: Browser;
let t: TestHub;

beforeAll(async () => {
  t = await startTestHub();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await t.stop();
});

/**
 * No secret in any address: the admin makes a one-time code on the MOD page, the kiosk asks for it once and keeps
 * its token in its own storage. The demo's `?token=` shortcut is stored and taken out of the address bar.
 */
describe('pairing a device in Chromium', () => {
  it('the admin makes a code on the MOD page; the kiosk asks for it once and then serves', async () => {
    const mod = await browser.page({ width: 1440, height: 900 });
    await mod.goto(`${t.hub.url}/mod`);
    await mod.fill('input[name="username"]', 'admin');
    await mod.fill('input[name="pin"]', '1234');
    await mod.click('button[type="submit"]');
    await mod.click('button[data-tab="settings"]');
    await mod.click('[data-section="devices"]');
    await mod.fill('[data-testid="device-id"]', 'kiosk-lobi');
    await mod.click('[data-testid="make-pairing-code"]');
    const shown = mod.locator('[data-testid="pairing-code-shown"] strong');
    await shown.waitFor();
    const code = (await shown.textContent()) ?? '';
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await screenshot(mod, 'i15-mod-pairing-code');

    const kiosk = await browser.page({ width: 1920, height: 1080 });
    await kiosk.goto(`${t.hub.url}/kiosk`);
    await kiosk.locator('[data-testid="pairing-form"]').waitFor();
    await kiosk.fill('[data-testid="pairing-code"]', 'ZZZZ-ZZZZ');
    await kiosk.click('[data-testid="pairing-submit"]');
    await expect.poll(() => kiosk.textContent('[role="alert"]')).toContain('Kode pemasangan salah');
    await screenshot(kiosk, 'i15-kiosk-pairing-refused');
    await kiosk.fill('[data-testid="pairing-code"]', code.toLowerCase());
    await kiosk.click('[data-testid="pairing-submit"]');
    await kiosk.locator('[data-agency]').first().waitFor();
    await screenshot(kiosk, 'i15-kiosk-paired');
    expect(kiosk.url()).toBe(`${t.hub.url}/kiosk`);
    const stored = await kiosk.evaluate<string | null>("localStorage.getItem('giliran.kiosk.token')");
    expect(stored?.length).toBeGreaterThanOrEqual(40);
    // Reloaded later, it remembers: no code, no token in the address.
    await kiosk.reload();
    await kiosk.locator('[data-agency]').first().waitFor();
    // The same browser's survey is then a kiosk device's (keypad, no-ticket way in), as on a counter-side tablet.
    await kiosk.goto(`${t.hub.url}/survey`);
    await kiosk.locator('[data-testid="without-ticket"]').waitFor();
    await mod.close();
    await kiosk.close();
  });

  it('the demo shortcut ?token= is stored and removed from the address bar', async () => {
    const tv = await browser.page({ width: 1920, height: 1080 });
    await tv.goto(`${t.hub.url}/display?token=${DISPLAY_TOKEN}&lang=en`);
    await expect.poll(() => tv.url()).toBe(`${t.hub.url}/display?lang=en`);
    expect(await tv.evaluate<string | null>("localStorage.getItem('giliran.display.token')")).toBe(
      DISPLAY_TOKEN,
    );
    await tv.close();
  });
});
