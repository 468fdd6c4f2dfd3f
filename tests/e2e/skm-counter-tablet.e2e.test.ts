import { createHash } from 'node:crypto';
import { IssuedTicket } from '@giliran/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type Browser } from '../support/browser.ts';
import { demoSite, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

const TABLET_TOKEN = 'tablet-at-loket-1-e2e';
const RESPONDENT = { gender: 'perempuan', ageBand: '30_39', education: 's1', occupation: 'pns' } as const;

let browser: Browser;
let t: TestHub;

beforeAll(async () => {
  const site = demoSite();
  t = await startTestHub({
    site: {
      ...site,
      devices: [
        ...site.devices,
        {
          id: 'tablet-loket-1',
          role: 'kiosk',
          counterId: 'loket-1',
          tokenSha256: createHash('sha256').update(TABLET_TOKEN).digest('hex'),
        },
      ],
    },
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await t.stop();
});

describe('the MOD SKM tab', () => {
  it('shows answers from a counter-side tablet apart from the IKM', async () => {
    const officer = await t.login('loket1');
    for (const [token, score] of [
      [TABLET_TOKEN, 4],
      [undefined, 3],
    ] as const) {
      const ticket = IssuedTicket.parse(
        (await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'ktp-el' } })).body,
      );
      await t.api('POST', '/counters/loket-1/call-next', { token: officer });
      await t.api('POST', `/tickets/${ticket.id}/step`, { token: officer });
      const answered = await t.api('POST', '/survey/responses', {
        ...(token ? { token } : {}),
        body: { ticket: ticket.code, answers: Array(9).fill(score) as number[], respondent: RESPONDENT },
      });
      expect(answered.status).toBe(201);
      await t.api('POST', `/tickets/${ticket.id}/finish`, { token: officer, body: {} });
    }
    const page = await browser.page({ width: 1440, height: 900 });
    await page.goto(`${t.hub.url}/mod`);
    await page.fill('input[name="username"]', 'mod');
    await page.fill('input[name="pin"]', '1234');
    await page.click('button[type="submit"]');
    await page.click('button[data-tab="skm"]');
    const line = page.locator('[data-testid="skm-counter-tablets"]');
    await line.waitFor();
    expect(await line.textContent()).toContain('1 responden');
    expect(await page.textContent('[data-testid="skm-respondents"]')).toBe('1');
    await screenshot(page, 'i15-mod-skm-counter-tablets');
    await page.close();
  });
});
