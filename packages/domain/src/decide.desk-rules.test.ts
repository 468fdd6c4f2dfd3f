import { describe, it } from 'vitest';
import type { QueueConfig } from './config.ts';
import type { QueueEvent } from './events.ts';
import {
  called,
  cancel,
  cancelled,
  issued,
  noShow,
  recalled,
  stepStarted,
  transfer,
  transferred,
} from './testing/builders.ts';
import { given, testConfig } from './testing/fixtures.ts';

const a1 = issued('a1', 'A001', 1, 0);
const a2 = issued('a2', 'A002', 2, 1);
/** a1 at counter c1, called at 08:05 and being served since 08:06. */
const a1Serving: QueueEvent[] = [a1, called('a1', 'c1', 5), stepStarted('a1', 'c1', 4, 6)];

describe('an officer cancels only the ticket at their own counter', () => {
  it('cancels the ticket being served at their counter', () => {
    given(a1Serving)
      .when(cancel('a1', 8, 'c1'))
      .then([cancelled('a1', 'c1', 8)]);
  });

  it('cancels the ticket called to their counter', () => {
    given([a1, called('a1', 'c1', 5)])
      .when(cancel('a1', 6, 'c1'))
      .then([cancelled('a1', 'c1', 6)]);
  });

  it('is refused a waiting ticket of a service their counter serves: waiting tickets are FO and MOD work', () => {
    given([a1, a2])
      .when(cancel('a2', 3, 'c1'))
      .thenFails('TICKET_NOT_AT_YOUR_COUNTER');
  });

  it('is refused the ticket at another counter', () => {
    given(a1Serving)
      .when(cancel('a1', 8, 'c3'))
      .thenFails('TICKET_NOT_AT_YOUR_COUNTER');
  });

  it('is refused a no-show, which sits at no counter any more', () => {
    given([a1, called('a1', 'c1', 5), recalled('a1', 'c1', 1, 6), noShow('a1', 'c1', 7)])
      .when(cancel('a1', 8, 'c1'))
      .thenFails('TICKET_NOT_AT_YOUR_COUNTER');
  });

  it('floor staff (no counter) still cancel a waiting ticket', () => {
    given([a1, a2])
      .when(cancel('a2', 3, null))
      .then([cancelled('a2', null, 3)]);
  });
});

describe('an officer transfers only the ticket at their own counter', () => {
  it('transfers the ticket being served at their counter', () => {
    given(a1Serving)
      .when(transfer('a1', 'skck', 8, 'c1'))
      .then([transferred('a1', 'ktp', 'skck', 'c1', 8)]);
  });

  it('is refused a waiting ticket', () => {
    given([a1, a2])
      .when(transfer('a2', 'skck', 3, 'c1'))
      .thenFails('TICKET_NOT_AT_YOUR_COUNTER');
  });

  it('is refused the ticket called to another counter', () => {
    given([a1, called('a1', 'c3', 5)])
      .when(transfer('a1', 'skck', 6, 'c1'))
      .thenFails('TICKET_NOT_AT_YOUR_COUNTER');
  });

  it('floor staff (no counter) still transfer a waiting ticket', () => {
    given([a1])
      .when(transfer('a1', 'skck', 3, null))
      .then([transferred('a1', 'ktp', 'skck', null, 3)]);
  });
});

describe('a transfer to a closed service', () => {
  // skck closes at 08:30 WIB on the test day, ktp keeps the all-day hours.
  const skckClosesEarly: QueueConfig = {
    ...testConfig,
    services: testConfig.services.map((s) =>
      s.id === 'skck' ? { ...s, openingHours: { wed: [{ open: '00:00', close: '08:30' }] } } : s,
    ),
  };

  it('is accepted while the target service is open', () => {
    given(a1Serving, skckClosesEarly)
      .when(transfer('a1', 'skck', 8, 'c1'))
      .then([transferred('a1', 'ktp', 'skck', 'c1', 8)]);
  });

  it('is refused once the target service has closed, for officers and floor staff alike', () => {
    given(a1Serving, skckClosesEarly)
      .when(transfer('a1', 'skck', 31, 'c1'))
      .thenFails('SERVICE_CLOSED');
    given([a1], skckClosesEarly)
      .when(transfer('a1', 'skck', 45, null))
      .thenFails('SERVICE_CLOSED');
  });
});
