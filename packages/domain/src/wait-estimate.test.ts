import { describe, expect, it } from 'vitest';
import type { QueueConfig } from './config.ts';
import type { QueueEvent } from './events.ts';
import { called, finished, issued, paused, resumed, stepStarted } from './testing/builders.ts';
import { at, given, testConfig } from './testing/fixtures.ts';
import { estimateNewTicketWait, estimateTicketWait, presentEstimate } from './wait-estimate.ts';
import { forecastCalls } from './wait-forecast.ts';
import type { WaitHistory } from './wait-history.ts';

// testConfig: KTP at c1 and c3, SKCK at c2 and c3; SOP steps 4–8 = 15 min (SKCK 20); open all day.
// With nothing served today and no history, a KTP ticket holds a counter 15 min + 1 min walk = 16 min.

function callAt(events: readonly QueueEvent[], ticketId: string, minute: number, config = testConfig) {
  const state = given(events, config).state();
  return forecastCalls(state, config, at(minute)).calls.get(ticketId)?.minutes;
}

function waitOf(events: readonly QueueEvent[], ticketId: string, minute: number, config = testConfig) {
  const state = given(events, config).state();
  const ticket = state.tickets.get(ticketId);
  if (!ticket) throw new Error(`no ticket ${ticketId}`);
  return estimateTicketWait(state, config, ticket, at(minute));
}

const ktp = (n: number, minute: number, priority = false): QueueEvent =>
  issued(`k${String(n)}`, `A00${String(n)}`, n, minute, priority ? { priority: 'lansia' } : {});

describe('the forecast: who is ahead in call order, and which counters serve them', () => {
  it('given two free KTP counters, when the first two tickets wait, then both are called at once', () => {
    expect(callAt([ktp(1, 0), ktp(2, 0)], 'k2', 0)).toBe(0);
  });

  it('given four KTP tickets and two counters, when the fourth asks, then it waits one cycle: 16 min', () => {
    expect(callAt([ktp(1, 0), ktp(2, 0), ktp(3, 0), ktp(4, 0)], 'k4', 0)).toBe(16);
  });

  it('given SKCK tickets waiting longer at c3, when a KTP ticket asks, then c3 is shared by call order', () => {
    // c2 (SKCK only) is away; c3 serves both and takes the older SKCK ticket, so k2 waits for c1 (16 min).
    const skck = issued('s1', 'B001', 1, 0, { serviceId: 'skck' });
    const events = [skck, paused('c2', 'istirahat', 0), ktp(1, 1), ktp(2, 1)];
    expect(callAt(events, 'k2', 1)).toBe(16);
  });

  it('given a priority ticket issued later, when a regular ticket asks, then the priority one goes first', () => {
    const events = [ktp(1, 0), ktp(2, 0), ktp(3, 0), ktp(4, 5, true)];
    // Strict priority: k4 is called at once; k3 waits for the second round.
    expect(callAt(events, 'k4', 5)).toBe(0);
    expect(callAt(events, 'k3', 5)).toBe(16);
  });
});

describe('the forecast of a very long line', () => {
  it('given 700 SKCK tickets, when forecast, then the calls past the played 600 follow at the same pace', () => {
    // SKCK: 20 + 1 min a ticket, at c2 and c3 (c3 also serves KTP, which has nobody waiting): two calls per 21 min.
    const events = Array.from({ length: 700 }, (_, i) =>
      issued(`s${String(i)}`, `B${String(i)}`, i + 1, 0, { serviceId: 'skck' }),
    );
    const state = given(events).state();
    const calls = forecastCalls(state, testConfig, at(0)).calls;
    const minutes = (i: number) => calls.get(`s${String(i)}`)?.minutes ?? Number.NaN;
    expect(minutes(599)).toBeCloseTo(299 * 21, 5);
    expect(minutes(600)).toBeCloseTo(299 * 21 + 21 / 2, 5);
    expect(minutes(699)).toBeCloseTo(299 * 21 + (100 * 21) / 2, 5);
  });
});

describe('the forecast: what each counter is doing now', () => {
  it('given c1 in step 7 of a ticket and c3 paused, when the next ticket asks, then it waits for steps 7–8', () => {
    const events = [
      ktp(1, 0),
      called('k1', 'c1', 0),
      stepStarted('k1', 'c1', 4, 0),
      stepStarted('k1', 'c1', 5, 2),
      stepStarted('k1', 'c1', 6, 4),
      stepStarted('k1', 'c1', 7, 9),
      paused('c3', 'istirahat', 5),
      ktp(2, 9),
    ];
    // One minute into step 7 (5 min standard): 4 min left, then step 8 (1 min).
    expect(callAt(events, 'k2', 10)).toBeCloseTo(5, 5);
  });

  it('given a step running past its standard, when asked, then it still has a share of the step to go', () => {
    const events = [
      ktp(1, 0),
      called('k1', 'c1', 0),
      stepStarted('k1', 'c1', 4, 0),
      stepStarted('k1', 'c1', 5, 2),
      stepStarted('k1', 'c1', 6, 4),
      stepStarted('k1', 'c1', 7, 9),
      paused('c3', 'istirahat', 5),
      ktp(2, 9),
    ];
    // Step 7 started 20 min ago: 30 % of its 5 min (1.5) plus step 8 (1 min).
    expect(callAt(events, 'k2', 29)).toBeCloseTo(2.5, 5);
  });

  it('given a ticket just called at c1 and c3 paused, when the next asks, then walk and a whole service remain', () => {
    const events = [ktp(1, 0), called('k1', 'c1', 0), paused('c3', 'istirahat', 0), ktp(2, 0)];
    expect(callAt(events, 'k2', 0)).toBeCloseTo(16, 5);
  });
});

