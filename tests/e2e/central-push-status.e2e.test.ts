import { createServer } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type Browser } from '../support/browser.ts';
import { FAST_PUSH } from '../support/central-world.ts';
import { demoSite, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

/** A port nothing listens on: the hub's central is unreachable. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        resolve(typeof address === 'object' && address ? address.port : 0);
      });
    });
  });
}

let browser: Browser;
const hubs: TestHub[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  for (const hub of hubs) await hub.stop();
});

async function liveTab(t: TestHub): Promise<Page> {
  const page = await browser.page({ width: 1366, height: 900 });
  await page.goto(`${t.hub.url}/mod`);
  await page.fill('input[name="username"]', 'mod');
  await page.fill('input[name="pin"]', '1234');
  await page.click('button[type="submit"]');
  await page.locator('[data-testid="live"]').waitFor();
  return page;
}

describe('the push to central on the MOD page', () => {
  it('says when the hall is not connected to a central server', async () => {
    const t = await startTestHub();
    hubs.push(t);
    const page = await liveTab(t);
    const card = page.locator('[data-testid="central-status"]');
    await card.waitFor();
    expect(await card.getAttribute('data-tone')).toBe('off');
    expect(await card.innerText()).toContain('Tidak diatur');
    await page.close();
  });

  it('shows the events waiting and the last error while central is unreachable, in both languages', async () => {
    const port = await closedPort();
    const t = await startTestHub({
      site: demoSite({
        central: { url: `http://127.0.0.1:${port}`, siteId: 'mpp-demo', key: 'k'.repeat(32) },
      }),
      centralTiming: FAST_PUSH,
    });
    hubs.push(t);
    for (let i = 0; i < 3; i++)
      expect(
        (await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'kk' } })).status,
      ).toBe(201);
    await expect.poll(() => t.hub.pusher.status().lastError).not.toBeNull();
    const page = await liveTab(t);
    const card = page.locator('[data-testid="central-status"]');
    await card.waitFor();
    expect(await card.getAttribute('data-tone')).toBe('failing');
    const text = await card.innerText();
    expect(text).toContain('Gagal mengirim');
    expect(text).toMatch(/ECONNREFUSED|fetch failed/);
    expect(await page.locator('[data-testid="central-pending"]').innerText()).toMatch(/^[1-9]\d* kejadian$/);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'mod-central-status-failing');
    await page.click('button:has-text("English")');
    await expect.poll(() => card.innerText()).toContain('Cannot send');
    await page.close();
  });
});
