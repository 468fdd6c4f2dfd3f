import type { Page } from 'playwright-core';
import type { VisitDetailView } from '@giliran/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { launchBrowser, screenshot, type Browser } from '../support/browser.ts';
import { KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';
import {
  approvedVisit,
  clockTo,
  localInstant,
  milestone,
  mobileSite,
  scenePhoto,
  uploadPhoto,
} from '../support/mobile-world.ts';

let browser: Browser;
let t: TestHub;
let visitId: string;
const clock = new ManualClock(localInstant('10:00', '2026-03-02'));

/** The visit morning the pages open on: left 12 minutes late, set up and serving, a few visitors registered. */
beforeAll(async () => {
  t = await startTestHub({ clock, site: mobileSite() });
  visitId = await approvedVisit(t);
  clockTo(clock, '08:12');
  const coordinator = await t.login('koordinator');
  const officer = await t.login('petugas2');
  await milestone(t, coordinator, visitId, 'departed');
  clockTo(clock, '08:55');
  await milestone(t, officer, visitId, 'set-up');
  clockTo(clock, '09:00');
  await milestone(t, coordinator, visitId, 'service-opened');
  for (const [i, name] of ['Siti Aminah', 'Budi Hartono', 'Dewi Sartika'].entries()) {
    clockTo(clock, `09:0${String(2 + i * 3)}`);
    const res = await t.api('POST', `/visits/${visitId}/register`, {
      token: officer,
      body: {
        name,
        nik: `357901450987000${String(i + 1)}`,
        phone: `08123456789${String(i)}`,
        businessName: i === 1 ? null : `Keripik Apel ${name.split(' ')[0] ?? ''}`,
        riskClass: i === 1 ? null : 'menengah_rendah',
        purpose: i === 1 ? 'consultation' : 'permit',
      },
    });
    expect(res.status).toBe(201);
  }
  expect(
    (
      await t.api('POST', `/visits/${visitId}/permits`, {
        token: officer,
        body: {
          nib: '9120301000001',
          businessName: 'Keripik Apel Siti',
          riskClass: 'menengah_rendah',
          issuedInOssAt: new Date(clock.now()).toISOString(),
          printed: true,
          handedOver: true,
          accessExplained: true,
        },
      })
    ).status,
  ).toBe(201);
  expect((await uploadPhoto(t, officer, visitId, await scenePhoto())).status).toBe(201);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  await t.stop();
});

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`${t.hub.url}/mobile`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="pin"]', '1234');
  await page.click('button[type="submit"]');
  await page.locator('[data-milestone="departed"]').waitFor();
}

