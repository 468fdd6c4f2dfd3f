import { WaitAccuracyView } from '@giliran/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

/** Monday 10 March 2025, 09:00 in Pontianak (UTC+7). */
const MONDAY_0900 = '2025-03-10T02:00:00.000Z';
const DAY = '2025-03-10';
const MINUTE = 60_000;

// JKN is served at loket-5 alone, with the default SOP (steps 4–8: 15 min). Nothing served yet, no history: a
// ticket holds the desk 15 min + 1 min walk. J001 is promised 0 min and called at once; J002 is promised 16 min
// (naive: 1 ahead × 15 min ÷ 1 counter = 15) and called at 09:20.
describe('GET /api/reports/wait-accuracy', () => {
  let t: TestHub;
  let clock: ManualClock;
  let mod: string;
  let j2Code = '';

  beforeAll(async () => {
    clock = new ManualClock(MONDAY_0900);
    t = await startTestHub({ clock });
    mod = await t.login('mod');
    const loket5 = await t.login('loket5');
    const issue = async () =>
      (
        await t.api<{ id: string; code: string }>('POST', '/tickets', {
          token: KIOSK_TOKEN,
          body: { serviceId: 'jkn' },
        })
      ).body;
    const j1 = await issue();
    const j2 = await issue();
    j2Code = j2.code;
    expect((await t.api('POST', '/counters/loket-5/call-next', { token: loket5 })).status).toBe(200);
    clock.advance(5 * MINUTE);
    // The citizen of J002 looks at the status page twice: one promise on another channel, as nothing changed.
    expect((await t.api('GET', `/public/tickets/${j2.code}`)).status).toBe(200);
    expect((await t.api('GET', `/public/tickets/${j2.code}`)).status).toBe(200);
    // The kiosk prints J002 once (the promise of its issue), then FO reprints it twice: each paper is a promise.
    const fo = await t.login('fo');
    for (const token of [KIOSK_TOKEN, fo, fo])
      expect((await t.api('POST', `/tickets/${j2.id}/print`, { token, body: {} })).status).toBe(200);
    await t.api('POST', `/tickets/${j1.id}/step`, { token: loket5 });
    clock.advance(15 * MINUTE);
    await t.api('POST', `/tickets/${j1.id}/finish`, { token: loket5, body: { outcome: 'completed' } });
    const called = await t.api<{ id: string }>('POST', '/counters/loket-5/call-next', { token: loket5 });
    expect(called.body.id).toBe(j2.id);
  });
  afterAll(async () => {
    await t.stop();
  });

  const report = async (query: string) => {
    const res = await t.api('GET', `/reports/wait-accuracy${query}`, {
      token: mod,
      schema: WaitAccuracyView,
    });
    expect(res.status).toBe(200);
    return res.body;
  };

  it('judges the promises made at issue against the calls, beside the naive estimate on the same tickets', async () => {
    const view = await report(`?from=${DAY}`);
    expect(view).toMatchObject({
      from: DAY,
      to: DAY,
      channel: 'issue',
      toleranceMinutes: 5,
      toleranceShare: 0.25,
    });
    // Errors (quoted − actual): J001 0 − 0, J002 16 − 20 = −4; naive 0 and 15 − 20 = −5.
    expect(view.total.estimator).toEqual({
      tickets: 2,
      mae: 2,
      medianError: 0,
      p90Error: 4,
      mse: 8,
      withinTolerance: 1,
      bias: -2,
    });
    expect(view.total.naive).toMatchObject({ tickets: 2, mae: 2.5, bias: -2.5, withinTolerance: 1 });
    expect(view.rows).toHaveLength(1);
    expect(view.rows[0]).toMatchObject({
      day: DAY,
      serviceId: 'jkn',
      serviceName: { id: 'Pendaftaran & Perubahan Data JKN' },
    });
    expect(view.services.map((s) => s.serviceId)).toEqual(['jkn']);
  });

  it('counts the status page promise on its own channel, once however often the page is shown', async () => {
    const status = await report(`?from=${DAY}&channel=status`);
    expect(status.total.estimator.tickets).toBe(1);
    const reprints = await report(`?from=${DAY}&channel=reprint`);
    // Reprinted at 09:05 while J001 was called but not yet at its first step: a whole visit (16 min) is left, and
    // J002 is called 15 minutes later. The naive estimate counts nobody ahead and promises 0.
    expect(reprints.total.estimator).toMatchObject({ tickets: 2, bias: 1, mae: 1 });
    expect(reprints.total.naive).toMatchObject({ tickets: 2, bias: -15 });
    const all = await report(`?from=${DAY}&channel=all`);
    expect(all.total.estimator.tickets).toBe(5);
    // J002 is called now: its status page shows no wait any more, and nothing new is promised.
    expect((await t.api('GET', `/public/tickets/${j2Code}`)).status).toBe(200);
    expect((await report(`?from=${DAY}&channel=all`)).total.estimator.tickets).toBe(5);
  });

  it('filters by service and says an unknown service, a bad date or a reversed range clearly', async () => {
    expect((await report(`?from=${DAY}&serviceId=kk`)).total.estimator.tickets).toBe(0);
    expect((await report(`?from=${DAY}&serviceId=jkn`)).total.estimator.tickets).toBe(2);
    const unknown = await t.api<{ error: { code: string } }>('GET', '/reports/wait-accuracy?serviceId=nope', {
      token: mod,
    });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'SERVICE_NOT_FOUND']);
    const bad = await t.api<{ error: { code: string } }>('GET', '/reports/wait-accuracy?from=2025-02-30', {
      token: mod,
    });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const reversed = await t.api('GET', `/reports/wait-accuracy?from=${DAY}&to=2025-03-01`, { token: mod });
    expect(reversed.status).toBe(400);
  });

  it('gives the same figures as a CSV with a byte-order mark, a row per service and day, and the total', async () => {
    const res = await fetch(`${t.hub.url}/api/reports/wait-accuracy?from=${DAY}&format=csv`, {
      headers: { authorization: `Bearer ${mod}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`ketepatan-perkiraan-`);
    const body = Buffer.from(await res.arrayBuffer());
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('Ketepatan Perkiraan Waktu Tunggu');
    expect(lines).toContain(
      `${DAY},Pendaftaran & Perubahan Data JKN,2,2.00,0.00,4.00,100.0,-2.00,8.0,2.50,0.00,5.00,100.0,-2.50,12.5,0`,
    );
    expect(lines.at(-2)).toMatch(/^Total,Semua layanan,2,2.00,/);
  });
});
