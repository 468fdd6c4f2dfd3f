import { describe, expect, it } from 'vitest';
import {
  displayReducer,
  INITIAL_STATE,
  MAX_CALLS,
  type CalledTicket,
  type DisplayAction,
  type DisplayState,
} from './display-state.ts';

const at = (minute: number) => `2025-06-02T02:${String(minute).padStart(2, '0')}:00.000Z`;

const ticket = (n: number, counterId: string | null, minute: number | null): CalledTicket => ({
  id: `t${n}`,
  number: `A${String(n).padStart(3, '0')}`,
  serviceId: 'ktp-el',
  counterId,
  calledAt: minute === null ? null : at(minute),
});

const snapshot = (
  lastEventId: number,
  tickets: CalledTicket[],
  serviceDay = '2025-06-02',
): DisplayAction => ({
  type: 'snapshot',
  lastEventId,
  serviceDay,
  tickets,
});

type CallAction = Extract<DisplayAction, { type: 'called' }>;

const called = (eventId: number, n: number, counterId: string, minute: number): CallAction => ({
  type: 'called',
  eventId,
  ticketId: `t${n}`,
  number: `A${String(n).padStart(3, '0')}`,
  serviceId: 'ktp-el',
  counterId,
  at: at(minute),
});

const recalled = (eventId: number, n: number, counterId: string, minute: number): DisplayAction => ({
  ...called(eventId, n, counterId, minute),
  type: 'recalled',
});

const run = (...actions: DisplayAction[]): DisplayState => actions.reduce(displayReducer, INITIAL_STATE);
const numbers = (state: DisplayState) => state.calls.map((c) => c.number);

describe('displayReducer', () => {
  it('derives the calls from a snapshot, newest call first, leaving out tickets never called or at no counter', () => {
    const state = run(
      snapshot(10, [
        ticket(1, 'loket-1', 1),
        ticket(2, 'loket-2', 5),
        ticket(3, null, null),
        ticket(4, null, 3), // called, then transferred: at no counter now
        ticket(5, 'loket-3', 4),
      ]),
    );
    expect(numbers(state)).toEqual(['A002', 'A005', 'A001']);
    expect(state.lastEventId).toBe(10);
    expect(state.highlight).toBeNull(); // nothing from a resync flashes
  });

  it('puts a live call on top and highlights it', () => {
    const state = run(snapshot(10, [ticket(1, 'loket-1', 1)]), called(11, 2, 'loket-2', 2));
    expect(numbers(state)).toEqual(['A002', 'A001']);
    expect(state.highlight).toBe(state.calls[0]?.key);
    expect(state.lastEventId).toBe(11);
  });

  it('ignores a broadcast the state already reflects, so a call is never shown twice', () => {
    const before = run(snapshot(12, [ticket(1, 'loket-1', 1), ticket(2, 'loket-2', 2)]));
    expect(displayReducer(before, called(12, 2, 'loket-2', 2))).toBe(before);
    expect(displayReducer(before, called(11, 1, 'loket-1', 1))).toBe(before);
  });

  it('brings a recalled call back to the top with a new key, and a resync keeps it there', () => {
    const first = run(
      snapshot(10, []),
      called(11, 1, 'loket-1', 1),
      called(12, 2, 'loket-2', 2),
      recalled(13, 1, 'loket-1', 3),
    );
    expect(numbers(first)).toEqual(['A001', 'A002']);
    expect(first.calls[0]?.calledAt).toBe(at(1));
    expect(first.calls[0]?.key).not.toBe(run(snapshot(10, []), called(11, 1, 'loket-1', 1)).calls[0]?.key);

    const resynced = displayReducer(first, snapshot(13, [ticket(1, 'loket-1', 1), ticket(2, 'loket-2', 2)]));
    expect(numbers(resynced)).toEqual(['A001', 'A002']);
    expect(resynced.calls[0]?.key).toBe(first.calls[0]?.key);
    expect(resynced.highlight).toBe(first.highlight);
  });

  it('adds a recall of a call it never saw', () => {
    const state = run(snapshot(10, []), recalled(11, 9, 'loket-4', 5));
    expect(numbers(state)).toEqual(['A009']);
  });

  it('shows calls missed while offline after the resync, without a highlight and without doubles', () => {
    const online = run(snapshot(10, []), called(11, 1, 'loket-1', 1));
    // Offline: events 12 and 13 call A002 and A003. Back online: the snapshot has everything.
    const resynced = displayReducer(
      online,
      snapshot(13, [ticket(1, 'loket-1', 1), ticket(2, 'loket-2', 2), ticket(3, 'loket-1', 3)]),
    );
    expect(numbers(resynced)).toEqual(['A003', 'A002', 'A001']);
    // Calls made while offline do not flash: they are old news.
    expect(resynced.highlight).not.toBe(resynced.calls[0]?.key);
    expect(resynced.highlight).not.toBe(resynced.calls[1]?.key);
    // A late duplicate of an event the snapshot covered changes nothing.
    expect(displayReducer(resynced, called(12, 2, 'loket-2', 2))).toBe(resynced);
  });

  it('keeps one entry per ticket: a ticket called again at another counter moves', () => {
    const state = run(snapshot(0, []), called(1, 1, 'loket-1', 1), called(2, 1, 'loket-2', 4));
    expect(state.calls).toHaveLength(1);
    expect(state.calls[0]?.counterId).toBe('loket-2');
  });

  it('drops a transferred or reactivated ticket, as a resync would', () => {
    const state = run(snapshot(0, []), called(1, 1, 'loket-1', 1), called(2, 2, 'loket-2', 2), {
      type: 'released',
      eventId: 3,
      ticketId: 't1',
    });
    expect(numbers(state)).toEqual(['A002']);
  });

  it('clears yesterday’s calls when the first ticket of a new day is issued', () => {
    const state = run(
      snapshot(5, [ticket(1, 'loket-1', 1)], '2025-06-01'),
      { type: 'issued', eventId: 6, serviceDay: '2025-06-01' },
      { type: 'issued', eventId: 7, serviceDay: '2025-06-02' },
    );
    expect(state.calls).toEqual([]);
    expect(state.serviceDay).toBe('2025-06-02');
  });

  it('keeps at most MAX_CALLS entries', () => {
    const actions = Array.from({ length: MAX_CALLS + 5 }, (_, i) => called(i + 1, i + 1, 'loket-1', i % 60));
    expect(run(...actions).calls).toHaveLength(MAX_CALLS);
  });
});
