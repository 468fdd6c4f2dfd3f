import { describe, expect, it } from 'vitest';
import {
  currentCall,
  displayReducer,
  earlierCalls,
  flashKey,
  INITIAL_STATE,
  MAX_CALLS,
  type CallOutcome,
  type DisplayAction,
  type DisplayState,
  type SnapshotCall,
} from './display-state.ts';

const at = (minute: number) => `2025-06-02T02:${String(minute).padStart(2, '0')}:00.000Z`;
const numberOf = (n: number) => `A${String(n).padStart(3, '0')}`;

const logged = (
  n: number,
  counterId: string,
  minute: number,
  outcome: CallOutcome = 'called',
): SnapshotCall => ({
  ticketId: `t${n}`,
  number: numberOf(n),
  serviceId: 'ktp-el',
  counterId,
  calledAt: at(minute),
  shownAt: at(minute),
  outcome,
});

const snapshot = (lastEventId: number, calls: SnapshotCall[], serviceDay = '2025-06-02'): DisplayAction => ({
  type: 'snapshot',
  lastEventId,
  serviceDay,
  calls,
});

const callOf =
  (type: 'called' | 'recalled') =>
  (eventId: number, n: number, counterId: string, minute: number): DisplayAction => ({
    type,
    eventId,
    ticketId: `t${n}`,
    number: numberOf(n),
    serviceId: 'ktp-el',
    counterId,
    at: at(minute),
  });
const called = callOf('called');
const recalled = callOf('recalled');

const outcome = (eventId: number, n: number, to: Exclude<CallOutcome, 'called'>): DisplayAction => ({
  type: 'outcome',
  eventId,
  ticketId: `t${n}`,
  outcome: to,
});

const fail = (): never => {
  throw new Error('no call');
};
const run = (...actions: DisplayAction[]): DisplayState => actions.reduce(displayReducer, INITIAL_STATE);
const listed = (state: DisplayState) => state.calls.map((c) => `${c.number}@${c.counterId}:${c.outcome}`);

describe('displayReducer', () => {
  it('takes the day’s calls from the snapshot, newest first, with their outcomes and no flash', () => {
    const state = run(
      snapshot(10, [
        logged(1, 'loket-1', 1, 'done'),
        logged(2, 'loket-2', 5),
        logged(5, 'loket-3', 4, 'no_show'),
      ]),
    );
    expect(listed(state)).toEqual(['A002@loket-2:called', 'A005@loket-3:no_show', 'A001@loket-1:done']);
    expect(state.lastEventId).toBe(10);
    expect(state.highlight).toBeNull();
  });

  it('puts a live call on top and flashes it', () => {
    const state = run(snapshot(10, [logged(1, 'loket-1', 1)]), called(11, 2, 'loket-2', 2));
    expect(listed(state)).toEqual(['A002@loket-2:called', 'A001@loket-1:called']);
    expect(state.highlight).toBe(flashKey(state.calls[0] ?? fail()));
  });

  it('ignores a broadcast the state already reflects, so a call is never shown twice', () => {
    const before = run(snapshot(12, [logged(1, 'loket-1', 1), logged(2, 'loket-2', 2)]));
    expect(displayReducer(before, called(12, 2, 'loket-2', 2))).toBe(before);
    expect(displayReducer(before, outcome(11, 1, 'done'))).toBe(before);
  });

  it('brings a recalled call back to the top and flashes again; a resync keeps the entry', () => {
    const first = run(
      snapshot(10, []),
      called(11, 1, 'loket-1', 1),
      called(12, 2, 'loket-2', 2),
      recalled(13, 1, 'loket-1', 3),
    );
    expect(listed(first)).toEqual(['A001@loket-1:called', 'A002@loket-2:called']);
    expect(first.calls[0]?.calledAt).toBe(at(1));
    expect(first.highlight).toBe(flashKey(first.calls[0] ?? fail()));
    const resynced = displayReducer(
      first,
      snapshot(13, [{ ...logged(1, 'loket-1', 1), shownAt: at(3) }, logged(2, 'loket-2', 2)]),
    );
    expect(resynced.calls[0]?.key).toBe(first.calls[0]?.key);
    expect(resynced.highlight).toBe(first.highlight);
  });

  it('keeps every call of a ticket: a no-show called again and a transferred one called elsewhere', () => {
    const state = run(
      snapshot(0, []),
      called(1, 1, 'loket-1', 1),
      outcome(2, 1, 'no_show'),
      called(3, 2, 'loket-1', 2),
      outcome(4, 2, 'serving'),
      outcome(5, 2, 'transferred'),
      called(6, 2, 'loket-4', 3),
      called(7, 1, 'loket-1', 4),
    );
    expect(listed(state)).toEqual([
      'A001@loket-1:called',
      'A002@loket-4:called',
      'A002@loket-1:transferred',
      'A001@loket-1:no_show',
    ]);
  });

  it('the big panel shows the latest call only while it is live: never an earlier no-show after a transfer', () => {
    const state = run(
      snapshot(0, []),
      called(1, 1, 'loket-1', 1),
      outcome(2, 1, 'no_show'),
      called(3, 2, 'loket-1', 2),
      outcome(4, 2, 'transferred'),
    );
    expect(currentCall(state.calls)).toBeUndefined();
    expect(earlierCalls(state.calls, undefined).map((c) => `${c.number}:${c.outcome}`)).toEqual([
      'A002:transferred',
      'A001:no_show',
    ]);
    const served = run(snapshot(0, []), called(1, 3, 'loket-2', 5), outcome(2, 3, 'serving'));
    expect(currentCall(served.calls)?.number).toBe('A003');
    expect(earlierCalls(served.calls, currentCall(served.calls))).toEqual([]);
  });

  it('clears yesterday’s calls when the first ticket of a new day is issued', () => {
    const state = run(
      snapshot(5, [logged(1, 'loket-1', 1)], '2025-06-01'),
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
