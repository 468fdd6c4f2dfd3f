import type { Ack, Broadcast, IssuedTicket, TicketView } from '@giliran/protocol';
import type { TicketCalled, TicketIssued } from '@giliran/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collect, command, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

describe('Socket.IO: every client sees the same events', () => {
  let t: TestHub;
  beforeEach(async () => {
    t = await startTestHub();
  });
  afterEach(async () => {
    await t.stop();
  });

  it('two counters and a MOD client receive the same issue and call events, in order', async () => {
    const [c1, c2, mod] = await Promise.all([t.login('loket1'), t.login('loket2'), t.login('mod')]);
    const [s1, s2, sm] = await Promise.all([t.socket(c1), t.socket(c2), t.socket(mod)]);
    const kiosk = await t.socket(KIOSK_TOKEN);

    const issued = [s1, s2, sm].map((s) => collect<Broadcast<TicketIssued>>(s, 'ticket:issued', 2));
    const called = [s1, s2, sm].map((s) => collect<Broadcast<TicketCalled>>(s, 'ticket:called', 1));

    const a = await command<Ack<IssuedTicket>>(kiosk, 'ticket:issue', { serviceId: 'ktp-el' });
    const b = await command<Ack<IssuedTicket>>(kiosk, 'ticket:issue', {
      serviceId: 'ktp-el',
      priority: 'ibu_hamil',
    });
    expect(a.ok && a.data.number).toBe('A001');
    expect(b.ok && b.data.number).toBe('A002');

    const call = await command<Ack<TicketView | null>>(s2, 'counter:call-next', { counterId: 'loket-2' });
    // Priority first: the pregnant applicant's A002 is called before A001.
    expect(call.ok && call.data?.number).toBe('A002');

    const seen = await Promise.all(issued);
    const calls = await Promise.all(called);
    for (const events of seen) expect(events.map((e) => e.number)).toEqual(['A001', 'A002']);
    for (const events of calls)
      expect(events[0]).toMatchObject({ counterId: 'loket-2', ticketId: b.ok ? b.data.id : '' });
    const ids = seen.map((events) => events.map((e) => e.eventId));
    expect(ids[0]).toEqual(ids[1]);
    expect(ids[1]).toEqual(ids[2]);
  });

  it('answers a bad payload with a coded bilingual error through the ack, and keeps serving', async () => {
    const kiosk = await t.socket(KIOSK_TOKEN);
    const bad = await command<Ack<unknown>>(kiosk, 'ticket:issue', { serviceId: 42, extra: true });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (!bad.ok) {
      expect(bad.error.message.id).toMatch(/tidak valid/);
      expect(bad.error.message.en).toMatch(/not valid/);
    }
    const good = await command<Ack<IssuedTicket>>(kiosk, 'ticket:issue', { serviceId: 'kk' });
    expect(good.ok && good.data.number).toBe('B001');
  });

  it('refuses a socket without a valid token', async () => {
    await expect(t.socket('not-a-token')).rejects.toThrow(/UNAUTHENTICATED/);
  });
});
