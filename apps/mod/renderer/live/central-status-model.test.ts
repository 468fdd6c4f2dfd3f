import { describe, expect, it } from 'vitest';
import { minutesSince, pushTone } from './central-status-model.ts';

const NOW = Date.parse('2026-03-02T03:00:00Z');
const base = {
  configured: true,
  siteId: 'mpp-pontianak',
  lastPushedSeq: 120,
  lastAckedSeq: 120,
  pending: 0,
  lastError: null,
  lastSuccessAt: '2026-03-02T02:59:50Z',
};

describe('the hall’s push to central as MOD sees it', () => {
  it('off without a central block; ok when all is sent or a push just went through', () => {
    expect(pushTone({ ...base, configured: false, siteId: null }, NOW)).toBe('off');
    expect(pushTone(base, NOW)).toBe('ok');
    expect(pushTone({ ...base, pending: 4 }, NOW)).toBe('ok');
  });

  it('behind when events wait and nothing went through for a minute; failing on any error', () => {
    expect(pushTone({ ...base, pending: 40, lastSuccessAt: '2026-03-02T02:50:00Z' }, NOW)).toBe('behind');
    expect(pushTone({ ...base, pending: 40, lastSuccessAt: null }, NOW)).toBe('behind');
    expect(pushTone({ ...base, pending: 40, lastError: 'fetch failed (ECONNREFUSED)' }, NOW)).toBe('failing');
  });

  it('counts whole minutes since the last success', () => {
    expect(minutesSince('2026-03-02T02:56:30Z', NOW)).toBe(3);
    expect(minutesSince(null, NOW)).toBeNull();
  });
});
