import { describe, expect, it } from 'vitest';
import type { QueueConfig } from './config.ts';
import type { QueueEvent } from './events.ts';
import {
  activeTimings,
  nextDeadline,
  preServiceStandardSeconds,
  secondsBetween,
  timeline,
  timingStatus,
} from './timing.ts';
import {
  called,
  cancelled,
  finished,
  issued,
  lateRaised,
  noShow,
  recalled,
  stepStarted,
  transferred,
} from './testing/builders.ts';
import { at, given, testConfig } from './testing/fixtures.ts';

const slowKtp: QueueConfig = {
  ...testConfig,
  services: testConfig.services.map((s) => (s.id === 'ktp' ? { ...s, sopStandards: { 2: 3, 3: 10 } } : s)),
};

function ticketOf(events: readonly QueueEvent[], ticketId: string) {
  const found = given(events).state().tickets.get(ticketId);
  if (!found) throw new Error(`no ticket ${ticketId} in the scenario`);
  return found;
}

describe('secondsBetween', () => {
  it('counts whole seconds and never goes negative', () => {
    expect(secondsBetween(at(0), at(2))).toBe(120);
    expect(secondsBetween('2026-11-25T01:00:00.000Z', '2026-11-25T01:00:59.999Z')).toBe(59);
    expect(secondsBetween(at(5), at(0))).toBe(0);
  });
});

describe('timingStatus (warning at 80% of the standard)', () => {
  // Standard 120 s: warning from 96 s; exactly 120 s still meets the standard, late from 121 s.
  it('is ok below the warning share', () => {
    expect(timingStatus(0, 120, 0.8)).toBe('ok');
    expect(timingStatus(95, 120, 0.8)).toBe('ok');
  });

  it('is warning from the warning share up to and including the standard', () => {
    expect(timingStatus(96, 120, 0.8)).toBe('warning');
    expect(timingStatus(119, 120, 0.8)).toBe('warning');
    expect(timingStatus(120, 120, 0.8)).toBe('warning');
  });

  it('is late once past the standard, like the timeline', () => {
    expect(timingStatus(121, 120, 0.8)).toBe('late');
    expect(timingStatus(3600, 120, 0.8)).toBe('late');
  });

  it('follows the configured share', () => {
    expect(timingStatus(59, 120, 0.5)).toBe('ok');
    expect(timingStatus(60, 120, 0.5)).toBe('warning');
  });
});

describe('nextDeadline', () => {
  it('is issue time + steps 2 and 3 (1 + 1 min) + 15 minutes', () => {
    expect(nextDeadline(given([issued('a1', 'A001', 1, 0)]).state(), testConfig)).toBe(at(17));
  });

  it('is null when nothing waits', () => {
    expect(nextDeadline(given([]).state(), testConfig)).toBeNull();
  });

  it('is the earliest over all waiting tickets', () => {
    const events = [
      issued('a1', 'A001', 1, 4),
      issued('b1', 'B001', 1, 2, { serviceId: 'skck' }),
      issued('a2', 'A002', 2, 9),
    ];
    expect(nextDeadline(given(events).state(), testConfig)).toBe(at(19));
  });

  it('skips a ticket already called', () => {
    const events = [issued('a1', 'A001', 1, 0), issued('a2', 'A002', 2, 3), called('a1', 'c1', 5)];
    expect(nextDeadline(given(events).state(), testConfig)).toBe(at(20));
  });

  it('skips a ticket already compensated when there is no further tier', () => {
    const events = [issued('a1', 'A001', 1, 0), issued('a2', 'A002', 2, 3), lateRaised('a1', 17)];
    expect(nextDeadline(given(events).state(), testConfig)).toBe(at(20));
  });

  it('skips cancelled tickets', () => {
    const events = [issued('a1', 'A001', 1, 0), cancelled('a1', null, 2)];
    expect(nextDeadline(given(events).state(), testConfig)).toBeNull();
  });

  it('an override of step 6 (SKCK) does not move the deadline, which only counts steps 2–3', () => {
    const events = [issued('b1', 'B001', 1, 0, { serviceId: 'skck' })];
    expect(nextDeadline(given(events).state(), testConfig)).toBe(at(17));
  });

  it('an override of steps 2–3 moves it: 3 + 10 + 15 = 28 minutes', () => {
    const events = [issued('a1', 'A001', 1, 0)];
    expect(nextDeadline(given(events).state(), slowKtp)).toBe(at(28));
    expect(preServiceStandardSeconds(slowKtp, 'ktp')).toBe(780);
    expect(preServiceStandardSeconds(slowKtp, 'skck')).toBe(120);
  });
});

