import { rmSync } from 'node:fs';
import type { IssuedTicket, TicketView } from '@giliran/protocol';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type Browser } from '../support/browser.ts';
import { demoSite, DISPLAY_TOKEN, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';
import {
  layoutProblems,
  measureLayout,
  NO_LAYOUT_PROBLEMS,
  smallestText,
  type Layout,
} from '../support/layout-checks.ts';

const TV = { width: 1920, height: 1080 };
const SMALL_TV = { width: 1366, height: 768 };
const RUNNING_TEXT =
  'Selamat datang di MPP Kubu Raya. Siapkan KTP-el dan Kartu Keluarga asli sebelum dipanggil.';
const POSTER = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900">' +
    '<rect width="1600" height="900" fill="#1b6e3a"/><circle cx="1350" cy="180" r="260" fill="#2f8f55"/>' +
    '<text x="100" y="380" font-family="sans-serif" font-size="110" font-weight="bold" fill="#fff">Bayar pajak</text>' +
    '<text x="100" y="520" font-family="sans-serif" font-size="110" font-weight="bold" fill="#fff">kendaraan tepat waktu</text>' +
    '<text x="100" y="680" font-family="sans-serif" font-size="60" fill="#dff5e6">SAMSAT · Loket 3 dan 4</text></svg>',
)}`;

/** What the page played, recorded by the init script below: one entry per clip, in order. */
interface PlayedClip {
  readonly kind: 'chime' | 'announcement';
  readonly path: string;
  readonly start: number;
  readonly end: number | null;
  readonly failed: boolean;
}

/**
 * Runs in the page before its own code: wraps HTMLMediaElement.prototype.play and records each clip's
 * `play` and `ended` by the kind the page marks on its Audio element (data-clip). Plain JS: the tests'
 * TypeScript has no DOM types.
 */
const RECORD_AUDIO = `
  window.__played = [];
  const originalPlay = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    const kind = this.dataset.clip;
    if (kind === 'chime' || kind === 'announcement') {
      const entry = { kind, path: this.dataset.clipPath || '', start: null, end: null, failed: false };
      this.addEventListener('play', () => { entry.start = performance.timeOrigin + performance.now(); window.__played.push(entry); }, { once: true });
      this.addEventListener('ended', () => { entry.end = performance.timeOrigin + performance.now(); }, { once: true });
      this.addEventListener('error', () => { entry.failed = true; }, { once: true });
    }
    return originalPlay.call(this);
  };
