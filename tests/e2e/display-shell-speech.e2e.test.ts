import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type Browser } from '../support/browser.ts';
import { DISPLAY_TOKEN, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

/**
 * Stands in for the Electron display's preload (only Electron itself is faked): it records what the page asks the
 * PC to say and answers with a short silent WAV, which the page must then play instead of the hub's audio.
 */
const FAKE_BRIDGE = `
  window.__spoken = [];
  window.__played = [];
  const silentWav = () => {
    const rate = 8000, samples = 800, bytes = new Uint8Array(44 + samples * 2), view = new DataView(bytes.buffer);
    const put = (offset, text) => { for (let i = 0; i < text.length; i++) bytes[offset + i] = text.charCodeAt(i); };
    put(0, 'RIFF'); view.setUint32(4, 36 + samples * 2, true); put(8, 'WAVE'); put(12, 'fmt ');
    view.setUint32(16, 16, true); view.setUint16(20, 1, true); view.setUint16(22, 1, true);
    view.setUint32(24, rate, true); view.setUint32(28, rate * 2, true); view.setUint16(32, 2, true);
    view.setUint16(34, 16, true); put(36, 'data'); view.setUint32(40, samples * 2, true);
    return bytes;
  };
  window.giliranDisplay = {
    getConfig: async () => { throw new Error('not used by the page'); },
    synthesize: async (text, lang) => { window.__spoken.push({ text, lang }); return { ok: true, wav: silentWav() }; },
  };
  const originalPlay = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    window.__played.push({ kind: this.dataset.clip, src: this.src });
    return originalPlay.call(this);
  };
`;

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

describe('display inside the Electron shell', () => {
  it('speaks the call with the PC’s own voice through the preload, from the words the hub gives', async () => {
    const page = await browser.page({ width: 1920, height: 1080 });
    await page.addInitScript(FAKE_BRIDGE);
    // As the shell opens it (displayPageUrl): the token in the fragment, which no request carries.
    await page.goto(`${t.hub.url}/display?lang=id#token=${DISPLAY_TOKEN}`);
    await page.locator('[data-testid="current-call"]').waitFor();
    expect(page.url()).toBe(`${t.hub.url}/display?lang=id`);

    await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'skck' } });
    const officer = await t.login('loket8');
    await t.api('POST', '/counters/loket-8/call-next', { token: officer });

    await expect
      .poll(() => page.evaluate('window.__played.map((p) => p.kind).join(",")'), { timeout: 15_000 })
      .toBe('chime,announcement');
    expect(await page.evaluate('window.__spoken')).toEqual([
      { text: 'Nomor antrean, Je, satu, silakan menuju loket delapan.', lang: 'id' },
    ]);
    // The spoken call came from the bridge's WAV (a blob made in the page), not from the hub's announcement.wav.
    const played = await page.evaluate<{ kind: string; src: string }[]>('window.__played');
    expect(played[1]?.src).toMatch(/^blob:/);
    await page.close();
  });

  it('gives the words of a call as JSON to displays and staff', async () => {
    const issued = await t.api<{ id: string }>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'kk' },
    });
    const words = await t.api<{ text: string; lang: string }>(
      'GET',
      `/tickets/${issued.body.id}/announcement.json?counter=loket-2`,
      { token: DISPLAY_TOKEN },
    );
    expect(words.body).toEqual({ text: 'Nomor antrean, Be, satu, silakan menuju loket dua.', lang: 'id' });
    expect(
      (await t.api('GET', `/tickets/${issued.body.id}/announcement.json`, { token: KIOSK_TOKEN })).status,
    ).toBe(403);
  });
});
