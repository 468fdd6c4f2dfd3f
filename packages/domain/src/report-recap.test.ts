import { describe, expect, it } from 'vitest';
import type { CounterStep } from './config.ts';
import { buildRecap } from './report-recap.ts';
import { summarizeDay } from './report-summarize.ts';
import { addDay, emptyTotals } from './report-totals.ts';
import type { Recap, ReportTicket, TicketTransfer } from './report-types.ts';
import { at, testConfig } from './testing/fixtures.ts';

// Every figure below is worked out by hand from this script (testConfig: ktp/dukcapil with the default standards,
// steps 2–3 = 2 min, 4 = 2, 5 = 2, 6 = 5, 7 = 5, 8 = 1; skck/polres with step 6 = 10 min). `at(m)` is 08:00 WIB + m.

type Step = readonly [CounterStep, number, number | null];

function ticket(
  fields: Omit<Partial<ReportTicket>, 'steps' | 'issuedAt'> & { issued: number; steps?: readonly Step[] },
): ReportTicket {
  const { issued, steps = [], ...rest } = fields;
  return {
    serviceId: 'ktp',
    priority: null,
    status: 'waiting',
    outcome: null,
    counterId: null,
    firstCalledAt: null,
    calledAt: null,
    finishedAt: null,
    lateTier: -1,
    servedBy: null,
    transfers: [],
    ...rest,
    issuedAt: at(issued),
    steps: steps.map(([step, from, to]) => ({
      step,
      startedAt: at(from),
      endedAt: to === null ? null : at(to),
    })),
  };
}

const transfer = (from: string, to: string, counterId: string | null, by: string, minute: number) =>
  ({ fromServiceId: from, toServiceId: to, counterId, by, at: at(minute) }) satisfies TicketTransfer;

const done = (minute: number) => ({
  status: 'done' as const,
  outcome: 'completed' as const,
  finishedAt: at(minute),
});
const call = (minute: number, counterId: string) => ({
  firstCalledAt: at(minute),
  calledAt: at(minute),
  counterId,
});

const DAY_TICKETS: readonly ReportTicket[] = [
  // T1 ktp: waits 240 s, steps 4–8 of 60/180/180/180/60 s (step 5 late), served 08:05→08:16 = 660 s by off1.
  ticket({
    issued: 0,
    ...call(4, 'c1'),
    steps: [
      [4, 5, 6],
      [5, 6, 9],
      [6, 9, 12],
      [7, 12, 15],
      [8, 15, 16],
    ],
    ...done(16),
    servedBy: 'off1',
  }),
  // T2 ktp, lansia: waits 60 s, step 4 exactly on its 120 s standard, served 120 s by off3 at c3.
  ticket({
    issued: 1,
    priority: 'lansia',
    ...call(2, 'c3'),
    steps: [[4, 3, 5]],
    ...done(5),
    servedBy: 'off3',
  }),
  // T3 skck: waits 1200 s (late service), steps 4/5 60 s, 6 exactly 600 s, 7 900 s handed to the agency: 1620 s.
  ticket({
    issued: 2,
    serviceId: 'skck',
    ...call(22, 'c2'),
    lateTier: 0,
    steps: [
      [4, 23, 24],
      [5, 24, 25],
      [6, 25, 35],
      [7, 35, 50],
    ],
    ...done(50),
    outcome: 'handed_to_agency',
    servedBy: 'off2',
  }),
  // T4 ktp: waits 420 s, no-show by off1 at c1.
  ticket({ issued: 3, ...call(10, 'c1'), status: 'no_show', servedBy: 'off1' }),
  // T5 issued for ktp, moved to skck by FO while waiting, waits 1560 s (late service), served 120 s by off2.
  ticket({
    issued: 4,
    serviceId: 'skck',
    transfers: [transfer('ktp', 'skck', null, 'fo', 6)],
    ...call(30, 'c2'),
    lateTier: 0,
    steps: [[4, 31, 33]],
    ...done(33),
    servedBy: 'off2',
  }),
  // T6 skck: cancelled while waiting, 09:10.
  ticket({ issued: 70, serviceId: 'skck', status: 'cancelled', finishedAt: at(75) }),
  // T7 ktp: still waiting, 09:30.
  ticket({ issued: 90 }),
  // T8 ktp: 10:00, waits 60 s, step 4 still running at c3.
  ticket({ issued: 120, ...call(121, 'c3'), status: 'serving', steps: [[4, 122, null]] }),
  // T9 issued for ktp 10:05, called at c1 (60 s), step 4 60 s, then moved to skck by off1: waiting again.
  ticket({
    issued: 125,
    serviceId: 'skck',
    status: 'transferred',
    firstCalledAt: at(126),
    calledAt: at(126),
    steps: [[4, 127, 128]],
    transfers: [transfer('ktp', 'skck', 'c1', 'off1', 128)],
  }),
];

