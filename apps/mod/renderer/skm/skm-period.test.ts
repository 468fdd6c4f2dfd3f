import { describe, expect, it } from 'vitest';
import { presetPeriod, skmQuery, todayIn } from './skm-period.ts';

describe('SKM periods', () => {
  it('gives the month, the semester and the year up to today', () => {
    expect(presetPeriod('month', '2026-05-20')).toEqual({ from: '2026-05-01', to: '2026-05-20' });
    expect(presetPeriod('semester', '2026-06-30')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(presetPeriod('semester', '2026-07-01')).toEqual({ from: '2026-07-01', to: '2026-07-01' });
    expect(presetPeriod('year', '2026-11-25')).toEqual({ from: '2026-01-01', to: '2026-11-25' });
  });

  it('takes today in the site’s zone', () => {
    // 23:30 UTC on 31 December is already 1 January in Pontianak (UTC+7).
    expect(todayIn('Asia/Pontianak', Date.parse('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
  });

  it('asks for a service before its agency', () => {
    const period = { from: '2026-01-01', to: '2026-06-30' };
    expect(skmQuery(period, { agencyId: 'samsat', serviceId: 'stnk' }, 'pdf')).toBe(
      'from=2026-01-01&to=2026-06-30&serviceId=stnk&format=pdf',
    );
    expect(skmQuery(period, { agencyId: 'samsat', serviceId: null })).toBe(
      'from=2026-01-01&to=2026-06-30&agencyId=samsat',
    );
  });
});
