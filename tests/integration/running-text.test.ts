import type { SiteView } from '@giliran/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, DISPLAY_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

describe('the displays’ running text', () => {
  let t: TestHub | undefined;
  afterEach(async () => {
    await t?.stop();
  });

  it('starts from the site file, is changed by MOD only, reaches displays live and survives a restart', async () => {
    t = await startTestHub();
    const first = await t.api<SiteView>('GET', '/site', { token: DISPLAY_TOKEN });
    expect(first.body.display.runningText).toMatch(/^Selamat datang/);

    const display = await t.socket(DISPLAY_TOKEN);
    const pushed = collect<{ text: string }>(display, 'display:running-text', 1);
    const mod = await t.login('mod');
    const text = 'Layanan SKCK hari ini sampai pukul 14.00 WIB.';
    const put = await t.api('PUT', '/display/running-text', { token: mod, body: { text } });
    expect(put.status).toBe(200);
    expect((await pushed)[0]?.text).toBe(text);

    const officer = await t.login('loket1');
    expect(
      (await t.api('PUT', '/display/running-text', { token: officer, body: { text: 'x' } })).status,
    ).toBe(403);
    expect(
      (await t.api('PUT', '/display/running-text', { token: DISPLAY_TOKEN, body: { text: 'x' } })).status,
    ).toBe(403);
    const tooLong = await t.api('PUT', '/display/running-text', {
      token: mod,
      body: { text: 'x'.repeat(501) },
    });
    expect(tooLong.status).toBe(400);

    const dataDir = t.dataDir;
    await t.hub.close();
    t = await startTestHub({ dataDir });
    const after = await t.api<SiteView>('GET', '/site', { token: DISPLAY_TOKEN });
    expect(after.body.display.runningText).toBe(text);
  });
});