`;

/** The running text scrolls through the viewport by design; its strip (not the text) must stay inside. */
const MOVING = '[data-testid="running-text"]';

/**
 * Readable from the back of the hall: the page scales with the screen, so the minimums are shares of the
 * viewport's height (at 1366×768 / 1920×1080): any text 1.7 % (13 / 18 px), an earlier call's number 4 %
 * (31 / 43 px), the counter called to 8 % (61 / 86 px), the number called 15 % (115 / 162 px).
 */
const MIN_TEXT_SHARE = { any: 0.017, recentNumber: 0.04, currentCounter: 0.08, currentNumber: 0.15 };

function expectReadable(layout: Layout, screen: string): void {
  const height = layout.viewport.height;
  const sizeOf = (name: string): number[] =>
    layout.elements.filter((el) => el.name.includes(name)).map((el) => el.fontPx);
  console.info(
    `display ${screen}: ${String(layout.elements.length)} elements, smallest text ` +
      `${String(smallestText(layout))}px, number ${String(sizeOf('current-number'))}px`,
  );
  expect(layoutProblems(layout, MIN_TEXT_SHARE.any * height), screen).toEqual(NO_LAYOUT_PROBLEMS);
  const largeEnough = (name: string, share: number): void => {
    const sizes = sizeOf(name);
    expect(sizes.length, `${screen}: ${name} shown`).toBeGreaterThan(0);
    expect(Math.min(...sizes), `${screen}: ${name}`).toBeGreaterThanOrEqual(share * height);
  };
  largeEnough('recent-number', MIN_TEXT_SHARE.recentNumber);
  largeEnough('current-counter', MIN_TEXT_SHARE.currentCounter);
  largeEnough('current-number', MIN_TEXT_SHARE.currentNumber);
}

let browser: Browser;
let t: TestHub;
let page: Page;
let dataDir: string;
const tokens: Record<string, string> = {};

function site() {
  const demo = demoSite();
  return {
    ...demo,
    display: { ...demo.display, runningText: RUNNING_TEXT, media: [{ type: 'image' as const, url: POSTER }] },
  };
}

async function issue(serviceId: string): Promise<IssuedTicket> {
  const res = await t.api<IssuedTicket>('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId } });
  expect(res.status).toBe(201);
  return res.body;
}

async function callNext(counterId: string, token: string): Promise<TicketView> {
  const res = await t.api<TicketView>('POST', `/counters/${counterId}/call-next`, { token, body: {} });
  expect(res.status).toBe(200);
  return res.body;
}

async function played(p: Page = page): Promise<PlayedClip[]> {
  return p.evaluate<PlayedClip[]>('window.__played');
}

/** Waits until `count` clips have played to their end (or failed). */
async function clipsEnded(count: number, timeout = 30_000): Promise<PlayedClip[]> {
  await expect
    .poll(async () => (await played()).filter((c) => c.end !== null || c.failed).length, {
      timeout,
      interval: 200,
    })
    .toBeGreaterThanOrEqual(count);
  return played();
}

function expectStrictlySequential(clips: readonly PlayedClip[]): void {
  expect(clips.every((c) => !c.failed)).toBe(true);
  for (const [i, clip] of clips.entries()) {
    expect(clip.kind).toBe(i % 2 === 0 ? 'chime' : 'announcement');
    const previous = clips[i - 1];
    if (previous) expect(clip.start).toBeGreaterThanOrEqual(previous.end ?? Infinity);
  }
}

const announced = (clips: readonly PlayedClip[]) =>
  clips
    .filter((c) => c.kind === 'announcement')
    .map((c) => {
      const [path = '', query = ''] = c.path.split('?');
      return `${path.split('/')[3] ?? ''}@${new URLSearchParams(query).get('counter') ?? ''}`;
    });

/** The earlier calls listed under the current one, top to bottom. */
const listedCalls = (p: Page = page) => attributes(p, 'data-call');

/** One attribute of every element that has it, in page order. */
async function attributes(p: Page, name: string, prefix = ''): Promise<string[]> {
  const selector = prefix ? `[${name}^="${prefix}"]` : `[${name}]`;
  return p.evaluate<string[]>(
    `[...document.querySelectorAll('${selector}')].map((e) => e.getAttribute('${name}'))`,
  );
}

/** The element's text; a missing element fails within seconds instead of using up the test's whole timeout. */
const text = async (selector: string, p: Page = page) =>
  ((await p.textContent(selector, { timeout: 5000 })) ?? '').trim();

async function openDisplay(viewport: { width: number; height: number }, query = ''): Promise<Page> {
  const opened = await browser.page(viewport);
  await opened.addInitScript({ content: RECORD_AUDIO });
  await opened.goto(`${t.hub.url}/display?token=${DISPLAY_TOKEN}${query}`);
  await opened.locator('.waiting-item').first().waitFor();
  return opened;
}

beforeAll(async () => {
  t = await startTestHub({ site: site() });
  dataDir = t.dataDir;
  for (const name of ['loket1', 'loket2', 'loket3', 'mod']) tokens[name] = await t.login(name);
  browser = await launchBrowser();
  page = await openDisplay(TV);
});

afterAll(async () => {
  await browser.close();
  await t.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('waiting-room display in Chromium', () => {
  it('shows an officer’s call within moments: number and counter, very large', async () => {
    expect(await text('[data-testid="current-call"]')).toContain('Belum ada panggilan');
    await screenshot(page, 'display-1920x1080-empty');
    const ticket = await issue('ktp-el');
    expect(ticket.number).toBe('A001');

    // A MutationObserver in the page notes when the number appears; the clock is the same machine's.
    await page.evaluate(`void (window.__shownAt = new Promise((resolve) => {
      const shown = () => document.querySelector('[data-testid="current-number"]')?.textContent === 'A001';
      const observer = new MutationObserver(() => {
        if (shown()) { observer.disconnect(); resolve(Date.now()); }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    }))`);
    const requestedAt = Date.now();
    const called = await callNext('loket-1', tokens.loket1 ?? '');
    const shownAt = await page.evaluate<number>('window.__shownAt');
    console.log(`display: call-next request → number on screen in ${shownAt - requestedAt} ms`);
    expect(called.number).toBe('A001');
    expect(shownAt - requestedAt).toBeLessThan(1000);

    expect(await text('[data-testid="current-number"]')).toBe('A001');
    expect(await text('[data-testid="current-counter"]')).toBe('Loket 1');
    expect(await page.getAttribute('[data-testid="current-call"]', 'class', { timeout: 5000 })).toContain(
      'flash',
    );
    // Number and counter together take at least 15% of the screen's height.
    const box = await page.locator('[data-testid="current-number"]').boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(TV.height * 0.15);

    const clips = await clipsEnded(2);
    expectStrictlySequential(clips);
    expect(announced(clips)).toEqual([`${ticket.id}@loket-1`]);
  });

  it('announces two quick calls from two counters one after the other, and a recall once more', async () => {
    const a2 = await issue('ktp-el');
    const d1 = await issue('stnk');
    await Promise.all([callNext('loket-2', tokens.loket2 ?? ''), callNext('loket-3', tokens.loket3 ?? '')]);
    await expect.poll(() => page.locator('[data-call]').count()).toBe(2);

    let clips = await clipsEnded(6);
    expect(clips).toHaveLength(6);
    expectStrictlySequential(clips);
    expect(announced(clips).slice(1).sort()).toEqual([`${a2.id}@loket-2`, `${d1.id}@loket-3`].sort());

    const recall = await t.api<TicketView>('POST', '/counters/loket-1/recall', {
      token: tokens.loket1 ?? '',
      body: {},
    });
    expect(recall.status).toBe(200);
    await expect.poll(() => text('[data-testid="current-number"]')).toBe('A001');
    clips = await clipsEnded(8);
    expect(clips).toHaveLength(8);
    expectStrictlySequential(clips);
    expect(announced(clips).at(-1)).toBe(`${recall.body.id}@loket-1`);
    // The recall moved A001 back on top; it is not listed twice.
    expect(await page.locator('[data-call="A001"]').count()).toBe(0);
  });

  it('shows the running text, follows MOD’s changes and keeps waiting counts up to date', async () => {
    expect(await text('[data-testid="running-text"]')).toBe(RUNNING_TEXT);
    const changed = 'Loket SAMSAT istirahat pukul 12.00–13.00 WIB.';
    const res = await t.api('PUT', '/display/running-text', {
      token: tokens.mod ?? '',
      body: { text: changed },
    });
    expect(res.status).toBe(200);
    await expect.poll(() => text('[data-testid="running-text"]')).toBe(changed);

    expect(await page.getAttribute('[data-testid="waiting-kk"]', 'data-waiting', { timeout: 5000 })).toBe(
      '0',
    );
    await issue('kk');
    await issue('kk');
    await expect
      .poll(() => page.getAttribute('[data-testid="waiting-kk"]', 'data-waiting', { timeout: 5000 }))
      .toBe('2');
    expect(await text('[data-testid="waiting-kk"]')).toContain('Kartu Keluarga');
  });

  it('works through a burst of eight calls without overlap; readable at 1920×1080 and 1366×768', async () => {
    const counters = {
      'loket-4': 'pkb',
      'loket-5': 'jkn',
      'loket-6': 'jht',
      'loket-8': 'skck',
      'loket-9': 'nib',
      'loket-10': 'npwp',
      'loket-11': 'pdam',
      'loket-12': 'izin-keramaian',
    };
    for (const serviceId of Object.values(counters)) await issue(serviceId);
    const before = (await played()).length;
    const burst = await Promise.all(Object.keys(counters).map((id) => callNext(id, tokens.mod ?? '')));
    // The newest call on the big panel and the six before it listed: all from this burst and A001's recall.
    const everyCall = ['A001', ...burst.map((b) => b.number)];
    await expect
      .poll(async () => [await text('[data-testid="current-number"]'), ...(await listedCalls())].length)
      .toBe(7);
    for (const shown of [await text('[data-testid="current-number"]'), ...(await listedCalls())])
      expect(everyCall).toContain(shown);
    await screenshot(page, 'display-1920x1080-burst');
    expectReadable(await measureLayout(page, { ignore: MOVING }), '1920×1080');
    await page.setViewportSize(SMALL_TV);
    await screenshot(page, 'display-1366x768-burst');
    expectReadable(await measureLayout(page, { ignore: MOVING }), '1366×768');
    await page.setViewportSize(TV);

    const clips = await clipsEnded(before + 16, 120_000);
    expect(clips).toHaveLength(before + 16);
    expectStrictlySequential(clips);
    expect(announced(clips.slice(before)).sort()).toEqual(
      burst.map((b) => `${b.id}@${b.counterId ?? ''}`).sort(),
    );
  }, 150_000);

  it('narrows a zone TV to its agencies and speaks English labels on request', async () => {
    const zone = await openDisplay(SMALL_TV, '&agencies=samsat&lang=en');
    await expect.poll(() => text('[data-testid="current-number"]', zone)).toBe('E001');
    expect(await listedCalls(zone)).toEqual(['D001']);
    expect(await attributes(zone, 'data-testid', 'waiting-')).toEqual(['waiting-stnk', 'waiting-pkb']);
    expect(await text('[data-testid="current-call"]', zone)).toContain('Please go to');
    await screenshot(zone, 'display-1366x768-zone-samsat-en');
    // Calls shown from the snapshot at start-up are not announced.
    expect(await played(zone)).toEqual([]);
    await zone.close();
  });

  it('says when the hub is gone, and after it is back shows every call once, missed ones included, silently', async () => {
    const port = t.hub.port;
    const shownBefore = [await text('[data-testid="current-number"]'), ...(await listedCalls())];
    await t.hub.close();
    await page.locator('[data-testid="offline-banner"]').waitFor({ timeout: 10_000 });
    expect(await text('[data-testid="offline-banner"]')).toBe('Koneksi terputus, menyambung ulang…');
    await screenshot(page, 'display-1920x1080-offline');
    const heardBefore = (await played()).length;

    // While this TV is cut off, a hub on another port (same data) calls one more ticket.
    const elsewhere = await startTestHub({ dataDir, site: site() });
    const loket2 = await elsewhere.login('loket2');
    const active = await elsewhere.socket(loket2).then((s) => s.emitWithAck('sync:snapshot', {}));
    const atLoket2 = active.ok
      ? active.data.tickets.find((x) => x.counterId === 'loket-2' && x.status === 'called')
      : undefined;
    expect(atLoket2?.number).toBe('A002');
    for (const action of ['step', 'finish']) {
      const res = await elsewhere.api('POST', `/tickets/${atLoket2?.id ?? ''}/${action}`, {
        token: loket2,
        body: {},
      });
      expect(res.status).toBe(200);
    }
    const missed = await elsewhere.api<TicketView>('POST', '/counters/loket-2/call-next', {
      token: loket2,
      body: {},
    });
    expect(missed.status).toBe(200);
    await elsewhere.stop();

    t = await startTestHub({ dataDir, port, site: site() });
    await page.locator('[data-testid="offline-banner"]').waitFor({ state: 'detached', timeout: 20_000 });
    await expect
      .poll(() => text('[data-testid="current-number"]'), { timeout: 10_000 })
      .toBe(missed.body.number);
    expect(await text('[data-testid="current-counter"]')).toBe('Loket 2');
    // Missed while offline: shown, not flashed, not announced.
    expect(await page.getAttribute('[data-testid="current-call"]', 'class', { timeout: 5000 })).not.toContain(
      'flash',
    );
    const listed = await listedCalls();
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).not.toContain(missed.body.number);
    // The list moved down by one: the missed call pushed the oldest shown call off.
    expect([...listed].sort()).toEqual(shownBefore.slice(0, listed.length).sort());
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await played()).length).toBe(heardBefore);
    await screenshot(page, 'display-1920x1080-after-resync');
  }, 90_000);
});