describe('which counters have someone at them', () => {
  const without = (...ids: string[]) => ({ ...testConfig, unstaffedCounters: new Set(ids) });
  const four = [ktp(1, 0), ktp(2, 0), ktp(3, 0), ktp(4, 0)];

  it('given nobody sits at c3, when the fourth KTP ticket asks, then c1 alone serves the line: three cycles', () => {
    expect(callAt(four, 'k4', 0, without('c3'))).toBe(48);
  });

  it('given nobody sits at c3 but it still has a ticket at its desk, when asked, then it still counts', () => {
    const events = [...four, called('k1', 'c3', 0)];
    expect(callAt(events, 'k4', 0, without('c3'))).toBe(callAt(events, 'k4', 0));
  });

  it("given every KTP counter empty (before sign-in), when asked, then they all count: the hall isn't gone", () => {
    expect(callAt(four, 'k4', 0, without('c1', 'c3'))).toBe(16);
  });

  it('given c2 and c3 empty but c1 staffed, when asked, then c3 still stands in for SKCK, not for KTP', () => {
    const skck = [1, 2, 3].map((n) =>
      issued(`s${String(n)}`, `B00${String(n)}`, n, 0, { serviceId: 'skck' }),
    );
    // Nobody serves SKCK: both its counters count for it (as before sign-in) …
    expect(callAt(skck, 's3', 0, without('c2', 'c3'))).toBe(callAt(skck, 's3', 0));
    // … while KTP, which c1 serves, is promised c1 alone: three cycles for the fourth.
    expect(callAt(four, 'k4', 0, without('c2', 'c3'))).toBe(48);
  });

  it('given SKCK has c2 staffed, when c3 is empty, then SKCK tickets are not promised c3 either', () => {
    const skck = [1, 2, 3].map((n) =>
      issued(`s${String(n)}`, `B00${String(n)}`, n, 0, { serviceId: 'skck' }),
    );
    // With c3: c2 and c3 take s1 and s2, s3 waits one cycle; without it, c2 alone: two.
    const cycle = callAt(skck, 's3', 0) ?? 0;
    expect(cycle).toBeGreaterThan(0);
    expect(callAt(skck, 's3', 0, without('c3'))).toBeCloseTo(2 * cycle, 5);
  });
});

describe('pauses, opening hours and breaks', () => {
  const bothPaused = [paused('c1', 'istirahat', 0), paused('c3', 'istirahat', 0), ktp(1, 10)];

  it('given every KTP counter on a break, when a ticket asks, then it waits for the break to end, never "0 menit"', () => {
    const wait = waitOf(bothPaused, 'k1', 10);
    // A break (istirahat) usually lasts 60 min: 50 min to go.
    expect(wait.minutes).toBe(50);
    expect(wait.holdUp).toBe('paused');
  });

  it('given a break already past its usual length, when asked, then it ends soon but not at once', () => {
    // 70 min into a 60-min break: a quarter of the usual length, 15 min.
    expect(waitOf(bothPaused, 'k1', 70).minutes).toBe(15);
  });

  it("given today's prayer pauses took 10 min, when counters pause for prayer, then 10 min is expected", () => {
    const events = [
      ktp(1, 0),
      paused('c1', 'sholat', 0),
      resumed('c1', 10),
      paused('c1', 'sholat', 20),
      paused('c3', 'sholat', 20),
    ];
    expect(waitOf(events, 'k1', 22).minutes).toBe(8);
  });

  it('given a lunch break between opening windows, when a ticket waits at 11:50, then it is called after 13:00', () => {
    const hours = [
      { open: '08:00', close: '12:00' },
      { open: '13:00', close: '15:00' },
    ];
    const config: QueueConfig = { ...testConfig, openingHours: { wed: hours } };
    // 08:00 + 230 min = 11:50: four tickets ahead on two counters fill the last ten minutes; the rest wait for 13:00.
    const events = [1, 2, 3, 4, 5].map((n) => ktp(n, 229));
    expect(callAt(events, 'k1', 230, config)).toBe(0);
    expect(callAt(events, 'k3', 230, config)).toBe(70);
    expect(waitOf(events, 'k3', 230, config).holdUp).toBeNull();
  });

  it('given the hall is in its break, when a ticket waits, then the estimate says the service is closed', () => {
    const hours = [
      { open: '08:00', close: '12:00' },
      { open: '13:00', close: '15:00' },
    ];
    const config: QueueConfig = { ...testConfig, openingHours: { wed: hours } };
    const wait = waitOf([ktp(1, 200)], 'k1', 250, config); // 12:10
    expect(wait).toMatchObject({ minutes: 50, holdUp: 'closed' });
  });
});

