import { describe, expect, it } from 'vitest';
import { aheadOf } from './call-order.ts';
import type { QueueConfig } from './config.ts';
import { estimateWaitMinutes, openCountersFor, recentServiceMinutes, serviceLoad } from './estimate.ts';
import type { QueueEvent } from './events.ts';
import { called, cancelled, finished, issued, paused, resumed, stepStarted } from './testing/builders.ts';
import { given, testConfig } from './testing/fixtures.ts';

/** A KTP ticket served at c1 from `from` (first counter step) to `to` minutes, called a minute earlier. */
function served(n: number, from: number, to: number, serviceId = 'ktp'): QueueEvent[] {
  const id = `${serviceId}-${n}`;
  const counter = serviceId === 'ktp' ? 'c1' : 'c2';
  return [
    issued(id, `X${n}`, n, from - 2, { serviceId }),
    called(id, counter, from - 1),
    stepStarted(id, counter, 4, from),
    finished(id, counter, to),
  ];
}

describe('recentServiceMinutes', () => {
  it('falls back to the SOP standard of steps 4–8 when nothing was served: 2+2+5+5+1 = 15', () => {
    expect(recentServiceMinutes(given([]).state(), testConfig, 'ktp')).toBe(15);
  });

  it("falls back to the service's own standards: SKCK step 6 is 10, so 20", () => {
    expect(recentServiceMinutes(given([]).state(), testConfig, 'skck')).toBe(20);
  });

  it('averages the service time, first counter step to finish, of the tickets served', () => {
    // 10 and 20 minutes at the desk (the minute between call and step 4 does not count).
    const events = [...served(1, 5, 15), ...served(2, 20, 40)];
    expect(recentServiceMinutes(given(events).state(), testConfig, 'ktp')).toBe(15);
  });

  it('counts only the ten most recently finished tickets', () => {
    const oldSlow = served(1, 2, 102); // 100 minutes, finished first
    const recent = Array.from({ length: 10 }, (_, i) => served(i + 2, 110 + i * 10, 118 + i * 10)).flat(); // 8 each
    expect(recentServiceMinutes(given([...oldSlow, ...recent]).state(), testConfig, 'ktp')).toBe(8);
  });

  it('ignores other services, unfinished and cancelled tickets', () => {
    const events: QueueEvent[] = [
      ...served(1, 5, 11), // 6 minutes
      ...served(1, 5, 65, 'skck'), // 60 minutes at SKCK
      issued('s', 'A050', 50, 20),
      called('s', 'c3', 21),
      stepStarted('s', 'c3', 4, 22),
      issued('x', 'A051', 51, 20),
      called('x', 'c1', 21),
      cancelled('x', 'c1', 80),
    ];
    expect(recentServiceMinutes(given(events).state(), testConfig, 'ktp')).toBe(6);
  });
});

describe('estimateWaitMinutes', () => {
  // KTP is served at c1 and c3.
  it('divides the work ahead over the open counters and rounds up: 3 × 15 / 2 = 22.5 → 23', () => {
    expect(estimateWaitMinutes(given([]).state(), testConfig, 'ktp', 3)).toBe(23);
  });

  it('is 0 with nobody ahead', () => {
    expect(estimateWaitMinutes(given([]).state(), testConfig, 'ktp', 0)).toBe(0);
  });

  it('uses the recent average once tickets were served: 4 × 6 / 2 = 12', () => {
    const events = [...served(1, 5, 11)];
    expect(estimateWaitMinutes(given(events).state(), testConfig, 'ktp', 4)).toBe(12);
  });

  it('does not count a paused counter: 3 × 15 / 1 = 45', () => {
    const state = given([paused('c1', 'istirahat', 0)]).state();
    expect(openCountersFor(state, testConfig, 'ktp')).toBe(1);
    expect(estimateWaitMinutes(state, testConfig, 'ktp', 3)).toBe(45);
  });

  it('counts a counter again once it resumes', () => {
    const state = given([paused('c1', 'istirahat', 0), resumed('c1', 30)]).state();
    expect(estimateWaitMinutes(state, testConfig, 'ktp', 3)).toBe(23);
  });

  it('is null when every counter of the service is paused', () => {
    const state = given([paused('c1', 'sholat', 0), paused('c3', 'sholat', 0)]).state();
    expect(openCountersFor(state, testConfig, 'ktp')).toBe(0);
    expect(estimateWaitMinutes(state, testConfig, 'ktp', 3)).toBeNull();
  });

  it('is null for a service no counter serves', () => {
    const config: QueueConfig = {
      ...testConfig,
      services: [...testConfig.services, { id: 'nib', agencyId: 'dpmptsp', prefix: 'C' }],
    };
    expect(estimateWaitMinutes(given([]).state(), config, 'nib', 1)).toBeNull();
  });
});

describe('serviceLoad and aheadOf', () => {
  const queue: QueueEvent[] = [
    issued('a1', 'A001', 1, 0),
    issued('a2', 'A002', 2, 1, { priority: 'lansia' }),
    issued('a3', 'A003', 3, 2),
    issued('a4', 'A004', 4, 3),
    called('a1', 'c1', 4),
    issued('b1', 'B001', 1, 4, { serviceId: 'skck' }),
  ];

  it('counts the tickets still waiting and estimates their wait: 3 × 15 / 2 → 23', () => {
    expect(serviceLoad(given(queue).state(), testConfig, 'ktp')).toEqual({
      waiting: 3,
      estimatedWaitMinutes: 23,
    });
  });

  it('SKCK: 1 × 20 / 2 (c2, c3) = 10', () => {
    expect(serviceLoad(given(queue).state(), testConfig, 'skck')).toEqual({
      waiting: 1,
      estimatedWaitMinutes: 10,
    });
  });

  it('a regular ticket waits behind everyone, a priority ticket behind priority tickets only', () => {
    const state = given(queue).state();
    expect(aheadOf(state, 'ktp', false)).toBe(3);
    expect(aheadOf(state, 'ktp', true)).toBe(1);
  });
});
