import { describe, expect, it } from 'vitest';
import { deadlineState, formatSpan } from './time-left.ts';

const DEADLINE = '2026-12-02T17:00:00.000Z';
const at = (iso: string) => Date.parse(iso);

describe('time left to a complaint deadline', () => {
  it('counts down, then up once the deadline passes, from the deadline instant on', () => {
    const open = { status: 'verified', deadlineAt: DEADLINE, answeredAt: null } as const;
    expect(deadlineState(open, at('2026-11-30T15:30:00.000Z'))).toEqual({
      kind: 'left',
      minutes: 2 * 1440 + 90,
    });
    expect(deadlineState(open, at('2026-12-02T16:59:30.000Z'))).toEqual({ kind: 'left', minutes: 1 });
    expect(deadlineState(open, at(DEADLINE))).toEqual({ kind: 'overdue', minutes: 0 });
    expect(deadlineState(open, at('2026-12-03T20:05:00.000Z'))).toEqual({ kind: 'overdue', minutes: 1625 });
  });

  it('stops counting once answered or closed', () => {
    const now = at('2026-12-10T00:00:00.000Z');
    expect(
      deadlineState(
        { status: 'answered', deadlineAt: DEADLINE, answeredAt: '2026-12-01T01:00:00.000Z' },
        now,
      ),
    ).toEqual({ kind: 'answered' });
    expect(deadlineState({ status: 'closed', deadlineAt: DEADLINE, answeredAt: DEADLINE }, now)).toEqual({
      kind: 'answered_late',
    });
    expect(deadlineState({ status: 'closed', deadlineAt: DEADLINE, answeredAt: null }, now)).toEqual({
      kind: 'closed',
    });
  });

  it('reads in the two largest units', () => {
    expect(formatSpan(2 * 1440 + 90, 'id')).toBe('2 hari 1 jam');
    expect(formatSpan(1440, 'en')).toBe('1 d');
    expect(formatSpan(200, 'id')).toBe('3 jam 20 menit');
    expect(formatSpan(120, 'en')).toBe('2 h');
    expect(formatSpan(45, 'id')).toBe('45 menit');
  });
});
