import { PublicTicketStatus } from '@giliran/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { UNSTAFFED_AFTER_MS } from '../../apps/hub/src/wait/unstaffed-counters.ts';
import { KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

/** Monday 10 March 2025, 09:00 in Pontianak (UTC+7): the demo hall is open. */
const MONDAY_0900 = '2025-03-10T02:00:00.000Z';

// KTP-el is served at loket-1 and loket-2 (which also serve KK and akta). Six KTP tickets wait, nobody served yet.
describe('the wait estimate counts only the counters someone sits at', () => {
  let t: TestHub | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  it('drops a counter left empty past the grace period, and counts it again the moment its officer is back', async () => {
    const clock = new ManualClock(MONDAY_0900);
    const hub = await startTestHub({ clock });
    t = hub;
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await hub.api<{ code: string }>('POST', '/tickets', {
        token: KIOSK_TOKEN,
        body: { serviceId: 'ktp-el' },
      });
      codes.push(res.body.code);
    }
    const last = codes[5] ?? '';
    const wait = async () =>
      (await hub.api('GET', `/public/tickets/${last}`, { schema: PublicTicketStatus })).body
        .estimatedWaitMinutes ?? -1;

    await hub.socket(await hub.login('loket1'));
    const bothCounted = await wait();
    expect(bothCounted).toBeGreaterThan(0);

    // An app reconnecting is not an empty counter: within the grace period nothing changes.
    clock.advance(UNSTAFFED_AFTER_MS - 1000);
    expect(await wait()).toBe(bothCounted);

    // Nobody has sat at loket-2 all this while: loket-1 alone serves the line, so the wait grows.
    clock.advance(2000);
    const oneCounted = await wait();
    expect(oneCounted).toBeGreaterThan(bothCounted * 1.5);

    // The officer of loket-2 signs in: counted again at once.
    await hub.socket(await hub.login('loket2'));
    await expect.poll(wait, { timeout: 5000 }).toBe(bothCounted);
  });
});