/** Every box inside the viewport's width: nothing cut off at the side on a laptop or a tablet. */
async function fitsWidth(page: Page): Promise<void> {
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('the mobile unit’s page (/mobile) in Chromium', () => {
  it('laptop: the coordinator sees the late departure, the figures, the register in full, and registers a visitor', async () => {
    const page = await browser.page({ width: 1366, height: 768 });
    await signIn(page, 'koordinator');
    const departed = page.locator('[data-milestone="departed"]');
    expect(await departed.getAttribute('class')).toContain('mb-row-late');
    expect(await departed.textContent()).toContain('Terlambat 12 menit');
    expect(await page.textContent('[data-figure="off-standard"]')).toBe('1');
    expect(await page.textContent('[data-table="register"]')).toContain('3579014509870001');
    await fitsWidth(page);
    await screenshot(page, 'mobile-coordinator-laptop');

    clockTo(clock, '09:20');
    await page.fill('form[name="register"] input[name="name"]', 'Wahyu Hidayat');
    await page.fill('form[name="register"] input[name="nik"]', '3579011203850004');
    await page.fill('form[name="register"] input[name="businessName"]', 'Bengkel Wahyu');
    await page.selectOption('form[name="register"] select[name="riskClass"]', 'menengah_tinggi');
    await page.click('form[name="register"] button[type="submit"]');
    await expect.poll(() => page.textContent('[data-figure="registered"]')).toBe('4');
    // A 12-digit NIB is refused with the hub's own words.
    await page.fill('form[name="permit"] input[name="nib"]', '912030100000');
    await page.fill('form[name="permit"] input[name="permitBusiness"]', 'Bengkel Wahyu');
    await page.click('form[name="permit"] button[type="submit"]');
    await expect
      .poll(() => page.textContent('form[name="permit"] [role="alert"]'))
      .toBe('Nomor NIB harus 13 angka.');
    await page.fill('form[name="permit"] input[name="nib"]', '9120301000002');
    await page.click('form[name="permit"] button[type="submit"]');
    await expect.poll(() => page.textContent('[data-figure="permits"]')).toBe('2');
    const detail = (
      await t.api<VisitDetailView>('GET', `/visits/${visitId}`, { token: await t.login('koordinator') })
    ).body;
    expect(detail.register.at(-1)).toMatchObject({
      name: 'Wahyu Hidayat',
      orderNumber: 4,
      riskClass: 'menengah_tinggi',
    });
    await page.close();
  });

  it('tablet: an officer sees NIK and phone masked, one column, nothing cut off', async () => {
    const page = await browser.page({ width: 800, height: 1280 });
    await signIn(page, 'petugas2');
    const register = (await page.textContent('[data-table="register"]')) ?? '';
    expect(register).toContain('************0001');
    expect(register).not.toContain('3579014509870001');
    await fitsWidth(page);
    await screenshot(page, 'mobile-officer-tablet');
    await page.close();
  });

  it('the Kepala Dinas approves a planned visit from the schedule', async () => {
    const coordinator = await t.login('koordinator');
    const planned = await t.api<{ id: string }>('POST', '/visits', {
      token: coordinator,
      body: {
        date: '2026-03-17',
        place: { village: 'Kelurahan Sisir', district: 'Batu' },
        suratTugasNumber: '800/52/422.110/2026',
        crew: [
          { name: 'Sri Wahyuni', role: 'coordinator' },
          { name: 'Budi Santoso', role: 'driver' },
        ],
      },
    });
    expect(planned.status).toBe(201);
    const page = await browser.page({ width: 1366, height: 768 });
    await signIn(page, 'kadis');
    await page.click('button.mb-tab:has-text("Jadwal")');
    await page.locator('[data-table="visits"] button:has-text("Setujui")').click();
    await expect
      .poll(
        async () =>
          (await t.api<{ status: string }>('GET', `/visits/${planned.body.id}`, { token: coordinator })).body
            .status,
      )
      .toBe('approved');
    await screenshot(page, 'mobile-kadis-schedule');
    await page.close();
  });

  it('the counter page fills the visit register for the citizen being served; the coordinator’s open page shows it live', async () => {
    const ticket = await t.api<{ id: string }>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'perizinan' },
    });
    // The coordinator's page stays open beside the counter, never reloaded.
    const watching = await browser.page({ width: 1366, height: 768 });
    await signIn(watching, 'koordinator');
    expect(await watching.textContent('[data-figure="registered"]')).toBe('4');
    await watching.evaluate('window.__notReloaded = true');
    const page = await browser.page({ width: 1366, height: 768 });
    await page.goto(`${t.hub.url}/counter`);
    await page.fill('input[name="username"]', 'petugas1');
    await page.fill('input[name="pin"]', '1234');
    await page.click('button[type="submit"]');
    await page.locator('[data-testid="desk"][data-ready="true"]').waitFor({ timeout: 15_000 });
    await page.click('button[data-action="call-next"]');
    await page
      .locator('[data-testid="desk"][data-ready="true"] button[data-action="step"]:not([disabled])')
      .click();
    await page.locator('[data-testid="visit-register"]').waitFor();
    await page.fill('input[name="visitorName"]', 'Rina Kartika');
    await page.selectOption('select[name="visitorPurpose"]', 'non_permit');
    await screenshot(page, 'mobile-counter-register');
    await page.click('[data-testid="visit-register"] button[type="submit"]');
    await expect
      .poll(() => page.textContent('[data-testid="visit-register"] [role="status"]'))
      .toBe('Tercatat dengan nomor urut 5.');
    const detail = (
      await t.api<VisitDetailView>('GET', `/visits/${visitId}`, { token: await t.login('koordinator') })
    ).body;
    expect(detail.register.at(-1)).toMatchObject({
      name: 'Rina Kartika',
      purpose: 'non_permit',
      ticketId: ticket.body.id,
    });
    await page.close();

    // The counter's entry reached the coordinator's page by itself; so does another officer's milestone.
    await expect.poll(() => watching.textContent('[data-figure="registered"]')).toBe('5');
    expect(await watching.textContent('[data-table="register"]')).toContain('Rina Kartika');
    clockTo(clock, '12:03');
    await milestone(t, await t.login('petugas2'), visitId, 'service-closed');
    await expect.poll(() => watching.textContent('[data-milestone="service-closed"]')).toContain('12.03');
    expect(await watching.evaluate('window.__notReloaded')).toBe(true);
    await screenshot(watching, 'mobile-coordinator-live');
    await watching.close();
  });
});
