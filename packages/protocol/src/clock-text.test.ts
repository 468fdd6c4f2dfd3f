import { describe, expect, it } from 'vitest';
import { clockText, instantClockText } from './clock-text.ts';

describe('the one time format', () => {
  it('writes hours and minutes with a full stop, two digits each, in the site zone', () => {
    expect(clockText(9, 5)).toBe('09.05');
    expect(clockText(0, 0)).toBe('00.00');
    expect(instantClockText('2026-11-25T05:30:00Z', 'Asia/Jakarta')).toBe('12.30');
    expect(instantClockText('2026-11-25T05:30:00Z', 'Asia/Makassar')).toBe('13.30');
    expect(instantClockText('2026-11-25T17:30:00Z', 'Asia/Jayapura')).toBe('02.30');
  });
});
