import { describe, expect, it } from 'vitest';
import { daysIn, presetRange, rangeProblem } from './report-range.ts';

describe('report date ranges', () => {
  it('counts presets back from the hub’s today, across month and year ends', () => {
    expect(presetRange('today', '2026-03-01')).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(presetRange('yesterday', '2026-03-01')).toEqual({ from: '2026-02-28', to: '2026-02-28' });
    expect(presetRange('week', '2026-01-03')).toEqual({ from: '2025-12-28', to: '2026-01-03' });
    expect(presetRange('month', '2026-11-25')).toEqual({ from: '2026-11-01', to: '2026-11-25' });
  });

  it('refuses what the hub would refuse: a backwards range, more than 366 days', () => {
    expect(daysIn({ from: '2025-01-01', to: '2026-01-01' })).toBe(366);
    expect(rangeProblem({ from: '2025-01-01', to: '2026-01-01' })).toBeNull();
    expect(rangeProblem({ from: '2025-01-01', to: '2026-01-02' })).toBe('rangeTooLong');
    expect(rangeProblem({ from: '2026-01-02', to: '2026-01-01' })).toBe('rangeBackwards');
  });
});
