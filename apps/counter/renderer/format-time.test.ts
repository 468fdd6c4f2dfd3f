import { describe, expect, it } from 'vitest';
import { formatTimer, minutesSince } from './format-time.ts';

describe('the desk timers', () => {
  it('read as m:ss, with hours only when needed', () => {
    expect(formatTimer(0)).toBe('0:00');
    expect(formatTimer(127)).toBe('2:07');
    expect(formatTimer(3725)).toBe('1:02:05');
    expect(formatTimer(-5)).toBe('0:00');
  });

  it('count whole minutes on the hub clock', () => {
    expect(minutesSince('2026-11-25T01:00:00.000Z', Date.parse('2026-11-25T01:02:59.000Z'))).toBe(2);
  });
});
