import type { ReportChainStepView, ReportChainView } from '@giliran/protocol';
import { describe, expect, it } from 'vitest';
import { formatDuration, hubNowIso, mySignable, signPath, stepTiming } from './chain-model.ts';

const view = (signable: ReportChainView['signable']): ReportChainView => ({
  date: '2026-11-25',
  now: '2026-11-25T09:03:00.000Z',
  today: true,
  steps: [],
  gerai: [],
  receipt: null,
  signable,
  complete: false,
});

const openStep: ReportChainStepView = {
  step: 10,
  standardSeconds: 60,
  status: 'open',
  clockStartedAt: '2026-11-25T09:02:00.000Z',
  elapsedSeconds: 60,
  late: false,
  record: null,
};

describe('the chain tab’s rules', () => {
  it('offers each role only its own stage', () => {
    expect(mySignable(view([9, 10]), 'fo')).toEqual([9, 10]);
    expect(mySignable(view([9, 10]), 'officer')).toEqual([9]);
    expect(mySignable(view([9, 10]), 'sekdis')).toEqual([]);
    expect(mySignable(view(['receipt']), 'kadis')).toEqual(['receipt']);
    expect(mySignable(view([11]), 'admin')).toEqual([]);
  });

  it('runs an open step’s clock on the hub’s time: 5 s after the view arrived is 65 s, late', () => {
    const hubNow = hubNowIso(view([]), 1_000, 6_000);
    expect(hubNow).toBe('2026-11-25T09:03:05.000Z');
    expect(stepTiming(openStep, hubNow)).toEqual({ elapsedSeconds: 65, standardSeconds: 60, late: true });
    expect(stepTiming({ ...openStep, status: 'waiting', clockStartedAt: null }, hubNow)).toBeNull();
  });

  it('writes durations in at most two units, in each language', () => {
    expect(formatDuration(45, 'id')).toBe('45 dtk');
    expect(formatDuration(120, 'id')).toBe('2 mnt');
    expect(formatDuration(380, 'id')).toBe('6 mnt 20 dtk');
    expect(formatDuration(17 * 3600, 'en')).toBe('17 h');
    expect(formatDuration(3600 + 60, 'en')).toBe('1 h 1 min');
  });

  it('posts steps and the receipt to their routes', () => {
    expect(signPath('2026-11-25', 11)).toBe('/api/report-chain/2026-11-25/steps/11');
    expect(signPath('2026-11-25', 'receipt')).toBe('/api/report-chain/2026-11-25/receipt');
  });
});
