import { describe, expect, it } from 'vitest';
import type { QueueConfig } from './config.ts';
import type { QueueEvent } from './events.ts';
import {
  advance,
  callNext,
  callTicket,
  called,
  cancel,
  cancelled,
  finish,
  finished,
  issue,
  issued,
  markNoShow,
  noShow,
  pause,
  paused,
  reactivate,
  reactivated,
  recall,
  recalled,
  resume,
  resumed,
  stepStarted,
  transfer,
  transferred,
} from './testing/builders.ts';
import { given, run, testConfig } from './testing/fixtures.ts';

const a1 = issued('a1', 'A001', 1, 0);
const a2 = issued('a2', 'A002', 2, 1);
const b1 = issued('b1', 'B001', 1, 2, { serviceId: 'skck' });
/** a1 at counter c1, called at 08:05 and being served since 08:06. */
const a1Serving: QueueEvent[] = [a1, called('a1', 'c1', 5), stepStarted('a1', 'c1', 4, 6)];

describe('call next at the counter', () => {
  it('is refused while the counter is paused', () => {
    given([a1, paused('c1', 'istirahat', 2)])
      .when(callNext('c1', 5))
      .thenFails('COUNTER_PAUSED');
  });

  it('is refused while the counter has a called ticket', () => {
    given([a1, a2, called('a1', 'c1', 5)])
      .when(callNext('c1', 6))
      .thenFails('COUNTER_BUSY');
  });

  it('is refused while the counter is serving a ticket', () => {
    given([...a1Serving, a2])
      .when(callNext('c1', 7))
      .thenFails('COUNTER_BUSY');
  });

  it('a double press in the same instant calls exactly one ticket', () => {
    const { events } = run([issue('a1', 0), issue('a2', 1), callNext('c1', 5)]);
    expect(events.filter((e) => e.type === 'ticket:called')).toEqual([called('a1', 'c1', 5)]);
    given(events).when(callNext('c1', 5)).thenFails('COUNTER_BUSY');
  });

  it('a second counter pressing at the same instant gets the next ticket, not the same one', () => {
    given([a1, a2, called('a1', 'c1', 5)])
      .when(callNext('c3', 5))
      .then([called('a2', 'c3', 5)]);
  });

  it('is free again once the ticket is finished', () => {
    given([...a1Serving, a2, finished('a1', 'c1', 10)])
      .when(callNext('c1', 11))
      .then([called('a2', 'c1', 11)]);
  });
});

describe('call a specific ticket', () => {
  it('calls the chosen ticket ahead of older ones, marked as a specific call', () => {
    given([a1, a2])
      .when(callTicket('c1', 'a2', 5))
      .then([called('a2', 'c1', 5, 'specific')]);
  });

  it('can call a transferred ticket at a counter of its new service', () => {
    given([b1, transferred('b1', 'skck', 'ktp', null, 3)])
      .when(callTicket('c1', 'b1', 5))
      .then([called('b1', 'c1', 5, 'specific')]);
  });

  it('refuses a ticket already called at another counter', () => {
    given([a1, called('a1', 'c3', 4)])
      .when(callTicket('c1', 'a1', 5))
      .thenFails('INVALID_TRANSITION');
  });

  it('refuses a ticket of a service the counter does not serve', () => {
    given([b1])
      .when(callTicket('c1', 'b1', 5))
      .thenFails('SERVICE_NOT_AT_COUNTER');
  });

  it('refuses while the counter is busy', () => {
    given([a1, a2, called('a1', 'c1', 4)])
      .when(callTicket('c1', 'a2', 5))
      .thenFails('COUNTER_BUSY');
  });

  it('refuses while the counter is paused', () => {
    given([a1, paused('c1', 'sholat', 3)])
      .when(callTicket('c1', 'a1', 5))
      .thenFails('COUNTER_PAUSED');
  });

  it('refuses an unknown ticket', () => {
    given([a1])
      .when(callTicket('c1', 'zz', 5))
      .thenFails('TICKET_NOT_FOUND');
  });
});