function recapOf(days: readonly (readonly ReportTicket[])[], from = '2026-11-25', to = from): Recap {
  const totals = emptyTotals();
  for (const tickets of days) addDay(totals, summarizeDay(tickets, testConfig));
  return buildRecap(
    totals,
    testConfig,
    [
      { kind: 'late_service', raised: 2, resolved: 1 },
      { kind: 'fee_mismatch', raised: 1, resolved: 1 },
    ],
    { from, to },
  );
}

const stats = (count: number, averageSeconds: number, p90Seconds: number, maxSeconds: number) => ({
  count,
  averageSeconds,
  p90Seconds,
  maxSeconds,
});
const NONE = { count: 0, averageSeconds: null, p90Seconds: null, maxSeconds: null };

describe('report recap of one scripted day', () => {
  const recap = recapOf([DAY_TICKETS]);

  it('counts per service: issued where issued, the rest where the ticket ended', () => {
    expect(recap.services).toEqual([
      {
        key: 'ktp',
        issued: 7,
        priority: 1,
        served: 2,
        handedToAgency: 0,
        noShows: 1,
        cancelled: 0,
        transferred: 2,
        open: 2,
        lateService: 0,
        // waits 60, 60, 240, 420: mean 195, nearest rank ⌈0.9 × 4⌉ = 4th → 420
        wait: stats(4, 195, 420, 420),
        service: stats(2, 390, 660, 660),
      },
      {
        key: 'skck',
        issued: 2,
        priority: 0,
        served: 2,
        handedToAgency: 1,
        noShows: 0,
        cancelled: 1,
        transferred: 0,
        open: 1,
        lateService: 2,
        // waits 60, 1200, 1560: mean 940, ⌈2.7⌉ = 3rd → 1560
        wait: stats(3, 940, 1560, 1560),
        service: stats(2, 870, 1620, 1620),
      },
    ]);
    expect(recap.agencies.map((a) => [a.key, a.issued, a.served])).toEqual([
      ['dukcapil', 7, 2],
      ['polres', 2, 2],
    ]);
  });

  it('adds up the total from the durations themselves, not from the services’ figures', () => {
    expect(recap.total).toEqual({
      key: 'total',
      issued: 9,
      priority: 1,
      served: 4,
      handedToAgency: 1,
      noShows: 1,
      cancelled: 1,
      transferred: 2,
      open: 3,
      lateService: 2,
      // 60, 60, 60, 240, 420, 1200, 1560: sum 3600 / 7 = 514.3 → 514; ⌈6.3⌉ = 7th → 1560
      wait: stats(7, 514, 1560, 1560),
      // 120, 120, 660, 1620: 630; ⌈3.6⌉ = 4th → 1620
      service: stats(4, 630, 1620, 1620),
    });
  });

  it('gives counters and officers the tickets they held and closed, and their transfers', () => {
    const desk = (
      key: string,
      served: number,
      handedToAgency: number,
      noShows: number,
      transferred: number,
      wait: object,
      service: object,
    ) => ({
      key,
      issued: null,
      priority: null,
      served,
      handedToAgency,
      noShows,
      cancelled: null,
      transferred,
      open: null,
      lateService: null,
      wait,
      service,
    });
    expect(recap.counters).toEqual([
      desk('c1', 1, 0, 1, 1, stats(2, 330, 420, 420), stats(1, 660, 660, 660)),
      desk('c2', 2, 1, 0, 0, stats(2, 1380, 1560, 1560), stats(2, 870, 1620, 1620)),
      desk('c3', 1, 0, 0, 0, stats(2, 60, 60, 60), stats(1, 120, 120, 120)),
    ]);
    expect(recap.officers).toEqual([
      desk('fo', 0, 0, 0, 1, NONE, NONE),
      desk('off1', 1, 0, 1, 1, stats(2, 330, 420, 420), stats(1, 660, 660, 660)),
      desk('off2', 2, 1, 0, 0, stats(2, 1380, 1560, 1560), stats(2, 870, 1620, 1620)),
      desk('off3', 1, 0, 0, 0, stats(1, 60, 60, 60), stats(1, 120, 120, 120)),
    ]);
  });

  it('judges SOP steps like the timeline: 2–3 as one, exactly on the standard is within, handed step 7 apart', () => {
    const entry = (
      steps: number[],
      measured: number,
      withinStandard: number,
      late: number,
      handedOver: number,
      seconds: number,
      share: number | null,
      averageSeconds: number | null,
      standardSeconds: number | null,
    ) => ({
      steps,
      measured,
      withinStandard,
      late,
      handedOver,
      seconds,
      share,
      averageSeconds,
      standardSeconds,
    });
    expect(recap.compliance.total).toEqual([
      entry([2, 3], 7, 3, 4, 0, 3600, 3 / 7, 514, null),
      entry([4], 5, 5, 0, 0, 420, 1, 84, null),
      entry([5], 2, 1, 1, 0, 240, 0.5, 120, null),
      entry([6], 2, 2, 0, 0, 780, 1, 390, null),
      entry([7], 2, 1, 0, 1, 1080, 1, 540, null),
      entry([8], 1, 1, 0, 0, 60, 1, 60, null),
    ]);
    expect(recap.compliance.services[1]).toEqual({
      key: 'skck',
      steps: [
        entry([2, 3], 3, 1, 2, 0, 2820, 1 / 3, 940, 120),
        entry([4], 3, 3, 0, 0, 240, 1, 80, 120),
        entry([5], 1, 1, 0, 0, 60, 1, 60, 120),
        entry([6], 1, 1, 0, 0, 600, 1, 600, 600),
        entry([7], 1, 0, 0, 1, 900, null, 900, 300),
        entry([8], 0, 0, 0, 0, 0, null, null, 60),
      ],
    });
  });

  it('counts compensations by kind with the open ones, every kind listed', () => {
    expect(recap.compensations.total).toEqual({ raised: 3, resolved: 2, open: 1 });
    expect(recap.compensations.kinds.map((k) => [k.kind, k.raised, k.resolved, k.open])).toEqual([
      ['late_service', 2, 1, 1],
      ['fee_mismatch', 1, 1, 0],
      ['complaint_late', 0, 0, 0],
      ['officer_incompetent', 0, 0, 0],
      ['sop_not_followed', 0, 0, 0],
      ['wrong_product', 0, 0, 0],
    ]);
  });

  it('counts arrivals per hour of the site’s day', () => {
    const expected = Array.from({ length: 24 }, () => 0);
    expected[8] = 5;
    expected[9] = 2;
    expected[10] = 2;
    expect(recap.arrivals).toEqual(expected);
  });
});

