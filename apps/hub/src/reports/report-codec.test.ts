import { describe, expect, it } from 'vitest';
import { decodeDay, encodeDay } from './report-codec.ts';
import { DEFAULT_SOP_STANDARDS, summarizeDay, type QueueConfig, type ReportTicket } from '@giliran/domain';

const config: QueueConfig = {
  timeZone: 'Asia/Jakarta',
  numberWidth: 3,
  sopStandards: DEFAULT_SOP_STANDARDS,
  services: [{ id: 'ktp', agencyId: 'dukcapil', prefix: 'A' }],
  counters: [{ id: 'c1', serviceIds: ['ktp'] }],
  openingHours: {},
  priorityRatio: null,
  noShowAfterRecalls: 1,
  warningRatio: 0.8,
  callAnswerMinutes: 2,
  compensation: {
    lateService: [{ minutesLate: 15, remedy: { id: 'maaf', en: 'sorry' } }],
    manual: {
      fee_mismatch: { remedy: { id: 'maaf', en: 'sorry' }, officerConsequence: 'none' },
      complaint_late: { remedy: { id: 'maaf', en: 'sorry' }, officerConsequence: 'none' },
      officer_incompetent: { remedy: { id: 'maaf', en: 'sorry' }, officerConsequence: 'none' },
      sop_not_followed: { remedy: { id: 'maaf', en: 'sorry' }, officerConsequence: 'none' },
      wrong_product: { remedy: { id: 'maaf', en: 'sorry' }, officerConsequence: 'none' },
    },
  },
};

const served = (waitSeconds: number, serviceSeconds: number): ReportTicket => {
  const issued = Date.parse('2026-11-25T01:00:00Z');
  const called = issued + waitSeconds * 1000;
  const finished = called + serviceSeconds * 1000;
  return {
    serviceId: 'ktp',
    priority: null,
    status: 'done',
    outcome: 'completed',
    counterId: 'c1',
    issuedAt: new Date(issued).toISOString(),
    firstCalledAt: new Date(called).toISOString(),
    calledAt: new Date(called).toISOString(),
    finishedAt: new Date(finished).toISOString(),
    lateTier: -1,
    steps: [],
    servedBy: 'loket1',
    transfers: [],
  };
};

describe('stored day summaries', () => {
  it('come back as they went in: counts from the JSON, histograms viewed in the binary array', () => {
    const day = summarizeDay([served(60, 300), served(60, 120), served(40_000, 30)], config);
    const encoded = encodeDay(day);
    // Three groups (ktp, c1, loket1), each with two waits and three service times as [seconds, count] pairs.
    expect(encoded.histograms.byteLength).toBe(3 * (4 + 6) * 4);
    // A buffer at an odd offset, as a pooled SQLite buffer may be, reads the same.
    const shifted = Buffer.alloc(encoded.histograms.byteLength + 1);
    encoded.histograms.copy(shifted, 1);
    for (const blob of [encoded.histograms, shifted.subarray(1)]) {
      const back = decodeDay(encoded.counts, blob);
      expect(
        JSON.parse(JSON.stringify(back, (_k, v: unknown) => (v instanceof Int32Array ? [...v] : v))),
      ).toEqual(JSON.parse(JSON.stringify(day)));
      expect(Array.from(back.services.ktp?.wait ?? [])).toEqual([60, 2, 40_000, 1]);
    }
  });
});