describe('activeTimings', () => {
  // At 08:12: a1 waits since 08:00, a2 was called at 08:11, b1 is in step 6 since 08:04.
  const scene: QueueEvent[] = [
    issued('a1', 'A001', 1, 0),
    issued('a2', 'A002', 2, 1),
    issued('b1', 'B001', 1, 2, { serviceId: 'skck' }),
    issued('a3', 'A003', 3, 2),
    issued('a4', 'A004', 4, 2),
    called('b1', 'c2', 3),
    stepStarted('b1', 'c2', 4, 3),
    stepStarted('b1', 'c2', 5, 3),
    stepStarted('b1', 'c2', 6, 4),
    called('a3', 'c3', 3),
    stepStarted('a3', 'c3', 4, 3),
    finished('a3', 'c3', 5),
    called('a4', 'c3', 6),
    recalled('a4', 'c3', 1, 7),
    noShow('a4', 'c3', 8),
    called('a2', 'c1', 11),
  ];

  it('shows each waiting, called and serving ticket with its phase, standard and status', () => {
    expect(activeTimings(given(scene).state(), testConfig, at(12))).toEqual([
      {
        ticketId: 'a1',
        number: 'A001',
        serviceId: 'ktp',
        counterId: null,
        phase: 'waiting',
        step: 3,
        since: at(0),
        elapsedSeconds: 720,
        standardSeconds: 120,
        status: 'late',
        compensationDueAt: at(17),
      },
      {
        ticketId: 'a2',
        number: 'A002',
        serviceId: 'ktp',
        counterId: 'c1',
        phase: 'called',
        step: null,
        since: at(11),
        elapsedSeconds: 60,
        standardSeconds: 120,
        status: 'ok',
        compensationDueAt: null,
      },
      {
        ticketId: 'b1',
        number: 'B001',
        serviceId: 'skck',
        counterId: 'c2',
        phase: 'serving',
        step: 6,
        since: at(4),
        elapsedSeconds: 480,
        standardSeconds: 600,
        status: 'warning',
        compensationDueAt: null,
      },
    ]);
  });

  it('shows a transferred ticket as waiting in its new service, timed from its issue', () => {
    const events = [
      issued('b1', 'B001', 1, 0, { serviceId: 'skck' }),
      transferred('b1', 'skck', 'ktp', null, 1),
    ];
    expect(activeTimings(given(events).state(), testConfig, at(1.5))).toEqual([
      {
        ticketId: 'b1',
        number: 'B001',
        serviceId: 'ktp',
        counterId: null,
        phase: 'waiting',
        step: 3,
        since: at(0),
        elapsedSeconds: 90,
        standardSeconds: 120,
        status: 'ok',
        compensationDueAt: at(17),
      },
    ]);
  });

  it('shows a reactivated no-show as waiting at no counter, with no compensation due', () => {
    const events: QueueEvent[] = [
      issued('a1', 'A001', 1, 0),
      called('a1', 'c1', 1),
      recalled('a1', 'c1', 1, 2),
      noShow('a1', 'c1', 3),
      { type: 'ticket:reactivated', ticketId: 'a1', at: at(5), by: 'petugas-1' },
    ];
    const [timing] = activeTimings(given(events).state(), testConfig, at(6));
    expect(timing?.phase).toBe('waiting');
    expect(timing?.counterId).toBeNull();
    expect(timing?.compensationDueAt).toBeNull();
  });

  it('has no compensation due once the only tier is raised', () => {
    const events = [issued('a1', 'A001', 1, 0), lateRaised('a1', 17)];
    const [timing] = activeTimings(given(events).state(), testConfig, at(20));
    expect(timing?.compensationDueAt).toBeNull();
    expect(timing?.status).toBe('late');
  });
});

