import { CounterFigures, IssuedTicket, LoginResponse, TicketView } from '@giliran/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { demoSite, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

/** Monday 10 March 2025, 09:00 in Pontianak (UTC+7). */
const MONDAY_0900 = '2025-03-10T02:00:00.000Z';
const MINUTE = 60_000;

describe('what the counter app needs from the hub', () => {
  let t: TestHub;
  afterEach(async () => {
    await t.stop();
  });

  /** loket1 covers both loket-1 and loket-2 here: an officer who moves desks during the day. */
  async function start(clock: ManualClock): Promise<void> {
    const site = demoSite();
    site.accounts = site.accounts.map((a) =>
      a.username === 'loket1' ? { ...a, counterIds: ['loket-1', 'loket-2'] } : a,
    );
    t = await startTestHub({ clock, site });
  }

  const login = (body: object) => t.api('POST', '/auth/login', { body });

  it('signs an officer in at the assigned counter they choose, with their name and every counter they may take', async () => {
    await start(new ManualClock(MONDAY_0900));
    const first = LoginResponse.parse((await login({ username: 'loket1', pin: '1234' })).body);
    expect(first).toMatchObject({
      role: 'officer',
      username: 'loket1',
      name: 'Petugas Loket 1',
      counterId: 'loket-1',
      counterIds: ['loket-1', 'loket-2'],
    });
    const second = await login({ username: 'loket1', pin: '1234', counterId: 'loket-2' });
    expect(LoginResponse.parse(second.body).counterId).toBe('loket-2');

    // The session is bound to the chosen desk: loket-2's call works, loket-1's is refused.
    const token = LoginResponse.parse(second.body).token;
    await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'kk' } });
    expect((await t.api('POST', '/counters/loket-1/call-next', { token })).status).toBe(403);
    expect((await t.api('POST', '/counters/loket-2/call-next', { token })).status).toBe(200);
  });

  it('signs out: the token stops working at once', async () => {
    await start(new ManualClock(MONDAY_0900));
    const token = await t.login('loket2');
    expect((await t.api('GET', '/counters', { token })).status).toBe(200);
    expect((await t.api('POST', '/auth/logout', { token })).status).toBe(204);
    expect((await t.api('GET', '/counters', { token })).status).toBe(401);
  });

  it('refuses a counter the officer is not assigned to, but only after the PIN is right', async () => {
    await start(new ManualClock(MONDAY_0900));
    const wrongPin = await login({ username: 'loket1', pin: '9999', counterId: 'loket-5' });
    expect(wrongPin.status).toBe(401);
    const res = await login({ username: 'loket1', pin: '1234', counterId: 'loket-5' });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      error: { code: 'COUNTER_NOT_ASSIGNED', message: { id: expect.stringContaining('loket') as string } },
    });
  });

  it("gives the officer their counter's figures for today and nobody else's", async () => {
    const clock = new ManualClock(MONDAY_0900);
    await start(clock);
    const officer = await t.login('loket3');
    const act = async (path: string) => {
      const res = await t.api('POST', path, { token: officer });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return TicketView.parse(res.body);
    };
    const issued = IssuedTicket.parse(
      (await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'stnk' } })).body,
    );
    await act('/counters/loket-3/call-next');
    await act(`/tickets/${issued.id}/step`);
    clock.advance(3 * MINUTE); // step 4 has 2 minutes: this ticket ran late
    await act(`/tickets/${issued.id}/finish`);

    const res = await t.api('GET', '/counters/loket-3/figures', { token: officer, schema: CounterFigures });
    expect(res.body).toMatchObject({
      counterId: 'loket-3',
      serviceDay: '2025-03-10',
      served: 1,
      noShows: 0,
      averageServiceSeconds: 180,
      withinStandard: 0,
      withinStandardShare: 0,
    });
    expect((await t.api('GET', '/counters/loket-4/figures', { token: officer })).status).toBe(403);
    expect((await t.api('GET', '/counters/nope/figures', { token: officer })).status).toBe(404);
    const mod = await t.login('mod');
    expect((await t.api('GET', '/counters/loket-4/figures', { token: mod })).status).toBe(200);
    expect((await t.api('GET', '/counters/loket-3/figures', { token: KIOSK_TOKEN })).status).toBe(403);
  });
});
