import { describe, expect, it } from 'vitest';
import type { QueueCommand } from './commands.ts';
import type { QueueConfig } from './config.ts';
import { decide } from './decide.ts';
import { fold } from './state.ts';
import {
  advance,
  callNext,
  called,
  finish,
  finished,
  issue,
  issued,
  stepStarted,
  transfer,
  transferred,
} from './testing/builders.ts';
import { given, run, testConfig } from './testing/fixtures.ts';

const oneInTwo: QueueConfig = { ...testConfig, priorityRatio: { priority: 1, regular: 2 } };

/** Issues the tickets, then lets one counter call next, serve and finish `count` times; returns who it called. */
function callSequence(
  setup: readonly QueueCommand[],
  counterId: string,
  count: number,
  config: QueueConfig,
): string[] {
  const { state } = run(setup, config);
  const order: string[] = [];
  let minute = 100;
  for (let i = 0; i < count; i += 1) {
    const events = decide(callNext(counterId, minute), state, config);
    fold(events, state);
    const call = events[0];
    if (call?.type !== 'ticket:called') {
      order.push('(none)');
      continue;
    }
    order.push(call.ticketId);
    for (const cmd of [advance(call.ticketId, minute + 1), finish(call.ticketId, minute + 2)]) {
      fold(decide(cmd, state, config), state);
    }
    minute += 3;
  }
  return order;
}

describe('call next, strict priority (priorityRatio null)', () => {
  it('calls a priority ticket before an older regular one', () => {
    given([issued('r1', 'A001', 1, 0), issued('p1', 'A002', 2, 5, { priority: 'lansia' })])
      .when(callNext('c1', 10))
      .then([called('p1', 'c1', 10)]);
  });

  it('calls every priority ticket first, each group oldest first', () => {
    const setup = [
      issue('r1', 0),
      issue('p1', 1, 'ktp', 'ibu_hamil'),
      issue('r2', 2),
      issue('p2', 3, 'ktp', 'disabilitas'),
      issue('r3', 4),
    ];
    expect(callSequence(setup, 'c1', 6, testConfig)).toEqual(['p1', 'p2', 'r1', 'r2', 'r3', '(none)']);
  });

  it('among priority tickets the oldest goes first, whatever the category', () => {
    given([
      issued('p1', 'A001', 1, 0, { priority: 'lansia' }),
      issued('p2', 'A002', 2, 1, { priority: 'anak' }),
    ])
      .when(callNext('c1', 5))
      .then([called('p1', 'c1', 5)]);
  });

  it('falls back to regular tickets when no priority ticket waits', () => {
    given([issued('r1', 'A001', 1, 0), issued('r2', 'A002', 2, 1)])
      .when(callNext('c1', 5))
      .then([called('r1', 'c1', 5)]);
  });
});

describe('call next across the services of a counter', () => {
  it('takes the oldest ticket of all its services: an SKCK ticket issued first', () => {
    given([issued('b1', 'B001', 1, 0, { serviceId: 'skck' }), issued('a1', 'A001', 1, 1)])
      .when(callNext('c3', 5))
      .then([called('b1', 'c3', 5)]);
  });

  it('takes the oldest ticket of all its services: a KTP ticket issued first', () => {
    given([issued('a1', 'A001', 1, 0), issued('b1', 'B001', 1, 1, { serviceId: 'skck' })])
      .when(callNext('c3', 5))
      .then([called('a1', 'c3', 5)]);
  });

  it('never calls a service the counter does not serve', () => {
    given([issued('b1', 'B001', 1, 0, { serviceId: 'skck' })])
      .when(callNext('c1', 5))
      .then([]);
  });

  it('takes the older of its own service rather than an older ticket of another service', () => {
    given([issued('b1', 'B001', 1, 0, { serviceId: 'skck' }), issued('a1', 'A001', 1, 3)])
      .when(callNext('c1', 5))
      .then([called('a1', 'c1', 5)]);
  });

  it('returns no event when nothing waits', () => {
    given([]).when(callNext('c1', 5)).then([]);
  });

  it('returns no event when every ticket of the day is already served', () => {
    given([
      issued('a1', 'A001', 1, 0),
      called('a1', 'c1', 1),
      stepStarted('a1', 'c1', 4, 2),
      finished('a1', 'c1', 3),
    ])
      .when(callNext('c1', 5))
      .then([]);
  });

  it('refuses an unknown counter', () => {
    given([issued('a1', 'A001', 1, 0)])
      .when(callNext('c9', 5))
      .thenFails('COUNTER_NOT_FOUND');
  });
});

