import { IssuedTicket, SkmReportView } from '@giliran/protocol';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type Browser } from '../support/browser.ts';
import { KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';
import {
  layoutProblems,
  measureLayout,
  NO_LAYOUT_PROBLEMS,
  smallestText,
  textSmallerThan,
  type Layout,
} from '../support/layout-checks.ts';

const PHONE = { width: 390, height: 844 };
const KIOSK_LANDSCAPE = { width: 1920, height: 1080 };
const KIOSK_PORTRAIT = { width: 1080, height: 1920 };

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

/** A ticket issued at the kiosk and served to the end at `counter`, as it happens at a desk. */
async function servedTicket(serviceId: string, officer: string, counter: string): Promise<IssuedTicket> {
  const issued = IssuedTicket.parse(
    (await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId } })).body,
  );
  const token = await t.login(officer);
  for (const path of [
    `/counters/${counter}/call-next`,
    `/tickets/${issued.id}/step`,
    `/tickets/${issued.id}/finish`,
  ]) {
    const res = await t.api('POST', path, { token, ...(path.endsWith('finish') ? { body: {} } : {}) });
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
  }
  return issued;
}

async function report(): Promise<SkmReportView> {
  const res = await t.api('GET', '/skm', { token: await t.login('mod') });
  expect(res.status).toBe(200);
  return SkmReportView.parse(res.body);
}

/**
 * Taps the answers, one screen each, from question `from` (0-based); `shots` names screenshots of the first and
 * third questions.
 */
async function answerAll(page: Page, answers: readonly number[], shots?: string, from = 0): Promise<void> {
  for (const [n, score] of answers.entries()) {
    const i = n + from;
    await page.locator(`[data-screen="question"][data-unsur="U${String(i + 1)}"]`).waitFor();
    if (shots && (i === 0 || i === 2)) await screenshot(page, `${shots}-question-u${String(i + 1)}`);
    await page.click(`[data-score="${String(score)}"]`);
  }
  await page.locator('[data-screen="respondent"]').waitFor();
}

async function describeRespondent(page: Page, choices: readonly string[]): Promise<void> {
  for (const choice of choices) await page.click(`[data-choice="${choice}"]`);
}

/**
 * A kiosk is read at arm's length. In CSS pixels at 1080 × 1920: any text at least 16 (the site's name under
 * the title), what a citizen taps at least 20, the largest (the question, the title) at least 30.
 */
const KIOSK_MIN_TEXT_PX = 16;
const KIOSK_MIN_BUTTON_TEXT_PX = 20;
const KIOSK_MIN_LARGEST_TEXT_PX = 30;

/** The screen fits the portrait kiosk: no scrolling either way, every box inside, big text, nothing overlapping. */
function expectFitsKiosk(layout: Layout, screen: string): void {
  console.info(
    `survey portrait, ${screen}: ${String(layout.elements.length)} elements, smallest text ${String(smallestText(layout))}px`,
  );
  expect(layout.elements.length, screen).toBeGreaterThan(5);
  expect(layoutProblems(layout, KIOSK_MIN_TEXT_PX), screen).toEqual(NO_LAYOUT_PROBLEMS);
  const buttons = { ...layout, elements: layout.elements.filter((el) => el.name.startsWith('button')) };
  expect(buttons.elements.length, screen).toBeGreaterThanOrEqual(3);
  expect(textSmallerThan(buttons, KIOSK_MIN_BUTTON_TEXT_PX), screen).toEqual([]);
  expect(Math.max(...layout.elements.map((el) => el.fontPx)), screen).toBeGreaterThanOrEqual(
    KIOSK_MIN_LARGEST_TEXT_PX,
  );
}