describe('history and today', () => {
  const history = (meanMinutes: number, priorityPerHour = 0, hourFactor = 1): WaitHistory => ({
    days: 20,
    services: {
      ktp: {
        all: { count: 400, meanMinutes, sdMinutes: 3 },
        byWeekday: {},
        priorityPerHour: new Array<number>(24).fill(priorityPerHour),
        hourFactor: new Array<number>(24).fill(hourFactor),
      },
    },
  });

  it('given a history of 29-min KTP services, when nothing was served today, then a cycle is 30 min', () => {
    const config = { ...testConfig, waitHistory: history(29) };
    expect(callAt([ktp(1, 0), ktp(2, 0), ktp(3, 0)], 'k3', 0, config)).toBeCloseTo(30, 5);
  });

  it('given history says this hour runs slower, when nothing was served today, then its pace is used', () => {
    // The day's mean is 29 min; services started in this hour took 20 % longer: 34.8 min + 1 min walk.
    const config = { ...testConfig, waitHistory: history(29, 0, 1.2) };
    expect(callAt([ktp(1, 0), ktp(2, 0), ktp(3, 0)], 'k3', 0, config)).toBeCloseTo(35.8, 5);
  });

  it("given today's services run faster than history, when asked, then today's pace weighs in", () => {
    const config = { ...testConfig, waitHistory: history(29) };
    const fast = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].flatMap((n) => [
      issued(`d${String(n)}`, `A${String(n)}`, n, 0),
      called(`d${String(n)}`, 'c1', n * 10),
      stepStarted(`d${String(n)}`, 'c1', 4, n * 10),
      finished(`d${String(n)}`, 'c1', n * 10 + 9),
    ]);
    // Ten 9-min services today against the history's 29 (weighed as ten): 19 min, and cycles of 9 min likewise.
    const events = [...fast, ktp(11, 120), ktp(12, 120), ktp(13, 120)];
    const minutes = callAt(events, 'k13', 120, config) ?? 0;
    expect(minutes).toBeGreaterThan(9);
    expect(minutes).toBeLessThan(30);
  });

  it('given priority tickets usually arrive, when a regular ticket asks, then its wait is stretched, by half at most', () => {
    const plain = callAt([ktp(1, 0), ktp(2, 0), ktp(3, 0)], 'k3', 0) ?? 0;
    const some = { ...testConfig, waitHistory: history(15, 3) }; // 3 an hour: 0.05/min × 16 / 2 = 0.4
    const many = { ...testConfig, waitHistory: history(15, 60) };
    expect(callAt([ktp(1, 0), ktp(2, 0), ktp(3, 0)], 'k3', 0, some)).toBeCloseTo(plain * 1.4, 5);
    expect(callAt([ktp(1, 0), ktp(2, 0), ktp(3, 0)], 'k3', 0, many)).toBeCloseTo(plain * 1.5, 5);
  });
});

describe('saying it honestly', () => {
  it('given a small spread, when presented, then one figure', () => {
    expect(presentEstimate({ minutes: 12.4, sdMinutes: 2 }, null)).toEqual({
      minutes: 12,
      low: 12,
      high: 12,
      holdUp: null,
    });
  });

  it('given a large spread, when presented, then a range in whole five minutes around the figure', () => {
    expect(presentEstimate({ minutes: 24, sdMinutes: 6 }, null)).toEqual({
      minutes: 24,
      low: 15,
      high: 30,
      holdUp: null,
    });
  });

  it('given counters paused, when the forecast says 0, then at least a minute is said', () => {
    expect(presentEstimate({ minutes: 0.2, sdMinutes: 0 }, 'paused')).toMatchObject({ minutes: 1, low: 1 });
  });

  it('given no counter serves the service, when asked, then no figure at all', () => {
    const config: QueueConfig = {
      ...testConfig,
      services: [...testConfig.services, { id: 'nib', agencyId: 'dpmptsp', prefix: 'C' }],
    };
    const state = given([]).state();
    expect(estimateNewTicketWait(state, config, 'nib', false, at(0)).minutes).toBeNull();
  });

  it('given a citizen at the kiosk, when they look at a service, then they see the wait a new ticket would have', () => {
    const state = given([ktp(1, 0), ktp(2, 0), ktp(3, 0)]).state();
    expect(estimateNewTicketWait(state, testConfig, 'ktp', false, at(0)).minutes).toBe(16);
    expect(estimateNewTicketWait(state, testConfig, 'ktp', true, at(0)).minutes).toBe(0);
  });
});
