import type { CompensationRaised } from '@giliran/domain';
import type { Broadcast, CompensationView, IssuedTicket, TicketView, TimingView } from '@giliran/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import {
  collect,
  demoSite,
  KIOSK_TOKEN,
  sopTableSite,
  startTestHub,
  type TestHub,
} from '../support/hub-harness.ts';

// 09:00 WIB (Asia/Pontianak) on a Wednesday.
const START = '2026-11-25T02:00:00.000Z';

describe('late service raises compensation by itself', () => {
  let t: TestHub | undefined;
  afterEach(async () => {
    await t?.stop();
  });

  it('raises at issue + 2 min (steps 2–3) + 15 min, broadcasts it to MOD, once, and it can be resolved', async () => {
    const clock = new ManualClock(START);
    t = await startTestHub({ clock, site: sopTableSite() });
    const mod = await t.login('mod');
    const modSocket = await t.socket(mod);
    const issued = await t.api<IssuedTicket>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'ktp-el' },
    });
    expect(issued.status).toBe(201);

    const raised = collect<Broadcast<CompensationRaised>>(modSocket, 'compensation:raised', 1);
    clock.advance(17 * 60_000 - 1);
    const before = await t.api<CompensationView[]>('GET', '/compensations', { token: mod });
    expect(before.body).toEqual([]);

    clock.advance(1);
    const [event] = await raised;
    expect(event).toMatchObject({
      kind: 'late_service',
      ticketId: issued.body.id,
      at: '2026-11-25T02:17:00.000Z',
      remedy: { id: 'Permohonan maaf dan minuman gratis' },
    });

    clock.advance(30 * 60_000);
    const listed = await t.api<CompensationView[]>('GET', '/compensations?open=true', { token: mod });
    expect(listed.body).toHaveLength(1);

    const timings = await t.api<TimingView[]>('GET', '/timings', { token: mod });
    expect(timings.body[0]).toMatchObject({
      ticketId: issued.body.id,
      phase: 'waiting',
      status: 'late',
      compensationDueAt: null,
    });

    // The officer who serves the late ticket records the drink as given.
    const officer = await t.login('loket1');
    await t.api('POST', '/counters/loket-1/call-next', { token: officer });
    const resolved = await t.api<CompensationView>(
      'POST',
      `/compensations/${listed.body[0]?.id ?? ''}/resolve`,
      {
        token: officer,
        body: { remedyGiven: 'Maaf disampaikan, air mineral diberikan' },
      },
    );
    expect(resolved.status).toBe(200);
    expect(resolved.body.resolution).toMatchObject({ by: 'loket1', at: '2026-11-25T02:47:00.000Z' });
    const open = await t.api<CompensationView[]>('GET', '/compensations?open=true', { token: mod });
    expect(open.body).toEqual([]);
  });

  it('does not raise for a ticket called in time', async () => {
    const clock = new ManualClock(START);
    t = await startTestHub({ clock, site: sopTableSite() });
    const mod = await t.login('mod');
    await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'ktp-el' } });
    clock.advance(16 * 60_000);
    const officer = await t.login('loket1');
    const called = await t.api<TicketView>('POST', '/counters/loket-1/call-next', { token: officer });
    expect(called.status).toBe(200);
    clock.advance(60 * 60_000);
    const list = await t.api<CompensationView[]>('GET', '/compensations', { token: mod });
    expect(list.body).toEqual([]);
  });

  it('raises on start-up for tickets that became late while the hub was down', async () => {
    const clock = new ManualClock(START);
    t = await startTestHub({ clock, site: sopTableSite() });
    const dataDir = t.dataDir;
    await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'kk' } });
    await t.hub.close();

    clock.advance(40 * 60_000);
    const restarted = await startTestHub({ clock, dataDir, site: sopTableSite() });
    t = restarted;
    const mod = await restarted.login('mod');
    const list = await restarted.api<CompensationView[]>('GET', '/compensations', { token: mod });
    expect(list.body).toHaveLength(1);
    expect(list.body[0]?.raisedAt).toBe('2026-11-25T02:40:00.000Z');
  });
});

