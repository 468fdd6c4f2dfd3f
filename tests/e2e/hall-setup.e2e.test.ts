import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { launchBrowser, screenshot, type Browser } from '../support/browser.ts';
import { KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

/** Wednesday 25 November 2026, 09:00 in Pontianak: every service is open. */
const WEDNESDAY_0900 = '2026-11-25T02:00:00.000Z';

let browser: Browser;
let t: TestHub;

beforeAll(async () => {
  t = await startTestHub({ clock: new ManualClock(WEDNESDAY_0900) });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  await t.stop();
});

describe('setting up the hall on the MOD settings page (issue 14)', () => {
  it('admin adds an agency and a service; the open kiosk offers them without a restart or reload', async () => {
    const kiosk = await browser.page({ width: 1080, height: 1920 });
    await kiosk.goto(`${t.hub.url}/kiosk?token=${KIOSK_TOKEN}`);
    await kiosk.locator('[data-agency]').first().waitFor();
    expect(await kiosk.locator('[data-agency="kemenag"]').count()).toBe(0);

    const page = await browser.page({ width: 1366, height: 768 });
    await page.goto(`${t.hub.url}/mod`);
    await page.fill('input[name="username"]', 'admin');
    await page.fill('input[name="pin"]', '1234');
    await page.click('button[type="submit"]');
    await page.click('[data-tab="settings"]');
    await page.click('[data-section="hall"]');

    const agency = page.locator('[data-testid="add-agency"]');
    await agency.locator('input[name="id"]').fill('kemenag');
    await agency.locator('input[name="nameId"]').fill('Kementerian Agama');
    await agency.locator('input[name="nameEn"]').fill('Ministry of Religious Affairs');
    await agency.locator('input[name="shortName"]').fill('KUA');
    await agency.locator('button[type="submit"]').click();
    await page.locator('[data-testid="hall-agencies"] tr[data-agency="kemenag"]').waitFor();

    const editor = page.locator('[data-testid="service-editor"]');
    await editor.locator('input[name="id"]').fill('nikah');
    await editor.locator('input[name="prefix"]').fill('p');
    await editor.locator('select[name="agencyId"]').selectOption('kemenag');
    await editor.locator('input[name="nameId"]').fill('Pendaftaran Nikah');
    await editor.locator('input[name="nameEn"]').fill('Marriage registration');
    await editor.locator('input[name="feeId"]').fill('Gratis');
    await editor.locator('input[name="feeEn"]').fill('Free');
    await editor.locator('input[name="durationId"]').fill('20 menit');
    await editor.locator('input[name="durationEn"]').fill('20 minutes');
    await editor.locator('input[name="standardMinutes"]').fill('20');
    await editor
      .locator('textarea[name="requirements"]')
      .fill('Surat pengantar kelurahan | Letter from the village office\nFotokopi KTP calon pengantin');
    await editor.locator('button[type="submit"]').click();
    await page.locator('[data-testid="hall-services"] tr[data-service="nikah"]').waitFor();
    await screenshot(page, 'mod-settings-hall');

    // The kiosk hears `settings:changed` and offers the new agency and its service with what to bring.
    await kiosk.locator('[data-agency="kemenag"]').waitFor({ timeout: 10_000 });
    await kiosk.click('[data-agency="kemenag"]');
    const service = kiosk.locator('[data-service="nikah"]');
    await service.waitFor();
    expect(await service.textContent()).toContain('Pendaftaran Nikah');
    expect(await kiosk.locator('body').textContent()).toContain('Fotokopi KTP calon pengantin');
    await screenshot(kiosk, 'kiosk-new-service');

    // A counter renamed in its row: the hub's counter list (what the TV and the counter page read) follows.
    const row = page.locator('[data-testid="hall-counters"] tr[data-counter="loket-11"]');
    await row.locator('button', { hasText: 'Ganti nama' }).click();
    await row.locator('input[name="rename"]').fill('Loket 11 PDAM');
    await row.locator('button[type="submit"]').click();
    await expect.poll(() => row.textContent()).toContain('Loket 11 PDAM');
    const counters = await t.api<{ id: string; name: string }[]>('GET', '/counters', {
      token: await t.login('mod'),
    });
    expect(counters.body.find((c) => c.id === 'loket-11')?.name).toBe('Loket 11 PDAM');

    const stored = await t.api<{ hall: { services: { id: string; prefix: string }[] } }>('GET', '/settings', {
      token: await t.login('admin'),
    });
    expect(stored.body.hall.services.find((s) => s.id === 'nikah')?.prefix).toBe('P');
  });
});