describe('report recap of a range', () => {
  it('merges day histograms, so range percentiles are those of all the durations together', () => {
    // Day 1: nine waits of 60 s and one of 600 s (p90 = 60); day 2: one wait of 600 s (p90 = 600).
    // All eleven: ⌈9.9⌉ = 10th → 600, which neither day's p90 nor their mean (330) says.
    const waits = (count: number, waitMinutes: number, base: number) =>
      Array.from({ length: count }, (_, i) =>
        ticket({ issued: base + i * 20, ...call(base + i * 20 + waitMinutes, 'c1') }),
      );
    const day1 = [...waits(9, 1, 0), ...waits(1, 10, 300)];
    const day2 = waits(1, 10, 24 * 60);
    expect(recapOf([day1]).total.wait).toEqual(stats(10, 114, 60, 600));
    expect(recapOf([day2], '2026-11-26').total.wait).toEqual(stats(1, 600, 600, 600));
    const both = recapOf([day1, day2], '2026-11-25', '2026-11-26');
    expect(both.total.wait).toEqual(stats(11, 158, 600, 600));
    expect(both.days).toBe(2);
    expect(both).toEqual(recapOf([[...day1, ...day2]], '2026-11-25', '2026-11-26'));
  });

  it('lists every configured service and counter, even on a day without tickets', () => {
    const empty = recapOf([]);
    expect(empty.services.map((s) => [s.key, s.issued, s.wait.p90Seconds])).toEqual([
      ['ktp', 0, null],
      ['skck', 0, null],
    ]);
    expect(empty.counters.map((c) => c.key)).toEqual(['c1', 'c2', 'c3']);
    expect(empty.officers).toEqual([]);
    expect(empty.total.wait).toEqual(NONE);
  });

  it('keeps a service the config no longer has, under an unknown agency', () => {
    const recap = recapOf([[ticket({ issued: 0, serviceId: 'retired' })]]);
    expect(recap.services.map((s) => s.key)).toEqual(['ktp', 'skck', 'retired']);
    expect(recap.agencies.map((a) => [a.key, a.issued])).toEqual([
      ['dukcapil', 0],
      ['polres', 0],
      ['?', 1],
    ]);
  });
});