describe('recall', () => {
  it('counts the first recall as 1', () => {
    given([a1, called('a1', 'c1', 5)])
      .when(recall('c1', 6))
      .then([recalled('a1', 'c1', 1, 6)]);
  });

  it('increments the count on every recall', () => {
    given([a1, called('a1', 'c1', 5), recalled('a1', 'c1', 1, 6), recalled('a1', 'c1', 2, 7)])
      .when(recall('c1', 8))
      .then([recalled('a1', 'c1', 3, 8)]);
  });

  it('is refused at a counter with nobody called', () => {
    given([a1]).when(recall('c1', 5)).thenFails('COUNTER_IDLE');
  });

  it('is refused once the applicant is being served', () => {
    given(a1Serving).when(recall('c1', 7)).thenFails('INVALID_TRANSITION');
  });

  it('is refused at an unknown counter', () => {
    given([a1]).when(recall('c9', 5)).thenFails('COUNTER_NOT_FOUND');
  });
});

describe('no-show', () => {
  const needsTwo: QueueConfig = { ...testConfig, noShowAfterRecalls: 2 };

  it('is refused before the configured number of recalls (1 in the test config)', () => {
    given([a1, called('a1', 'c1', 5)])
      .when(markNoShow('a1', 6))
      .thenFails('NO_SHOW_TOO_EARLY');
  });

  it('is allowed after one recall when one is required', () => {
    given([a1, called('a1', 'c1', 5), recalled('a1', 'c1', 1, 6)])
      .when(markNoShow('a1', 8))
      .then([noShow('a1', 'c1', 8)]);
  });

  it('with two recalls required, one is too early and two are enough', () => {
    given([a1, called('a1', 'c1', 5), recalled('a1', 'c1', 1, 6)], needsTwo)
      .when(markNoShow('a1', 8))
      .thenFails('NO_SHOW_TOO_EARLY');
    given([a1, called('a1', 'c1', 5), recalled('a1', 'c1', 1, 6), recalled('a1', 'c1', 2, 7)], needsTwo)
      .when(markNoShow('a1', 8))
      .then([noShow('a1', 'c1', 8)]);
  });

  it('with no recall required, is allowed at once', () => {
    given([a1, called('a1', 'c1', 5)], { ...testConfig, noShowAfterRecalls: 0 })
      .when(markNoShow('a1', 6))
      .then([noShow('a1', 'c1', 6)]);
  });

  it('is refused for a ticket that is only waiting', () => {
    given([a1]).when(markNoShow('a1', 5)).thenFails('INVALID_TRANSITION');
  });

  it('is refused for a ticket being served', () => {
    given(a1Serving).when(markNoShow('a1', 7)).thenFails('INVALID_TRANSITION');
  });

  it('frees the counter for the next call', () => {
    given([a1, a2, called('a1', 'c1', 5), recalled('a1', 'c1', 1, 6), noShow('a1', 'c1', 7)])
      .when(callNext('c1', 8))
      .then([called('a2', 'c1', 8)]);
  });
});

describe('reactivate a no-show', () => {
  const a1NoShow: QueueEvent[] = [
    a1,
    called('a1', 'c1', 5),
    recalled('a1', 'c1', 1, 6),
    noShow('a1', 'c1', 7),
  ];

  it('puts the ticket back to waiting', () => {
    given(a1NoShow)
      .when(reactivate('a1', 20))
      .then([reactivated('a1', 20)]);
    expect(
      given([...a1NoShow, reactivated('a1', 20)])
        .state()
        .tickets.get('a1')?.status,
    ).toBe('waiting');
  });

  it('the reactivated ticket keeps its place by issue time', () => {
    given([...a1NoShow, a2, reactivated('a1', 20)])
      .when(callNext('c3', 21))
      .then([called('a1', 'c3', 21)]);
  });

  it('the recall count starts again: a second no-show needs a new recall', () => {
    given([...a1NoShow, reactivated('a1', 20), called('a1', 'c1', 21)])
      .when(markNoShow('a1', 22))
      .thenFails('NO_SHOW_TOO_EARLY');
  });

  it('is refused for a ticket that is not a no-show', () => {
    given([a1]).when(reactivate('a1', 5)).thenFails('INVALID_TRANSITION');
    given(a1Serving).when(reactivate('a1', 7)).thenFails('INVALID_TRANSITION');
  });
});

