import { describe, expect, it } from 'vitest';
import { detectAlerts, elapsedNow } from './alerts.ts';
import type { TimingView } from '../wire.ts';

const T0 = Date.parse('2026-11-25T02:00:00.000Z');

const serving: TimingView = {
  ticketId: 'a1',
  number: 'A001',
  serviceId: 'ktp',
  counterId: 'loket-1',
  phase: 'serving',
  step: 6,
  since: '2026-11-25T01:57:00.000Z',
  elapsedSeconds: 180,
  standardSeconds: 300,
  status: 'ok',
  compensationDueAt: null,
};

const waiting: TimingView = {
  ...serving,
  ticketId: 'a2',
  number: 'A002',
  counterId: null,
  phase: 'waiting',
  step: 3,
  elapsedSeconds: 600,
  standardSeconds: 120,
  compensationDueAt: '2026-11-25T02:05:00.000Z',
};

describe('live alerts for the MOD', () => {
  it('runs a timing on from the start of its stage', () => {
    expect(elapsedNow(serving, T0 + 61_500)).toBe(241);
  });

  it('never shows less than the hub reported when the clock offset is a little off', () => {
    expect(elapsedNow(serving, T0 - 5000)).toBe(180);
  });

  it('raises a step past its standard once, when it crosses', () => {
    expect(detectAlerts([serving], T0 + 119_000, new Set())).toEqual([]);
    const [alert] = detectAlerts([serving], T0 + 121_000, new Set());
    expect(alert).toMatchObject({ kind: 'step-late', number: 'A001', step: 6, counterId: 'loket-1' });
    expect(detectAlerts([serving], T0 + 200_000, new Set([alert?.key ?? '']))).toEqual([]);
  });

  it('warns two minutes ahead that a waiting ticket is about to become late, with the minutes left', () => {
    expect(detectAlerts([waiting], T0 + 2 * 60_000, new Set())).toEqual([]);
    const [soon] = detectAlerts([waiting], T0 + 3 * 60_000 + 10_000, new Set());
    expect(soon).toMatchObject({ kind: 'soon-late', number: 'A002', minutesLeft: 2 });
    expect(detectAlerts([waiting], T0 + 4 * 60_000 + 30_000, new Set())[0]?.minutesLeft).toBe(1);
    // Past the deadline the hub raises the compensation itself; that alert comes from its event.
    expect(detectAlerts([waiting], T0 + 5 * 60_000 + 1, new Set())).toEqual([]);
  });
});
