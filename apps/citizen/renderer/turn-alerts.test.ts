import { describe, expect, it } from 'vitest';
import { turnAlert } from './turn-alerts.ts';

const waiting = (ahead: number) => ({ status: 'waiting' as const, ahead, calledAt: null, nearAhead: 3 });
const called = (at: string) => ({ status: 'called' as const, ahead: null, calledAt: at, nearAhead: 3 });

describe('turnAlert', () => {
  it('says near once, when the line first comes within the threshold', () => {
    expect(turnAlert(waiting(5), waiting(4))).toBeNull();
    expect(turnAlert(waiting(4), waiting(3))).toBe('near');
    expect(turnAlert(waiting(3), waiting(2))).toBeNull();
    expect(turnAlert(waiting(2), waiting(1))).toBeNull();
  });

  it('says nothing for the first status seen: the page was opened, nothing happened', () => {
    expect(turnAlert(null, waiting(1))).toBeNull();
  });

  it('says called at each new call (a recall is a new call), even on the first status seen', () => {
    expect(turnAlert(waiting(1), called('2026-03-03T02:00:00.000Z'))).toBe('called');
    expect(turnAlert(null, called('2026-03-03T02:00:00.000Z'))).toBe('called');
    const first = called('2026-03-03T02:00:00.000Z');
    expect(turnAlert(first, first)).toBeNull();
    expect(turnAlert(first, called('2026-03-03T02:02:00.000Z'))).toBe('called');
  });

  it('never says near when the site turned it off', () => {
    expect(turnAlert({ ...waiting(4), nearAhead: 0 }, { ...waiting(1), nearAhead: 0 })).toBeNull();
  });
});
