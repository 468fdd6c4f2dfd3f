import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type Browser } from '../support/browser.ts';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

const VIEWPORT = { width: 1366, height: 768 };
/** Monday 10 March 2025, 09:00 in Pontianak (UTC+7): every service is open. */
const MONDAY_0900 = '2025-03-10T02:00:00.000Z';
const MINUTE = 60_000;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function signIn(page: Page, hubUrl: string, username: string, pin = '1234'): Promise<void> {
  await page.goto(`${hubUrl}/counter`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="pin"]', pin);
  await click(page, 'button[type="submit"]');
  await ready(page);
}

/** The desk is online, resynced and not waiting on an action. */
async function ready(page: Page): Promise<void> {
  await page.locator('[data-testid="desk"][data-ready="true"]').waitFor({ timeout: 15_000 });
}

/**
 * Clicks as the officer would. The page is brought to the front first: Chromium runs animation frames only in the
 * front tab, and Playwright's click waits for two of them, so a click in a back tab would stall for a second.
 */
async function click(page: Page, selector: string): Promise<void> {
  await page.bringToFront();
  await page.click(selector);
}

async function press(page: Page, action: string): Promise<void> {
  await ready(page);
  await click(page, `button[data-action="${action}"]`);
}

const currentNumber = (page: Page) => page.locator('[data-testid="current-number"]');
/** The waiting list's numbers, top to bottom. */
async function waitingNumbers(page: Page): Promise<(string | null)[]> {
  const rows = await page.locator('[data-testid="waiting-list"] li').all();
  return Promise.all(rows.map((row) => row.getAttribute('data-number')));
}