describe('transfer', () => {
  it('moves a waiting ticket to another service, at no counter', () => {
    given([a1])
      .when(transfer('a1', 'skck', 3))
      .then([transferred('a1', 'ktp', 'skck', null, 3)]);
  });

  it('moves a ticket being served and frees its counter', () => {
    given([...a1Serving, a2])
      .when(transfer('a1', 'skck', 8))
      .then([transferred('a1', 'ktp', 'skck', 'c1', 8)]);
    given([...a1Serving, a2, transferred('a1', 'ktp', 'skck', 'c1', 8)])
      .when(callNext('c1', 9))
      .then([called('a2', 'c1', 9)]);
  });

  it('moves a called ticket from its counter', () => {
    given([a1, called('a1', 'c3', 5)])
      .when(transfer('a1', 'skck', 6))
      .then([transferred('a1', 'ktp', 'skck', 'c3', 6)]);
  });

  it('names no counter for a reactivated no-show, which waits at none', () => {
    given([
      a1,
      called('a1', 'c1', 5),
      recalled('a1', 'c1', 1, 6),
      noShow('a1', 'c1', 7),
      reactivated('a1', 20),
    ])
      .when(transfer('a1', 'skck', 21))
      .then([transferred('a1', 'ktp', 'skck', null, 21)]);
  });

  it('can move an already transferred ticket on again', () => {
    given([b1, transferred('b1', 'skck', 'ktp', null, 3)])
      .when(transfer('b1', 'skck', 4))
      .then([transferred('b1', 'ktp', 'skck', null, 4)]);
  });

  it('is refused to the service the ticket is already in', () => {
    given([a1])
      .when(transfer('a1', 'ktp', 3))
      .thenFails('SAME_SERVICE');
  });

  it('is refused to an unknown service', () => {
    given([a1])
      .when(transfer('a1', 'paspor', 3))
      .thenFails('SERVICE_NOT_FOUND');
  });

  it('is refused for a finished ticket', () => {
    given([...a1Serving, finished('a1', 'c1', 10)])
      .when(transfer('a1', 'skck', 11))
      .thenFails('INVALID_TRANSITION');
  });
});

describe('cancel', () => {
  it('cancels a waiting ticket at no counter', () => {
    given([a1])
      .when(cancel('a1', 3))
      .then([cancelled('a1', null, 3)]);
  });

  it('cancels a ticket being served, naming its counter, and frees the counter', () => {
    given(a1Serving)
      .when(cancel('a1', 8))
      .then([cancelled('a1', 'c1', 8)]);
    given([...a1Serving, a2, cancelled('a1', 'c1', 8)])
      .when(callNext('c1', 9))
      .then([called('a2', 'c1', 9)]);
  });

  it('cancels a no-show, which is at no counter any more', () => {
    given([a1, called('a1', 'c1', 5), recalled('a1', 'c1', 1, 6), noShow('a1', 'c1', 7)])
      .when(cancel('a1', 8))
      .then([cancelled('a1', null, 8)]);
  });

  it('is refused for a finished or already cancelled ticket', () => {
    given([...a1Serving, finished('a1', 'c1', 10)])
      .when(cancel('a1', 11))
      .thenFails('INVALID_TRANSITION');
    given([a1, cancelled('a1', null, 3)])
      .when(cancel('a1', 4))
      .thenFails('INVALID_TRANSITION');
  });
});

describe('pause and resume', () => {
  it('pauses an idle counter with a reason', () => {
    given([])
      .when(pause('c1', 'sholat jumat', 3))
      .then([paused('c1', 'sholat jumat', 3)]);
  });

  it('refuses to pause a counter with a ticket at the desk', () => {
    given(a1Serving)
      .when(pause('c1', 'istirahat', 7))
      .thenFails('COUNTER_BUSY');
  });

  it('refuses to pause a counter that is already paused', () => {
    given([paused('c1', 'istirahat', 3)])
      .when(pause('c1', 'sholat', 4))
      .thenFails('COUNTER_PAUSED');
  });

  it('refuses to resume a counter that is not paused', () => {
    given([]).when(resume('c1', 3)).thenFails('COUNTER_NOT_PAUSED');
    given([paused('c1', 'istirahat', 3), resumed('c1', 4)])
      .when(resume('c1', 5))
      .thenFails('COUNTER_NOT_PAUSED');
  });

  it('resumes a paused counter, which then calls again', () => {
    given([paused('c1', 'istirahat', 3)])
      .when(resume('c1', 30))
      .then([resumed('c1', 30)]);
    given([a1, paused('c1', 'istirahat', 3), resumed('c1', 30)])
      .when(callNext('c1', 31))
      .then([called('a1', 'c1', 31)]);
  });

  it('refuses an unknown counter', () => {
    given([])
      .when(pause('c9', 'istirahat', 3))
      .thenFails('COUNTER_NOT_FOUND');
    given([]).when(resume('c9', 3)).thenFails('COUNTER_NOT_FOUND');
  });
});