describe('call next with a ratio of 1 priority to 2 regular', () => {
  it('calls P R R P R R while both kinds wait', () => {
    // Priority tickets are the newest, so only the ratio can bring them forward.
    const setup = [
      issue('r1', 0),
      issue('r2', 1),
      issue('r3', 2),
      issue('r4', 3),
      issue('p1', 4, 'ktp', 'lansia'),
      issue('p2', 5, 'ktp', 'anak'),
    ];
    expect(callSequence(setup, 'c1', 6, oneInTwo)).toEqual(['p1', 'r1', 'r2', 'p2', 'r3', 'r4']);
  });

  it('keeps the rhythm for a longer queue: P R R P R R P R', () => {
    const setup = [
      issue('r1', 0),
      issue('p1', 1, 'ktp', 'lansia'),
      issue('r2', 2),
      issue('p2', 3, 'ktp', 'lansia'),
      issue('r3', 4),
      issue('p3', 5, 'ktp', 'lansia'),
      issue('r4', 6),
      issue('r5', 7),
    ];
    expect(callSequence(setup, 'c1', 8, oneInTwo)).toEqual(['p1', 'r1', 'r2', 'p2', 'r3', 'r4', 'p3', 'r5']);
  });

  it('starts with a priority ticket when the counter has no history', () => {
    given([issued('r1', 'A001', 1, 0), issued('p1', 'A002', 2, 1, { priority: 'korban_bencana' })], oneInTwo)
      .when(callNext('c1', 5))
      .then([called('p1', 'c1', 5)]);
  });

  it('falls back to regular tickets when it is the priority turn but none waits', () => {
    const setup = [
      issue('p1', 0, 'ktp', 'lansia'),
      issue('r1', 1),
      issue('r2', 2),
      issue('r3', 3),
      issue('r4', 4),
    ];
    expect(callSequence(setup, 'c1', 5, oneInTwo)).toEqual(['p1', 'r1', 'r2', 'r3', 'r4']);
  });

  it('falls back to priority tickets when it is the regular turn but none waits', () => {
    const setup = [
      issue('p1', 0, 'ktp', 'lansia'),
      issue('p2', 1, 'ktp', 'anak'),
      issue('p3', 2, 'ktp', 'anak'),
    ];
    expect(callSequence(setup, 'c1', 4, oneInTwo)).toEqual(['p1', 'p2', 'p3', '(none)']);
  });

  it('after two regular calls by call-next, a waiting priority ticket is next', () => {
    given(
      [
        issued('r1', 'A001', 1, 0),
        issued('r2', 'A002', 2, 1),
        issued('r3', 'A003', 3, 2),
        called('r1', 'c1', 3),
        stepStarted('r1', 'c1', 4, 3),
        finished('r1', 'c1', 4),
        called('r2', 'c1', 5),
        stepStarted('r2', 'c1', 4, 5),
        finished('r2', 'c1', 6),
        issued('p1', 'A004', 4, 7, { priority: 'lansia' }),
      ],
      oneInTwo,
    )
      .when(callNext('c1', 8))
      .then([called('p1', 'c1', 8)]);
  });
});

describe('a transferred ticket keeps its place by issue time', () => {
  it('a ticket moved from SKCK to KTP goes before KTP tickets issued after it', () => {
    given([
      issued('b1', 'B001', 1, 0, { serviceId: 'skck' }),
      issued('a1', 'A001', 1, 1),
      issued('a2', 'A002', 2, 2),
      transferred('b1', 'skck', 'ktp', null, 3),
    ])
      .when(callNext('c1', 4))
      .then([called('b1', 'c1', 4)]);
  });

  it('a ticket moved after being served at SKCK still goes before later KTP tickets', () => {
    const setup = [
      issue('b1', 0, 'skck'),
      issue('a1', 1),
      issue('a2', 2),
      callNext('c2', 3),
      advance('b1', 4),
      transfer('b1', 'ktp', 6),
    ];
    expect(callSequence(setup, 'c1', 3, testConfig)).toEqual(['b1', 'a1', 'a2']);
  });

  it('a ticket moved in goes after KTP tickets issued before it', () => {
    given([
      issued('a1', 'A001', 1, 0),
      issued('b1', 'B001', 1, 1, { serviceId: 'skck' }),
      transferred('b1', 'skck', 'ktp', null, 3),
    ])
      .when(callNext('c1', 4))
      .then([called('a1', 'c1', 4)]);
  });

  it('the old service no longer calls it', () => {
    given([issued('b1', 'B001', 1, 0, { serviceId: 'skck' }), transferred('b1', 'skck', 'ktp', null, 1)])
      .when(callNext('c2', 2))
      .then([]);
  });
});