async function issue(
  t: TestHub,
  serviceId: string,
  priority?: string,
): Promise<{ id: string; number: string }> {
  const res = await t.api<{ id: string; number: string }>('POST', '/tickets', {
    token: KIOSK_TOKEN,
    body: { serviceId, ...(priority ? { priority } : {}) },
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe('counter page: sign-in and the working screen', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('signs in, refuses a wrong PIN in Indonesian, and serves a ticket step by step', async () => {
    const page = await browser.page(VIEWPORT);
    await page.goto(`${t.hub.url}/counter`);
    await page.locator('input[name="username"]').waitFor();
    await screenshot(page, 'counter-sign-in');
    await click(page, '.sign-in-card .btn-ghost');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Counter Officer Sign-in');
    await click(page, '.sign-in-card .btn-ghost');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Masuk Petugas Loket');
    await page.fill('input[name="username"]', 'loket3');
    await page.fill('input[name="pin"]', '9999');
    await click(page, 'button[type="submit"]');
    await expect.poll(() => page.locator('.form-error').textContent()).toBe('Nama pengguna atau PIN salah.');

    await page.fill('input[name="pin"]', '1234');
    await click(page, 'button[type="submit"]');
    await ready(page);
    await expect.poll(() => page.locator('[data-testid="counter-name"]').textContent()).toBe('Loket 3');
    await issue(t, 'stnk');
    await issue(t, 'pkb', 'lansia');
    await expect.poll(() => waitingNumbers(page)).toEqual(['E001', 'D001']);
    await screenshot(page, 'counter-idle');

    await press(page, 'call-next');
    await expect.poll(() => currentNumber(page).textContent()).toBe('E001');
    await expect(page.locator('[data-testid="priority-mark"]').textContent()).resolves.toContain('Lansia');
    await press(page, 'step');
    await page.locator('[data-testid="step-timer"][data-status="ok"]').waitFor();
    // Each step by its name from the site's SOP, with the service's standard. PKB publishes 10 minutes in all: the
    // SOP's 2, 2, 5, 5, 1 (15 with the 2–3 wait) are fitted to it, in minutes and seconds, never "1.25 mnt".
    expect(await page.locator('.step-name').textContent()).toBe(
      'Langkah 4 · Penjelasan layanan & persyaratan',
    );
    expect(await page.locator('[data-testid="step-list"] li').allTextContents()).toEqual([
      '4Penjelasan layanan & persyaratan1 mnt 15 dtk',
      '5Terima & periksa berkas1 mnt 15 dtk',
      '6Verifikasi, validasi & retribusi2 mnt 45 dtk',
      '7Proses layanan2 mnt 45 dtk',
      '8Serahkan dokumen30 dtk',
    ]);
    await screenshot(page, 'counter-serving-on-time');
    const names = [
      'Terima & periksa berkas',
      'Verifikasi, validasi & retribusi',
      'Proses layanan',
      'Serahkan dokumen',
    ];
    for (let step = 5; step <= 8; step++) {
      await press(page, 'step');
      await expect
        .poll(() => page.locator('.step-name').textContent())
        .toBe(`Langkah ${step} · ${names[step - 5] ?? ''}`);
    }
    await press(page, 'finish');
    await page.locator('[data-testid="current-ticket"][data-state="idle"]').waitFor();
    await expect.poll(() => page.locator('[data-testid="figure-served"]').textContent()).toBe('1');

    // The MOD gives loket 3 a third service: its queue shows at once, with no reload.
    await issue(t, 'jkn');
    const changed = await t.api('PUT', '/settings/counters/loket-3', {
      token: await t.login('mod'),
      body: { serviceIds: ['stnk', 'pkb', 'jkn'] },
    });
    expect(changed.status).toBe(200);
    await expect.poll(() => waitingNumbers(page)).toContain('F001');
    await page.close();
  });
});

/** In the page: a click, a second click at once, and the N key, all before the first answer can arrive. */
const DOUBLE_PRESS_CALL_NEXT = `(() => {
  const button = document.querySelector('button[data-action="call-next"]');
  button?.click();
  button?.click();
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'n' }));
})()`;

/** In the page: the desk is idle again and holds a called ticket, or the hub refused (nothing left for it). */
const SETTLED_AFTER_CALL = `(() => {
  const ready = document.querySelector('[data-testid="desk"]')?.getAttribute('data-ready') === 'true';
  const state = document.querySelector('[data-testid="current-ticket"]')?.getAttribute('data-state');
  return ready && (state === 'called' || document.querySelector('[data-testid="action-error"]') !== null);
})()`;

describe('two counters on overlapping services', () => {
  let t: TestHub;
  let one: Page;
  let two: Page;
  beforeAll(async () => {
    t = await startTestHub();
    one = await browser.page(VIEWPORT);
    two = await browser.page(VIEWPORT);
    await signIn(one, t.hub.url, 'loket1');
    await signIn(two, t.hub.url, 'loket2');
  });
  afterAll(async () => {
    await one.close();
    await two.close();
    await t.stop();
  });

  /** Both officers press "call next" at the same moment, twice each (a double press), and then serve what they got. */
  async function callTogether(): Promise<(string | null)[]> {
    await Promise.all([ready(one), ready(two)]);
    await Promise.all([one, two].map((page) => page.evaluate(DOUBLE_PRESS_CALL_NEXT)));
    const numbers: (string | null)[] = [];
    for (const page of [one, two]) {
      // Settled: this page holds a called ticket, or the hub refused (nothing left for it).
      await page.waitForFunction(SETTLED_AFTER_CALL);
      const called = await page.locator('[data-testid="current-ticket"]').getAttribute('data-state');
      numbers.push(called === 'called' ? await currentNumber(page).textContent() : null);
    }
    for (const [i, page] of [one, two].entries()) {
      if (numbers[i] === null) continue;
      await press(page, 'step');
      await page.locator('[data-testid="step-timer"]').waitFor();
      await press(page, 'finish');
      await page.locator('[data-testid="current-ticket"][data-state="idle"]').waitFor();
    }
    return numbers;
  }

  it('never gives both the same ticket, however often they press together', async () => {
    const issued = [];
    for (let i = 0; i < 30; i++) issued.push(await issue(t, i % 3 === 0 ? 'kk' : 'ktp-el'));
    const seen: string[] = [];
    for (let round = 0; round < 15; round++) {
      const [a, b] = await callTogether();
      expect(a).not.toBeNull();
      expect(b).not.toBeNull();
      expect(a).not.toBe(b);
      seen.push(a ?? '', b ?? '');
    }
    expect(new Set(seen).size).toBe(30);
    expect([...seen].sort()).toEqual(issued.map((x) => x.number).sort());
    // The hub agrees: every ticket was called once, by exactly one of the two counters, and finished there.
    const mod = await t.login('mod');
    for (const ticket of issued) {
      const view = await t.api<{ status: string; counterId: string }>('GET', `/tickets/${ticket.id}`, {
        token: mod,
      });
      expect(view.body.status).toBe('done');
      expect(['loket-1', 'loket-2']).toContain(view.body.counterId);
    }
    await expect.poll(() => one.locator('[data-testid="figure-served"]').textContent()).not.toBe('0');
  });

  it('shows each transfer, no-show, reactivation, pause and resume on the other page and at the hub', async () => {
    const mod = await t.login('mod');
    const hubTicket = async (id: string) =>
      (await t.api<{ status: string; serviceId: string }>('GET', `/tickets/${id}`, { token: mod })).body;
    const hubCounter = async (id: string) =>
      (
        await t.api<{ id: string; pausedReason: string | null }[]>('GET', '/counters', { token: mod })
      ).body.find((c) => c.id === id);

    // Transfer: loket 1 sends its ticket to birth certificates, which only loket 2 serves.
    const moved = await issue(t, 'ktp-el');
    await press(one, 'call-next');
    await expect.poll(() => currentNumber(one).textContent()).toBe(moved.number);
    // Only services open now are offered: MOD has closed Paspor for the whole week.
    const closing = await t.api('PUT', '/settings/opening-hours/paspor', {
      token: await t.login('mod'),
      body: { hours: {} },
    });
    expect(closing.status).toBe(200);
    await press(one, 'transfer');
    await one.locator('.choices-services button[data-service="akta-lahir"]').waitFor();
    expect(await one.locator('.choices-services button[data-service="paspor"]').count()).toBe(0);
    await click(one, 'button[data-service="akta-lahir"]');
    await one.locator('[data-testid="current-ticket"][data-state="idle"]').waitFor();
    await expect.poll(() => waitingNumbers(two)).toContain(moved.number);
    expect(await waitingNumbers(one)).not.toContain(moved.number);
    expect(await hubTicket(moved.id)).toMatchObject({ status: 'transferred', serviceId: 'akta-lahir' });

    // No-show at loket 2 (after one recall) appears in loket 1's no-show list; loket 1 puts it back in line.
    await press(two, 'call-specific');
    await two.fill('input[name="number"]', moved.number.toLowerCase());
    await two.press('input[name="number"]', 'Enter');
    await expect.poll(() => currentNumber(two).textContent()).toBe(moved.number);
    await expect
      .poll(() => two.locator('[data-testid="called-ago"]').textContent())
      .toMatch(/^Dipanggil \d+ detik lalu$/);
    await press(two, 'recall');
    await press(two, 'no-show');
    await two.locator('[data-testid="current-ticket"][data-state="idle"]').waitFor();
    expect((await hubTicket(moved.id)).status).toBe('no_show');
    const lost = await issue(t, 'kk');
    await press(one, 'call-next');
    await expect.poll(() => currentNumber(one).textContent()).toBe(lost.number);
    await press(one, 'recall');
    await press(one, 'no-show');
    await expect.poll(() => two.locator('[data-testid="no-show-list"] li').count()).toBeGreaterThan(0);
    await click(two, `[data-testid="no-show-list"] li[data-number="${lost.number}"] button`);
    await expect.poll(() => waitingNumbers(one)).toContain(lost.number);
    expect((await hubTicket(lost.id)).status).toBe('waiting');

    // Pause and resume: the other page sees the counter paused, and the hub records the reason.
    await press(one, 'pause');
    await click(one, 'button[data-reason="sholat"]');
    await one.locator('[data-testid="current-ticket"][data-state="paused"]').waitFor();
    await expect
      .poll(() => two.locator('[data-testid="peers"] li[data-counter="loket-1"]').textContent())
      .toContain('Jeda · Sholat');
    expect((await hubCounter('loket-1'))?.pausedReason).toBe('sholat');
    expect(await one.locator('button[data-action="call-next"]').isDisabled()).toBe(true);
    await screenshot(one, 'counter-paused');
    await press(one, 'resume');
    await one.locator('[data-testid="current-ticket"][data-state="idle"]').waitFor();
    await expect
      .poll(() => two.locator('[data-testid="peers"] li[data-counter="loket-1"]').textContent())
      .toContain('Siap');
    expect((await hubCounter('loket-1'))?.pausedReason).toBeNull();
    // "Siap" only where an officer is signed in: loket 1's page goes away, loket 2 sees nobody there.
    await one.goto('about:blank');
    await expect
      .poll(() => two.locator('[data-testid="peers"] li[data-counter="loket-1"]').textContent())
      .toContain('Tidak ada petugas');
  });
});

describe('counter page with a controlled clock', () => {
  it('turns the step timer amber near the standard and red past it, and shows the late-service banner until given', async () => {
    const clock = new ManualClock(MONDAY_0900);
    const t = await startTestHub({ clock });
    const page = await browser.page(VIEWPORT);
    try {
      await page.clock.install();
      const ticket = await issue(t, 'ktp-el');
      // Steps 2–3 allow 2 minutes, then 15 more: at 17 minutes and a second the hub raises the compensation itself.
      clock.advance(17 * MINUTE + 1000);
      const mod = await t.login('mod');
      await expect
        .poll(
          async () => (await t.api<unknown[]>('GET', '/compensations?open=true', { token: mod })).body.length,
        )
        .toBe(1);

      await signIn(page, t.hub.url, 'loket1');
      await press(page, 'call-next');
      await expect.poll(() => currentNumber(page).textContent()).toBe(ticket.number);
      const banner = page.locator('[data-testid="late-banner"]');
      await expect.poll(() => banner.textContent()).toContain('Permohonan maaf dan minuman gratis');

      await press(page, 'step');
      const timer = page.locator('[data-testid="step-timer"]');
      await expect.poll(() => timer.getAttribute('data-status')).toBe('ok');
      // Step 4's standard is 2 minutes: amber from 96 s (0.8 of it), red after 120 s.
      // The hub's clock and the PC's move together, as they do on site (the page times against the hub's clock).
      const passes = async (ms: number) => {
        clock.advance(ms);
        await page.clock.fastForward(ms);
      };
      await passes(100_000);
      await expect.poll(() => timer.getAttribute('data-status')).toBe('warning');
      await passes(25_000);
      await expect.poll(() => timer.getAttribute('data-status')).toBe('late');
      await expect.poll(() => page.locator('[data-testid="step-clock"]').textContent()).toMatch(/^2:0\d$/);
      await screenshot(page, 'counter-serving-late');

      await click(page, '[data-testid="late-banner"] button');
      await banner.waitFor({ state: 'detached' });
      const resolved = await t.api<{ resolution: { remedyGiven: string; by: string } | null }[]>(
        'GET',
        '/compensations',
        { token: mod },
      );
      expect(resolved.body[0]?.resolution).toMatchObject({
        remedyGiven: 'Permohonan maaf dan minuman gratis',
        by: 'loket1',
      });
    } finally {
      await page.close();
      await t.stop();
    }
  });
});

describe('counter page when the hub goes away', () => {
  it('disables every action with a clear banner, then reconnects and resyncs by itself', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'giliran-counter-e2e-'));
    let t = await startTestHub({ dataDir });
    const port = Number(new URL(t.hub.url).port);
    const page = await browser.page(VIEWPORT);
    try {
      await issue(t, 'stnk');
      await signIn(page, t.hub.url, 'loket3');
      await expect.poll(() => waitingNumbers(page)).toEqual(['D001']);
      await t.stop();

      const banner = page.locator('[data-testid="offline-banner"]');
      await expect.poll(() => banner.textContent()).toContain('terputus');
      const enabled = await page.locator('button[data-action]:not([disabled])').count();
      expect(enabled).toBe(0);
      await screenshot(page, 'counter-disconnected');

      t = await startTestHub({ dataDir, port });
      await issue(t, 'stnk');
      await banner.waitFor({ state: 'detached', timeout: 20_000 });
      await expect.poll(() => waitingNumbers(page), { timeout: 15_000 }).toEqual(['D001', 'D002']);
      await press(page, 'call-next');
      await expect.poll(() => currentNumber(page).textContent()).toBe('D001');
    } finally {
      await page.close();
      await t.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