describe('SOP steps at the counter', () => {
  it('starts step 4 on a called ticket', () => {
    given([a1, called('a1', 'c1', 5)])
      .when(advance('a1', 6))
      .then([stepStarted('a1', 'c1', 4, 6)]);
  });

  it('walks 4, 5, 6, 7, 8 and then refuses with LAST_STEP_REACHED', () => {
    const { events } = run([
      issue('a1', 0),
      callNext('c1', 5),
      advance('a1', 6),
      advance('a1', 8),
      advance('a1', 10),
      advance('a1', 15),
      advance('a1', 20),
    ]);
    expect(events.filter((e) => e.type === 'ticket:step-started')).toEqual([
      stepStarted('a1', 'c1', 4, 6),
      stepStarted('a1', 'c1', 5, 8),
      stepStarted('a1', 'c1', 6, 10),
      stepStarted('a1', 'c1', 7, 15),
      stepStarted('a1', 'c1', 8, 20),
    ]);
    given(events).when(advance('a1', 21)).thenFails('LAST_STEP_REACHED');
  });

  it('is refused for a ticket that has not been called', () => {
    given([a1]).when(advance('a1', 5)).thenFails('INVALID_TRANSITION');
  });
});

describe('finish', () => {
  it('finishes a ticket being served as completed', () => {
    given(a1Serving)
      .when(finish('a1', 12))
      .then([finished('a1', 'c1', 12)]);
  });

  it('finishes a ticket handed to the agency at step 7', () => {
    const atStep7 = [
      ...a1Serving,
      stepStarted('a1', 'c1', 5, 8),
      stepStarted('a1', 'c1', 6, 10),
      stepStarted('a1', 'c1', 7, 15),
    ];
    given(atStep7)
      .when(finish('a1', 18, 'handed_to_agency'))
      .then([finished('a1', 'c1', 18, 'handed_to_agency')]);
    const after = given([...atStep7, finished('a1', 'c1', 18, 'handed_to_agency')]).state();
    expect(after.tickets.get('a1')?.outcome).toBe('handed_to_agency');
    expect(after.counters.get('c1')?.activeTicketId).toBeNull();
  });

  it('is refused for a ticket only called, not yet served', () => {
    given([a1, called('a1', 'c1', 5)])
      .when(finish('a1', 6))
      .thenFails('INVALID_TRANSITION');
  });

  it('is refused for a waiting or an already finished ticket', () => {
    given([a1]).when(finish('a1', 5)).thenFails('INVALID_TRANSITION');
    given([...a1Serving, finished('a1', 'c1', 12)])
      .when(finish('a1', 13))
      .thenFails('INVALID_TRANSITION');
  });

  it('refuses an unknown ticket', () => {
    given([]).when(finish('zz', 5)).thenFails('TICKET_NOT_FOUND');
  });
});

describe('the next service day', () => {
  const NEXT_DAY = 24 * 60; // 08:00 WIB on 2026-11-26
  const firstToday = issued('n1', 'A001', 1, NEXT_DAY, { serviceDay: '2026-11-26' });

  it('a counter left serving at closing time can call again the next day', () => {
    given([...a1Serving, firstToday])
      .when(callNext('c1', NEXT_DAY + 5))
      .then([called('n1', 'c1', NEXT_DAY + 5)]);
  });

  it("yesterday's ticket takes no more commands: TICKET_NOT_TODAY", () => {
    given(a1Serving)
      .when(finish('a1', NEXT_DAY - 60))
      .thenFails('TICKET_NOT_TODAY');
    given([a1, a2])
      .when(callTicket('c1', 'a2', NEXT_DAY - 60))
      .thenFails('TICKET_NOT_TODAY');
  });

  it("call next in the morning does not call yesterday's leftover ticket", () => {
    given([a1, a2])
      .when(callNext('c1', NEXT_DAY - 60))
      .then([]);
  });
});