describe('SOP step timing', () => {
  let t: TestHub | undefined;
  afterEach(async () => {
    await t?.stop();
  });

  it('times each counter step against its standard and marks the late one', async () => {
    const clock = new ManualClock(START);
    t = await startTestHub({ clock, site: sopTableSite() });
    const officer = await t.login('loket8');
    const issued = await t.api<IssuedTicket>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'skck' },
    });
    clock.advance(60_000);
    await t.api('POST', '/counters/loket-8/call-next', { token: officer });
    clock.advance(30_000);
    const minutes = [1, 3, 4, 9, 1]; // steps 4–8; SKCK's own standard for step 7 is 10 min, step 5 is 2 min
    for (const m of minutes) {
      await t.api('POST', `/tickets/${issued.body.id}/step`, { token: officer });
      clock.advance(m * 60_000);
    }
    const finished = await t.api<TicketView>('POST', `/tickets/${issued.body.id}/finish`, { token: officer });
    expect(finished.status).toBe(200);
    expect(
      finished.body.timeline.map((e) => [e.steps.join('+'), e.elapsedSeconds, e.standardSeconds, e.late]),
    ).toEqual([
      ['2+3', 60, 120, false],
      ['4', 60, 120, false],
      ['5', 180, 120, true],
      ['6', 240, 300, false],
      ['7', 540, 600, false],
      ['8', 60, 60, false],
    ]);
  });
});

describe('local midnight', () => {
  let t: TestHub | undefined;
  afterEach(async () => {
    await t?.stop();
  });

  it('restarts numbering at 00:00 WIB and treats yesterday’s tickets as history', async () => {
    const clock = new ManualClock('2026-11-25T16:58:00.000Z'); // 23:58 WIB
    t = await startTestHub({ clock, site: sopTableSite() });
    const officer = await t.login('loket1');
    const late = await t.api<IssuedTicket>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'ktp-el' },
    });
    const late2 = await t.api<IssuedTicket>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'ktp-el' },
    });
    expect([late.body.number, late2.body.number]).toEqual(['A001', 'A002']);

    clock.advance(3 * 60_000); // 00:01 WIB on the 26th
    const early = await t.api<IssuedTicket>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'ktp-el' },
    });
    expect(early.body.number).toBe('A001');
    const call = await t.api<TicketView>('POST', '/counters/loket-1/call-next', { token: officer });
    expect(call.body.id).toBe(early.body.id);

    const old = await t.api<TicketView>('GET', `/tickets/${late.body.id}`, { token: officer });
    expect(old.body).toMatchObject({ number: 'A001', serviceDay: '2026-11-25', status: 'waiting' });
    const refused = await t.api<{ error: { code: string } }>('POST', `/tickets/${late.body.id}/cancel`, {
      token: officer,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('TICKET_NOT_TODAY');
  });
});

const settle = () =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, 20);
  });

describe('an escalated compensation carried over midnight', () => {
  it('keeps its highest tier when the day rolls and when it is resolved the next day', async () => {
    const clock = new ManualClock('2026-11-25T14:00:00.000Z'); // 21:00 WIB
    const site = demoSite();
    const t = await startTestHub({
      clock,
      site: {
        ...site,
        compensation: {
          ...site.compensation,
          lateService: [
            { minutesLate: 15, remedy: { id: 'Maaf dan minuman', en: 'Apology and a drink' } },
            { minutesLate: 30, remedy: { id: 'Maaf dan suvenir', en: 'Apology and a souvenir' } },
          ],
        },
      },
    });
    try {
      await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'kk' } });
      // Each raise is committed before the next alarm is set, as it would be while real minutes pass.
      clock.advanceMinutes(20); // tier 0 raised at 21:17
      await settle();
      clock.advanceMinutes(20); // tier 1 at 21:32
      await settle();
      clock.advanceMinutes(4 * 60); // 01:40 WIB the next day
      const mod = await t.login('mod');
      const open = await t.api<CompensationView[]>('GET', '/compensations?open=true', { token: mod });
      expect(open.body).toHaveLength(1);
      expect(open.body[0]).toMatchObject({ tier: 1, remedy: { id: 'Maaf dan suvenir' } });
      const resolved = await t.api<CompensationView>(
        'POST',
        `/compensations/${open.body[0]?.id ?? ''}/resolve`,
        {
          token: mod,
          body: { remedyGiven: 'Suvenir diberikan' },
        },
      );
      expect(resolved.body).toMatchObject({ tier: 1, remedy: { id: 'Maaf dan suvenir' } });
      const all = await t.api<CompensationView[]>('GET', '/compensations', { token: mod });
      expect(all.body[0]).toMatchObject({ tier: 1, resolution: { remedyGiven: 'Suvenir diberikan' } });
    } finally {
      await t.stop();
    }
  });
});