describe('timeline', () => {
  it('gives the pre-service wait and each step, marking the late ones', () => {
    const events: QueueEvent[] = [
      issued('a1', 'A001', 1, 0),
      called('a1', 'c1', 5),
      stepStarted('a1', 'c1', 4, 5),
      stepStarted('a1', 'c1', 5, 6),
      stepStarted('a1', 'c1', 6, 8),
      finished('a1', 'c1', 15),
    ];
    expect(timeline(ticketOf(events, 'a1'), testConfig, at(30))).toEqual([
      {
        steps: [2, 3],
        startedAt: at(0),
        endedAt: at(5),
        elapsedSeconds: 300,
        standardSeconds: 120,
        late: true,
      },
      { steps: [4], startedAt: at(5), endedAt: at(6), elapsedSeconds: 60, standardSeconds: 120, late: false },
      // Exactly its standard: the step met it.
      {
        steps: [5],
        startedAt: at(6),
        endedAt: at(8),
        elapsedSeconds: 120,
        standardSeconds: 120,
        late: false,
      },
      {
        steps: [6],
        startedAt: at(8),
        endedAt: at(15),
        elapsedSeconds: 420,
        standardSeconds: 300,
        late: true,
      },
    ]);
  });

  it('runs the open wait and the open step up to now', () => {
    const waiting = [issued('a1', 'A001', 1, 0)];
    expect(timeline(ticketOf(waiting, 'a1'), testConfig, at(1))).toEqual([
      {
        steps: [2, 3],
        startedAt: at(0),
        endedAt: null,
        elapsedSeconds: 60,
        standardSeconds: 120,
        late: false,
      },
    ]);
    const serving = [issued('a1', 'A001', 1, 0), called('a1', 'c1', 1), stepStarted('a1', 'c1', 4, 1)];
    expect(timeline(ticketOf(serving, 'a1'), testConfig, at(4))).toEqual([
      {
        steps: [2, 3],
        startedAt: at(0),
        endedAt: at(1),
        elapsedSeconds: 60,
        standardSeconds: 120,
        late: false,
      },
      { steps: [4], startedAt: at(1), endedAt: null, elapsedSeconds: 180, standardSeconds: 120, late: true },
    ]);
  });

  it('ends the wait of a ticket cancelled before its call at the cancellation', () => {
    const events = [issued('a1', 'A001', 1, 0), cancelled('a1', null, 10)];
    expect(timeline(ticketOf(events, 'a1'), testConfig, at(30))).toEqual([
      {
        steps: [2, 3],
        startedAt: at(0),
        endedAt: at(10),
        elapsedSeconds: 600,
        standardSeconds: 120,
        late: true,
      },
    ]);
  });

  it("uses the service's own standards (SKCK step 6 is 10 minutes)", () => {
    const events: QueueEvent[] = [
      issued('b1', 'B001', 1, 0, { serviceId: 'skck' }),
      called('b1', 'c2', 1),
      stepStarted('b1', 'c2', 6, 1),
      finished('b1', 'c2', 9),
    ];
    expect(timeline(ticketOf(events, 'b1'), testConfig, at(30))[1]).toEqual({
      steps: [6],
      startedAt: at(1),
      endedAt: at(9),
      elapsedSeconds: 480,
      standardSeconds: 600,
      late: false,
    });
  });

  describe('a ticket handed to the agency at step 7', () => {
    // Step 7 goes on under the agency's own SOP: tracked as handed over, not as late (docs/domain/sop.md).
    const upToStep7: QueueEvent[] = [
      issued('a1', 'A001', 1, 0),
      called('a1', 'c1', 1),
      stepStarted('a1', 'c1', 4, 1),
      stepStarted('a1', 'c1', 5, 3),
      stepStarted('a1', 'c1', 6, 5),
      stepStarted('a1', 'c1', 7, 10),
    ];

    it('does not mark step 7 late however long it took', () => {
      const events = [...upToStep7, finished('a1', 'c1', 30, 'handed_to_agency')];
      expect(timeline(ticketOf(events, 'a1'), testConfig, at(40)).at(-1)).toEqual({
        steps: [7],
        startedAt: at(10),
        endedAt: at(30),
        elapsedSeconds: 1200,
        standardSeconds: 300,
        late: false,
      });
    });

    it('still marks the earlier steps by their standards', () => {
      const events = [
        ...upToStep7.slice(0, 4),
        stepStarted('a1', 'c1', 6, 3.5),
        stepStarted('a1', 'c1', 7, 10),
        finished('a1', 'c1', 30, 'handed_to_agency'),
      ];
      const entries = timeline(ticketOf(events, 'a1'), testConfig, at(40));
      expect(entries.map((e) => [e.steps, e.late])).toEqual([
        [[2, 3], false],
        [[4], false],
        [[5], false],
        [[6], true],
        [[7], false],
      ]);
    });

    it('a completed ticket whose step 7 overran is late at step 7', () => {
      const events = [...upToStep7, finished('a1', 'c1', 30)];
      expect(timeline(ticketOf(events, 'a1'), testConfig, at(40)).at(-1)?.late).toBe(true);
    });
  });
});
