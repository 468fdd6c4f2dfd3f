import { createHash } from 'node:crypto';
import { IssuedTicket, SkmReportView } from '@giliran/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { demoSite, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';
import { expectLogIsTruth } from '../support/log-truth.ts';

/** Monday 10 March 2025, 09:00 in Pontianak (UTC+7). */
const MONDAY_0900 = '2025-03-10T02:00:00.000Z';
const DAY = '2025-03-10';
const TABLET_TOKEN = 'tablet-at-loket-1-for-tests';
const RESPONDENT = { gender: 'perempuan', ageBand: '30_39', education: 's1', occupation: 'pns' } as const;

/**
 * A counter-side tablet (a kiosk-role device standing at a counter) takes the SKM in front of the officer who just
 * served the citizen: its answers are reported apart and never lift the IKM. And a ticket's answer needs the
 * ticket's code at every device: its number, which the officer knows, is no key.
 */
describe('SKM answers at a counter-side tablet', () => {
  let t: TestHub;
  afterEach(async () => {
    await t.stop();
  });

  it('are counted apart from the citizens own, and need the ticket code like any other', async () => {
    const site = demoSite();
    const clock = new ManualClock(MONDAY_0900);
    t = await startTestHub({
      clock,
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
    const officer = await t.login('loket1');
    const issue = async () =>
      IssuedTicket.parse(
        (await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'ktp-el' } })).body,
      );
    const [first, second] = [await issue(), await issue()];
    for (const ticket of [first, second]) {
      await t.api('POST', '/counters/loket-1/call-next', { token: officer });
      await t.api('POST', `/tickets/${ticket.id}/step`, { token: officer });
      clock.advance(120_000);
      await t.api('POST', `/tickets/${ticket.id}/finish`, { token: officer, body: {} });
    }
    const submit = (ticket: string, answers: number[], token?: string) =>
      t.api('POST', '/survey/responses', {
        body: { ticket, answers, respondent: RESPONDENT },
        ...(token ? { token } : {}),
      });

    // The officer types the number the citizen was called by: refused, at the tablet as anywhere, saying the code
    // under the QR is what it takes.
    const byNumber = await submit(first.number, [4, 4, 4, 4, 4, 4, 4, 4, 4], TABLET_TOKEN);
    expect(byNumber.status).toBe(400);
    expect(byNumber.body).toMatchObject({ error: { code: 'SKM_CODE_REQUIRED' } });
    // The citizen's own code at the tablet: taken, but as a tablet answer.
    expect((await submit(first.code, [4, 4, 4, 4, 4, 4, 4, 4, 4], TABLET_TOKEN)).status).toBe(201);
    // The other citizen answers from their phone.
    expect((await submit(second.code, [2, 2, 2, 2, 2, 2, 2, 2, 2])).status).toBe(201);

    const mod = await t.login('mod');
    const res = await t.api('GET', `/skm?from=${DAY}&to=${DAY}`, { token: mod });
    const report = SkmReportView.parse(res.body);
    expect(report.figures.respondents).toBe(1);
    expect(report.figures.unsur.map((u) => u.total)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(report.figures.ikm).toBe(2);
    expect(report.counterTablets.respondents).toBe(1);
    expect(report.counterTablets.ikm).toBe(4);
    expect(report.services.find((s) => s.id === 'ktp-el')?.figures.respondents).toBe(1);
    expect(report.demographics.gender.find((g) => g.code === 'perempuan')?.count).toBe(1);
    // The tablet's device row and its answer's counter come from the log: a rebuild gives the same rows.
    expectLogIsTruth(t.hub.db);
  });
});
