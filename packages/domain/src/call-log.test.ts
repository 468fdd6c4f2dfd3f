import { describe, expect, it } from 'vitest';
import { CALL_LOG_SIZE } from './call-log.ts';
import { fold } from './state.ts';
import {
  called,
  finished,
  issued,
  noShow,
  reactivated,
  recalled,
  stepStarted,
  transferred,
} from './testing/builders.ts';

const outcomes = (events: Parameters<typeof fold>[0]) =>
  fold(events).calls.map((c) => `${c.ticketId}@${c.counterId}:${c.serviceId}:${c.outcome}`);

describe('the day’s call log (what the displays show as history)', () => {
  it('keeps every call in order with its outcome, a transferred one included', () => {
    expect(
      outcomes([
        issued('t1', 'A001', 1, 0),
        issued('t2', 'A002', 2, 1),
        called('t1', 'loket-1', 2),
        recalled('t1', 'loket-1', 1, 3),
        noShow('t1', 'loket-1', 4),
        called('t2', 'loket-1', 5),
        stepStarted('t2', 'loket-1', 4, 6),
        transferred('t2', 'ktp', 'kk', 'loket-1', 7),
        called('t2', 'loket-2', 8),
        stepStarted('t2', 'loket-2', 4, 9),
        finished('t2', 'loket-2', 10),
        reactivated('t1', 11),
        called('t1', 'loket-1', 12),
      ]),
    ).toEqual([
      't1@loket-1:ktp:no_show',
      't2@loket-1:ktp:transferred',
      't2@loket-2:kk:done',
      't1@loket-1:ktp:called',
    ]);
  });

  it('a recall moves the live call’s time, not its outcome', () => {
    const state = fold([
      issued('t1', 'A001', 1, 0),
      called('t1', 'loket-1', 2),
      recalled('t1', 'loket-1', 1, 5),
    ]);
    expect(state.calls[0]).toMatchObject({ outcome: 'called', shownAt: '2026-11-25T01:05:00.000Z' });
  });

  it('keeps the last CALL_LOG_SIZE calls and starts empty on a new day', () => {
    const events = [];
    for (let i = 0; i < CALL_LOG_SIZE + 5; i++) {
      events.push(
        issued(`t${i}`, `A${i}`, i + 1, 0),
        called(`t${i}`, 'loket-1', 1),
        finished(`t${i}`, 'loket-1', 2),
      );
    }
    const state = fold(events);
    expect(state.calls).toHaveLength(CALL_LOG_SIZE);
    expect(state.calls[0]?.ticketId).toBe('t5');
    fold([issued('n1', 'A001', 1, 0, { serviceDay: '2026-11-26' })], state);
    expect(state.calls).toEqual([]);
  });
});
