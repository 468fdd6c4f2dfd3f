import { describe, expect, it } from 'vitest';
import { waitText } from './wait-text.ts';

describe('waitText: the wait as the citizen reads it', () => {
  it('says one figure when the hub is sure and a range when it is not', () => {
    expect(waitText({ minutes: 12, low: 12, high: 12, holdUp: null }, 'id')).toBe('± 12 menit');
    expect(waitText({ minutes: 24, low: 20, high: 30, holdUp: null }, 'id')).toBe('sekitar 20–30 menit');
    expect(waitText({ minutes: 24, low: 20, high: 30, holdUp: null }, 'en')).toBe('about 20–30 min');
  });

  it('says "segera" only when nobody holds the counters up, never "0 menit" while they pause', () => {
    expect(waitText({ minutes: 0, low: 0, high: 0, holdUp: null }, 'id')).toBe('segera');
    expect(waitText({ minutes: 0, low: 0, high: 0, holdUp: 'paused' }, 'id')).toBe(
      '± 1 menit (loket sedang istirahat)',
    );
    expect(waitText({ minutes: 50, low: 45, high: 75, holdUp: 'closed' }, 'id')).toBe(
      'sekitar 45–75 menit (layanan belum buka)',
    );
  });

  it('has nothing to say without an estimate, except why', () => {
    expect(waitText({ minutes: null, low: null, high: null, holdUp: null }, 'id')).toBeNull();
    expect(waitText({ minutes: null, low: null, high: null, holdUp: 'paused' }, 'en')).toBe(
      'counters are on a break',
    );
  });
});
