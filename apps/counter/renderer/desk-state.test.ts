import { describe, expect, it } from 'vitest';
import { applyEvent, fromSnapshot, type DeskState } from './desk-state.ts';
import { activeTicket, findByNumber, noShowsFor, owedFor, waitingFor } from './desk-view.ts';
import type { Broadcast, QueueEvent, Snapshot } from './wire.ts';

const AT = '2026-11-25T01:00:00.000Z';
const later = (minutes: number) => new Date(Date.parse(AT) + minutes * 60_000).toISOString();

const empty: Snapshot = {
  lastEventId: 0,
  now: AT,
  serviceDay: '2026-11-25',
  tickets: [],
  counters: [
    {
      id: 'loket-1',
      name: 'Loket 1',
      serviceIds: ['ktp'],
      pausedReason: null,
      pausedSince: null,
      activeTicketId: null,
    },
  ],
  compensations: [],
  calls: [],
};

const issued = (
  id: string,
  number: string,
  minute: number,
  priority: 'lansia' | null = null,
): QueueEvent => ({
  type: 'ticket:issued',
  ticketId: id,
  code: `c-${id}`,
  serviceId: 'ktp',
  serviceDay: '2026-11-25',
  seq: Number(number.slice(1)),
  number,
  priority,
  channel: 'kiosk',
  issuedAt: later(minute),
  by: 'kiosk',
});

/** Applies events with consecutive ids after the state's position, failing on anything but 'applied'. */
function play(state: DeskState, events: readonly QueueEvent[]): DeskState {
  let s = state;
  for (const event of events) {
    const result = applyEvent(s, { ...event, eventId: (s.lastEventId ?? 0) + 1 });
    if (result.kind !== 'applied') throw new Error(`${event.type}: ${result.kind}`);
    s = result.state;
  }
  return s;
}

const by = { by: 'loket1' };

describe("the counter desk's state from the hub's broadcasts", () => {
  it('lists waiting tickets priority first, then oldest, and shows the called one at the desk', () => {
    let s = play(fromSnapshot(empty), [
      issued('a1', 'A001', 0),
      issued('a2', 'A002', 1),
      issued('a3', 'A003', 2, 'lansia'),
    ]);
    expect(waitingFor(s, ['ktp']).map((t) => t.number)).toEqual(['A003', 'A001', 'A002']);
    s = play(s, [
      { type: 'ticket:called', ticketId: 'a3', counterId: 'loket-1', via: 'next', at: later(3), ...by },
    ]);
    expect(activeTicket(s, 'loket-1')).toMatchObject({ number: 'A003', status: 'called' });
    expect(waitingFor(s, ['ktp']).map((t) => t.number)).toEqual(['A001', 'A002']);
    s = play(s, [
      { type: 'ticket:step-started', ticketId: 'a3', counterId: 'loket-1', step: 4, at: later(4), ...by },
    ]);
    expect(activeTicket(s, 'loket-1')).toMatchObject({ status: 'serving', step: 4, stepSince: later(4) });
    s = play(s, [
      {
        type: 'ticket:finished',
        ticketId: 'a3',
        counterId: 'loket-1',
        outcome: 'completed',
        at: later(9),
        ...by,
      },
    ]);
    expect(activeTicket(s, 'loket-1')).toBeNull();
  });

  it('frees the desk on a no-show or a transfer and puts a reactivated ticket back in line', () => {
    let s = play(fromSnapshot(empty), [
      issued('a1', 'A001', 0),
      { type: 'ticket:called', ticketId: 'a1', counterId: 'loket-1', via: 'next', at: later(1), ...by },
      { type: 'ticket:no-show', ticketId: 'a1', counterId: 'loket-1', at: later(5), ...by },
    ]);
    expect(activeTicket(s, 'loket-1')).toBeNull();
    expect(noShowsFor(s, ['ktp']).map((t) => t.number)).toEqual(['A001']);
    s = play(s, [{ type: 'ticket:reactivated', ticketId: 'a1', at: later(6), ...by }]);
    expect(waitingFor(s, ['ktp']).map((t) => t.number)).toEqual(['A001']);
    s = play(s, [
      { type: 'ticket:called', ticketId: 'a1', counterId: 'loket-1', via: 'specific', at: later(7), ...by },
      {
        type: 'ticket:transferred',
        ticketId: 'a1',
        fromServiceId: 'ktp',
        toServiceId: 'kk',
        counterId: 'loket-1',
        at: later(8),
        ...by,
      },
    ]);
    expect(activeTicket(s, 'loket-1')).toBeNull();
    expect(waitingFor(s, ['kk']).map((t) => t.number)).toEqual(['A001']);
  });

  it('tracks pause and the late-service compensation owed until it is given', () => {
    let s = play(fromSnapshot(empty), [
      issued('a1', 'A001', 0),
      { type: 'counter:paused', counterId: 'loket-1', reason: 'sholat', at: later(1), ...by },
    ]);
    expect(s.counters.get('loket-1')).toMatchObject({ pausedReason: 'sholat', pausedSince: later(1) });
    const remedy = { id: 'Permohonan maaf dan minuman gratis', en: 'An apology and a free drink' };
    s = play(s, [
      { type: 'counter:resumed', counterId: 'loket-1', at: later(2), ...by },
      {
        type: 'compensation:raised',
        compensationId: 'k1',
        kind: 'late_service',
        ticketId: 'a1',
        counterId: null,
        tier: 0,
        remedy,
        officerConsequence: 'none',
        note: null,
        at: later(20),
        by: 'system',
      },
    ]);
    expect(s.counters.get('loket-1')?.pausedReason).toBeNull();
    expect(owedFor(s, 'a1')?.remedy).toEqual(remedy);
    s = play(s, [
      {
        type: 'compensation:resolved',
        compensationId: 'k1',
        remedyGiven: remedy.id,
        officerConsequence: 'none',
        note: null,
        at: later(21),
        ...by,
      },
    ]);
    expect(owedFor(s, 'a1')).toBeUndefined();
  });

  it('ignores what the snapshot already holds and asks for a resync after a gap or a new day', () => {
    const s = { ...fromSnapshot(empty), lastEventId: 10 };
    expect(applyEvent(s, { ...issued('a1', 'A001', 0), eventId: 10 }).kind).toBe('stale');
    expect(applyEvent(s, { ...issued('a1', 'A001', 0), eventId: 12 }).kind).toBe('resync');
    const tomorrow = { ...issued('a1', 'A001', 0), serviceDay: '2026-11-26', eventId: 11 } as Broadcast;
    expect(applyEvent(s, tomorrow).kind).toBe('resync');
  });

  it("steps over another feature's event in the log (log:advanced) without a resync", () => {
    const s = { ...fromSnapshot(empty), lastEventId: 10 };
    const advanced = applyEvent(s, { type: 'log:advanced', eventId: 11 });
    expect(advanced.kind).toBe('applied');
    if (advanced.kind !== 'applied') return;
    expect(advanced.state.lastEventId).toBe(11);
    expect(advanced.state.tickets).toBe(s.tickets);
    expect(applyEvent(advanced.state, { ...issued('a1', 'A001', 0), eventId: 12 }).kind).toBe('applied');
  });

  it('finds a ticket by the number the officer types, loosely', () => {
    const s = play(fromSnapshot(empty), [issued('a1', 'A007', 0)]);
    for (const text of ['A007', 'a7', ' a 007 ']) expect(findByNumber(s, ['ktp'], text)?.id).toBe('a1');
    expect(findByNumber(s, ['ktp'], 'B007')).toBeNull();
    expect(findByNumber(s, ['kk'], 'A007')).toBeNull();
  });
});
