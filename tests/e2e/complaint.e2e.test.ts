import { join } from 'node:path';
import type { CompensationView, ComplaintList, IssuedTicket } from '@giliran/protocol';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { launchBrowser, screenshot, SCREENSHOT_DIR, type Browser } from '../support/browser.ts';
import { demoSite, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

// Wednesday 25 November 2026, 10:00 WIB. Normatif: answered by the end of Wednesday 2 December, WIB.
const WEDNESDAY_1000 = '2026-11-25T03:00:00.000Z';
const DEADLINE = '2026-12-02T17:00:00.000Z';
const HOUR = 3_600_000;

let browser: Browser;
let t: TestHub;
let clock: ManualClock;
let phone: Page;
let code = '';
/** The ticket the citizen names on the form (set by the first test). */
let ticketId = '';

beforeAll(async () => {
  clock = new ManualClock(WEDNESDAY_1000);
  // The form's real proof of work (16 bits), solved by the page in Chromium.
  t = await startTestHub({ clock, site: demoSite({ complaintProofOfWorkBits: 16 }) });
  browser = await launchBrowser();
  // A citizen's phone: 390 × 844 CSS pixels.
  phone = await browser.page({ width: 390, height: 844 });
});
afterAll(async () => {
  await browser.close();
  await t.stop();
});

async function fullPage(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** The MOD page on a 1366 × 768 desk PC, on the hub's clock, signed in as MOD. */
async function modDesk(): Promise<Page> {
  const desk = await browser.page({ width: 1366, height: 768 });
  await desk.clock.install({ time: clock.now() });
  await desk.goto(`${t.hub.url}/mod`);
  await desk.fill('input[name="username"]', 'mod');
  await desk.fill('input[name="pin"]', '1234');
  await desk.click('button[type="submit"]');
  return desk;
}

async function modToken(): Promise<string> {
  return t.login('mod');
}

describe('complaints in Chromium', () => {
  it('files a complaint on the public form and follows it by its code', async () => {
    const ticket = await t.api<IssuedTicket>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'ktp-el' },
    });
    ticketId = ticket.body.id;
    await phone.goto(`${t.hub.url}/pengaduan`);
    const form = phone.locator('[data-testid="complaint-form"]');
    await form.waitFor();
    await expect.poll(() => phone.locator('.pgd-site').textContent()).toContain('Kubu Raya');
    await form.locator('input[name="name"]').fill('Siti Aminah');
    await form.locator('input[name="occupation"]').fill('Wiraswasta');
    await form.locator('input[name="address"]').fill('Jl. Adisucipto No. 7, Sungai Raya');
    await form.locator('input[name="contact"]').fill('0812-5555-0101');
    await form.locator('select[name="agencyId"]').selectOption('disdukcapil');
    await form.locator('input[name="ticket"]').fill(ticket.body.number);
    await form
      .locator('textarea[name="text"]')
      .fill('Sudah dua jam menunggu, nomor saya dilewati dua kali tanpa dipanggil.');
    await fullPage(phone, 'complaint-form');
    await form.locator('button[type="submit"]').click();

    const shown = phone.locator('[data-testid="complaint-code"]');
    await shown.waitFor();
    code = ((await shown.textContent()) ?? '').replace('-', '');
    expect(code).toMatch(/^[A-Z0-9]{10}$/);
    expect(await phone.locator('[data-testid="complaint-filed"]').textContent()).toContain(
      'Dijawab paling lambat Rabu, 2 Desember 2026',
    );
    await screenshot(phone, 'complaint-filed');

    await phone.locator('[data-testid="follow-link"]').click();
    await phone.waitForURL(`**/pengaduan/${code}`);
    const status = phone.locator('[data-testid="complaint-status"]');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('received');
    expect(await status.textContent()).toContain('Dinas Kependudukan dan Pencatatan Sipil');
    expect(await phone.locator('li[data-step="received"]').textContent()).toContain('Rabu, 25 November 2026');
    // The follow-up page shows where the complaint stands, never who filed it or what they wrote.
    const page = (await phone.locator('body').textContent()) ?? '';
    for (const personal of ['Siti Aminah', '0812-5555-0101', 'Adisucipto', 'dilewati']) {
      expect(page).not.toContain(personal);
    }
    await fullPage(phone, 'complaint-follow');
  });

  it('is answered late: the hub raises the compensation at the deadline and the citizen sees the answer', async () => {
    let mod = await modToken();
    const { body } = await t.api<ComplaintList>('GET', '/complaints', { token: mod });
    const id = body.complaints[0]?.id ?? '';
    // The number typed on the form was matched to the ticket issued that day.
    expect(ticketId).not.toBe('');
    expect(body.complaints[0]?.ticket?.ticketId).toBe(ticketId);
    await t.api('POST', `/complaints/${id}/status`, { token: mod, body: { to: 'verified' } });
    await t.api('POST', `/complaints/${id}/status`, {
      token: mod,
      body: { to: 'in_follow_up', note: 'Ditanyakan ke Disdukcapil' },
    });

    // A week passes without an answer: at the end of Wednesday 2 December (WIB) the deadline passes.
    clock.advance(Date.parse(DEADLINE) - clock.now() + 2 * HOUR);
    mod = await modToken();
    const compensations = await t.api<CompensationView[]>('GET', '/compensations', { token: mod });
    const late = compensations.body.filter((c) => c.kind === 'complaint_late');
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ raisedAt: DEADLINE, raisedBy: 'system' });
    expect(late[0]?.note).toContain(`${code.slice(0, 5)}-${code.slice(5)}`);

    // MOD sees it on the dashboard, raised by the hub itself.
    const desk = await modDesk();
    await desk.locator('[data-testid="live"]').waitFor();
    await desk.click('button[data-tab="compensations"]');
    const card = desk.locator('[data-testid="open-compensations"] li[data-kind="complaint_late"]');
    await expect.poll(() => card.textContent()).toContain(`${code.slice(0, 5)}-${code.slice(5)}`);
    await screenshot(desk, 'complaint-mod-compensation');

    // MOD answers in the complaints tab: the register shows the complaint overdue, in red.
    await desk.click('button[data-tab="complaints"]');
    const row = desk.locator(`[data-testid="complaint-register"] tr[data-code="${code}"]`);
    await expect.poll(() => row.locator('[data-deadline]').getAttribute('data-deadline')).toBe('overdue');
    await row.click();
    expect(await desk.locator('[data-testid="complaint-compensated"]').count()).toBe(1);
    const form = desk.locator('[data-testid="answer-form"]');
    await form
      .locator('textarea[name="answer"]')
      .fill('Mohon maaf. Nomor Anda terlewat karena gangguan pemanggil; petugas telah ditegur.');
    await screenshot(desk, 'complaint-mod-register');
    await form.locator('button[type="submit"]').click();
    await expect
      .poll(() => desk.locator('[data-testid="complaint-detail"]').getAttribute('data-status'))
      .toBe('answered');
    await expect
      .poll(() => row.locator('[data-deadline]').getAttribute('data-deadline'))
      .toBe('answered_late');
    await screenshot(desk, 'complaint-mod-answered');

    await phone.reload();
    const status = phone.locator('[data-testid="complaint-status"]');
    await expect.poll(() => status.getAttribute('data-status')).toBe('answered');
    const shown = phone.locator('[data-testid="complaint-answer"]');
    expect(await shown.textContent()).toContain('Nomor Anda terlewat');
    expect(await status.textContent()).toContain('Dijawab setelah batas waktu.');
    await fullPage(phone, 'complaint-answered-late');
    await phone.click('.pgd-lang');
    await expect.poll(() => status.textContent()).toContain('Answered after the deadline.');
    await screenshot(phone, 'complaint-answered-late-en');
    const after = await t.api<CompensationView[]>('GET', '/compensations', { token: mod });
    expect(after.body.filter((c) => c.kind === 'complaint_late')).toHaveLength(1);
  });

  it("warns MOD until next year's calendar is confirmed, and marks deadlines into it provisional", async () => {
    // Monday 28 December 2026: five working days run into January 2027, whose SKB is not entered yet.
    clock.advance(Date.parse('2026-12-28T03:00:00.000Z') - clock.now());
    const fo = await t.login('fo');
    const filed = await t.api<{ code: string; deadlineProvisional: boolean }>('POST', '/complaints', {
      token: fo,
      body: { channel: 'complaint_box', name: 'Anonim', text: 'Kursi ruang tunggu rusak.' },
    });
    expect(filed.body.deadlineProvisional).toBe(true);

    const desk = await modDesk();
    const warning = desk.locator('[data-testid="calendar-warning"]');
    await expect.poll(() => warning.textContent()).toContain('Kalender libur 2027 belum dimasukkan');
    await desk.click('button[data-tab="complaints"]');
    const row = desk.locator(`[data-testid="complaint-register"] tr[data-code="${filed.body.code}"]`);
    await expect.poll(() => row.locator('[data-testid="deadline-provisional"]').count()).toBe(1);
    await screenshot(desk, 'calendar-warning-provisional');

    await desk.click('button[data-view="calendar"]');
    await desk.getByRole('button', { name: /2027/ }).first().click();
    const status = desk.locator('[data-testid="year-status"]');
    await expect.poll(() => status.getAttribute('data-confirmed')).toBe('false');
    await screenshot(desk, 'calendar-2027-unconfirmed');
    await desk.click('[data-testid="confirm-calendar"]');
    await expect.poll(() => status.getAttribute('data-confirmed')).toBe('true');
    await desk.reload();
    await desk.locator('[data-testid="mod"]').waitFor();
    expect(await desk.locator('[data-testid="calendar-warning"]').count()).toBe(0);
    const mod = await modToken();
    const { body } = await t.api<ComplaintList>('GET', '/complaints?status=open', { token: mod });
    expect(body.complaints.find((c) => c.code === filed.body.code)?.deadlineProvisional).toBe(false);
  });

  it('marks a filing as spam: its own status, out of the register until filtered for, refused on the status page', async () => {
    const fo = await t.login('fo');
    const filed = await t.api<{ code: string }>('POST', '/complaints', {
      token: fo,
      body: { channel: 'phone', name: 'Anonim', text: 'asdfgh qwerty zxcvb', category: 'ringan' },
    });
    const desk = await modDesk();
    await desk.locator('[data-testid="live"]').waitFor();
    await desk.click('button[data-tab="complaints"]');
    const row = desk.locator(`[data-testid="complaint-register"] tr[data-code="${filed.body.code}"]`);
    await row.click();
    const form = desk.locator('[data-testid="status-form"]');
    await form.locator('input[name="to"][value="spam"]').check();
    await form.locator('textarea[name="note"]').fill('Isi tidak bermakna');
    await form.locator('button[type="submit"]').click();
    const detail = desk.locator('[data-testid="complaint-detail"]');
    await expect.poll(() => detail.getAttribute('data-status')).toBe('spam');
    await screenshot(desk, 'complaint-mod-spam');
    // Out of the register's list and counts; the Spam filter shows it, struck through, with no deadline.
    await desk.reload();
    await desk.locator('[data-testid="live"]').waitFor();
    await desk.click('button[data-tab="complaints"]');
    await desk.locator('[data-testid="complaint-register"]').waitFor();
    expect(await row.count()).toBe(0);
    await desk.selectOption('select[name="status"]', 'spam');
    await expect.poll(() => row.locator('[data-deadline]').getAttribute('data-deadline')).toBe('spam');
    await screenshot(desk, 'complaint-mod-spam-filter');

    await phone.goto(`${t.hub.url}/pengaduan/${filed.body.code}`);
    const status = phone.locator('[data-testid="complaint-status"]');
    await expect.poll(() => status.getAttribute('data-status')).toBe('spam');
    expect(await phone.locator('li[data-step="spam"]').textContent()).toContain('Ditolak: bukan pengaduan');
    expect(await phone.locator('[data-testid="complaint-answer"]').textContent()).toContain(
      'tidak akan dijawab',
    );
    expect(await phone.locator('[data-testid="complaint-deadline"]').count()).toBe(0);
    await fullPage(phone, 'complaint-follow-spam');
  });

  it('files anonymously with only a contact; the register shows "Anonim" (issue 14)', async () => {
    await phone.goto(`${t.hub.url}/pengaduan`);
    const form = phone.locator('[data-testid="complaint-form"]');
    await form.waitFor();
    await form.locator('input[name="anonymous"]').check();
    expect(await form.locator('input[name="name"]').count()).toBe(0);
    await form.locator('input[name="contact"]').fill('0812-5555-0202');
    await form.locator('textarea[name="text"]').fill('Toilet lantai dua tidak ada air sejak pagi.');
    await fullPage(phone, 'complaint-form-anonymous');
    await form.locator('button[type="submit"]').click();
    const shown = phone.locator('[data-testid="complaint-code"]');
    await shown.waitFor();
    const anonymousCode = ((await shown.textContent()) ?? '').replace('-', '');
    const register = await t.api<{ complaints: { code: string; name: string }[] }>('GET', '/complaints', {
      token: await modToken(),
    });
    expect(register.body.complaints.find((c) => c.code === anonymousCode)?.name).toBe('Anonim');
  });
});