describe('the SKM survey page in Chromium', () => {
  it('takes a citizen from the ticket’s link on a phone through nine questions to thanks, and the IKM counts it', async () => {
    const ticket = await servedTicket('ktp-el', 'loket1', 'loket-1');
    const page = await browser.page(PHONE);
    await page.goto(`${t.hub.url}/survey?ticket=${ticket.code}`);
    const answers = [4, 3, 3, 4, 3, 4, 4, 3, 2];
    await answerAll(page, answers, 'survey-phone-1');
    expect(await page.textContent('[data-screen="respondent"]')).toContain(`Tiket ${ticket.number} · KTP-el`);
    await screenshot(page, 'survey-phone-2-respondent');
    expect(await page.isDisabled('[data-testid="submit"]')).toBe(true);
    await describeRespondent(page, [
      'gender:perempuan',
      'ageBand:30_39',
      'education:s1',
      'occupation:swasta',
    ]);
    await page.fill('textarea', 'Ruang tunggu sejuk, terima kasih.');
    await screenshot(page, 'survey-phone-3-respondent-filled');
    await page.click('[data-testid="submit"]');
    await page.locator('[data-screen="thanks"]').waitFor();
    await screenshot(page, 'survey-phone-4-thanks');

    const figures = (await report()).figures;
    expect(figures.respondents).toBe(1);
    expect(figures.unsur.map((u) => u.nrr)).toEqual(answers);
    // Σ = 30; 30 / 9 × 25 = 83.333… → 83.33, B.
    expect(figures).toMatchObject({ converted: 83.33, mutu: 'B', kinerja: { id: 'Baik' } });

    // The same ticket again: refused in the chosen language only, no English line under it (issue 14).
    await page.goto(`${t.hub.url}/survey?ticket=${ticket.code}`);
    await page.locator('[data-screen="refused"]').waitFor();
    const refusal = await page.textContent('[data-screen="refused"]');
    expect(refusal).toContain('Survei untuk tiket ini sudah diisi');
    expect(refusal).not.toContain('The survey for this ticket has already been filled in');
    await screenshot(page, 'survey-phone-5-refused');
    await page.close();
  });

  it('on a phone without the QR: asks for the code printed under it, and says why the number alone is refused', async () => {
    const ticket = await servedTicket('akta-lahir', 'loket2', 'loket-2');
    const page = await browser.page(PHONE);
    await page.goto(`${t.hub.url}/survey`);
    expect(await page.textContent('label[for="survey-ticket"]')).toBe('Kode survei (di bawah kode QR)');
    expect(await page.getAttribute('[data-testid="ticket-input"]', 'placeholder')).toBe('10 huruf dan angka');
    await page.fill('[data-testid="ticket-input"]', ticket.number);
    await page.click('[data-testid="ticket-next"]');
    await expect
      .poll(() => page.textContent('.survey-error'))
      .toMatch(/Nomor antrean saja tidak cukup.*kode survei yang tercetak di bawah kode QR/);
    await screenshot(page, 'survey-phone-0-number-refused');
    await page.fill('[data-testid="ticket-input"]', ticket.code);
    await page.click('[data-testid="ticket-next"]');
    await page.locator('[data-screen="question"]').first().waitFor();
    await page.close();
  });

  it('lets a citizen at the kiosk type the ticket code, answer in English, and take a survey without a ticket', async () => {
    const ticket = await servedTicket('kk', 'loket2', 'loket-2');
    const page = await browser.page(KIOSK_LANDSCAPE);
    await page.goto(`${t.hub.url}/survey?token=${KIOSK_TOKEN}`);
    await page.locator('[data-screen="start"] [data-key="B"]').waitFor();
    await screenshot(page, 'survey-kiosk-1-start');
    // Today's number is no key (the officer who served the citizen knows it): only the printed code is.
    for (const key of ticket.number) await page.click(`[data-key="${key}"]`);
    await page.click('[data-testid="ticket-next"]');
    await page.locator('[data-screen="start"] [role="alert"]').waitFor();
    expect(await page.textContent('[role="alert"]')).toMatch(
      /Nomor antrean saja tidak cukup.*kode survei yang tercetak di bawah kode QR/,
    );
    await screenshot(page, 'survey-kiosk-2-not-found');
    await page.click('[data-key="clear"]');
    for (const key of ticket.code) await page.click(`[data-key="${key}"]`);
    await page.click('[data-testid="ticket-next"]');
    await page.locator('[data-screen="question"]').waitFor();
    await page.click('[data-testid="lang"]');
    expect(await page.textContent('[data-screen="question"]')).toContain('Question 1 of 9');
    await answerAll(page, [4, 4, 4, 4, 4, 4, 4, 4, 4], 'survey-kiosk-3-en');
    await describeRespondent(page, [
      'gender:laki_laki',
      'ageBand:50_59',
      'education:sma',
      'occupation:wirausaha',
    ]);
    await screenshot(page, 'survey-kiosk-4-respondent-en');
    await page.click('[data-testid="submit"]');
    await page.locator('[data-screen="thanks"]').waitFor();
    await screenshot(page, 'survey-kiosk-5-thanks');

    await page.click('[data-testid="done"]');
    await page.click('[data-testid="without-ticket"]');
    await page.locator('[data-screen="service"] [data-service="jkn"]').waitFor();
    await screenshot(page, 'survey-kiosk-6-services');
    await page.click('[data-service="jkn"]');
    await answerAll(page, [2, 2, 3, 3, 2, 2, 3, 2, 2]);
    await describeRespondent(page, [
      'gender:perempuan',
      'ageBand:60_plus',
      'education:tidak_sekolah',
      'occupation:lainnya',
    ]);
    await page.click('[data-testid="submit"]');
    await page.locator('[data-screen="thanks"]').waitFor();

    const view = await report();
    expect(view.figures).toMatchObject({ respondents: 3, withoutTicket: 1 });
    expect(view.services.find((s) => s.id === 'kk')?.figures).toMatchObject({
      respondents: 1,
      converted: 100,
      mutu: 'A',
    });
    // 21 / 9 × 25 = 58.333… → 58.33, D.
    expect(view.services.find((s) => s.id === 'jkn')?.figures).toMatchObject({
      respondents: 1,
      converted: 58.33,
      mutu: 'D',
    });
    await page.close();
  });

  it('fits a portrait kiosk screen', async () => {
    const ticket = await servedTicket('stnk', 'loket3', 'loket-3');
    const page = await browser.page(KIOSK_PORTRAIT);
    await page.goto(`${t.hub.url}/survey?token=${KIOSK_TOKEN}&ticket=${ticket.code}`);
    await page.locator('[data-screen="question"][data-unsur="U1"]').waitFor();
    await page.click('[data-score="3"]');
    await page.locator('[data-screen="question"][data-unsur="U2"]').waitFor();
    await screenshot(page, 'survey-portrait-1-question');
    expectFitsKiosk(await measureLayout(page), 'question U2');
    await answerAll(page, [3, 3, 3, 3, 3, 3, 3, 3], undefined, 1);
    await screenshot(page, 'survey-portrait-2-respondent');
    expectFitsKiosk(await measureLayout(page), 'respondent');
    await page.close();
  });
});
