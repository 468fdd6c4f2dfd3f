/**
 * What MOD reads when the hub PC has no Indonesian voice: the alert in the live tab, in Chromium. The hub acts
 * as a Windows PC whose voices are English only (the `say` package loaded for real, PowerShell faked at
 * child_process.spawn), so the first call goes to espeak-ng and MOD is told why and what to install.
 */
import type { IssuedTicket } from '@giliran/protocol';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeVoicePlatform } from '../../packages/speech/src/testing/fake-voice-platform.ts';
import { launchBrowser, screenshot, type Browser } from '../support/browser.ts';
import { demoSite, DISPLAY_TOKEN, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

let browser: Browser;
let t: TestHub;
let page: Page;

beforeAll(async () => {
  fakeVoicePlatform({ voices: ['Microsoft David Desktop', 'Microsoft Zira Desktop'] });
  t = await startTestHub({
    site: demoSite({ display: { ...demoSite().display, speechEngines: ['say', 'espeak'] } }),
    speechPlatform: 'win32',
  });
  browser = await launchBrowser();
  page = await browser.page({ width: 1366, height: 768 });
});
afterAll(async () => {
  await browser.close();
  await t.stop();
  vi.restoreAllMocks();
});

const alerts = () => page.locator('[data-testid="alerts"] li').allTextContents();

describe('MOD told about the hub PC voice', () => {
  it('shows that no voice is Indonesian, which are installed, and which to add', async () => {
    await page.goto(`${t.hub.url}/mod`);
    await page.fill('input[name="username"]', 'mod');
    await page.fill('input[name="pin"]', '1234');
    await page.click('button[type="submit"]');
    await page.locator('[data-testid="mod"]').waitFor();

    const issued = await t.api<IssuedTicket>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'kk' },
    });
    await t.api('POST', '/counters/loket-1/call-next', { token: await t.login('loket1') });
    const wav = await fetch(`${t.hub.url}/api/tickets/${issued.body.id}/announcement.wav`, {
      headers: { authorization: `Bearer ${DISPLAY_TOKEN}` },
    });
    expect(wav.status).toBe(200);

    await expect
      .poll(alerts)
      .toContainEqual(expect.stringContaining('Tidak ada suara Bahasa Indonesia di PC hub'));
    expect((await alerts()).join('\n')).toContain('Pasang suara "Microsoft Andika"');
    await screenshot(page, 'mod-voice-missing');
  });
});
