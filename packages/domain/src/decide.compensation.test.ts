import { describe, expect, it } from 'vitest';
import type { CheckDeadlines } from './commands.ts';
import type { QueueConfig } from './config.ts';
import type { CompensationRaised, QueueEvent } from './events.ts';
import { nextDeadline } from './timing.ts';
import {
  called,
  cancelled,
  checkDeadlines,
  issued,
  lateEscalated,
  lateRaised,
  noShow,
  raiseCompensation,
  reactivated,
  recalled,
  resolveCompensation,
  resolved,
  transferred,
} from './testing/builders.ts';
import { at, given, testConfig } from './testing/fixtures.ts';

const APOLOGY = { id: 'Permohonan maaf', en: 'An apology' };
const TEA = { id: 'Teh manis', en: 'A sweet tea' };
const SOUVENIR = { id: 'Suvenir', en: 'A souvenir' };

/** A site with tiers: 30–60 min apology, 61–120 tea, over 120 a souvenir. */
const tiered: QueueConfig = {
  ...testConfig,
  compensation: {
    ...testConfig.compensation,
    lateService: [
      { minutesLate: 30, remedy: APOLOGY },
      { minutesLate: 61, remedy: TEA },
      { minutesLate: 121, remedy: SOUVENIR },
    ],
  },
};

/** KTP has its own Standar Pelayanan: 3 minutes for step 2 and 10 for step 3. */
const slowKtp: QueueConfig = {
  ...testConfig,
  services: testConfig.services.map((s) => (s.id === 'ktp' ? { ...s, sopStandards: { 2: 3, 3: 10 } } : s)),
};

const a1 = issued('a1', 'A001', 1, 0);
const a2 = issued('a2', 'A002', 2, 5);

function checkAt(iso: string): CheckDeadlines {
  return { type: 'CheckDeadlines', now: iso, by: 'scheduler' };
}

describe('late-service compensation (SK 108/2024: 15 minutes beyond steps 2–3)', () => {
  // A001 issued 08:00; steps 2+3 are 1+1 minutes; 15 minutes later is 08:17.
  it('raises nothing one second before the deadline', () => {
    given([a1]).when(checkAt('2026-11-25T01:16:59.000Z')).then([]);
  });

  it('raises at the deadline itself: 15 minutes or more', () => {
    given([a1])
      .when(checkDeadlines(17))
      .then([lateRaised('a1', 17)]);
  });

  it('raises when checked well after the deadline, with the check time', () => {
    given([a1])
      .when(checkDeadlines(45))
      .then([lateRaised('a1', 45)]);
  });

  it('raises for the late tickets only', () => {
    given([a1, a2])
      .when(checkDeadlines(18))
      .then([lateRaised('a1', 18)]);
  });

  it('raises for every late ticket in one check', () => {
    given([a1, a2])
      .when(checkDeadlines(30))
      .then([lateRaised('a1', 30), lateRaised('a2', 30)]);
  });

  it('never raises twice for the same ticket', () => {
    given([a1, lateRaised('a1', 17)])
      .when(checkDeadlines(18))
      .then([]);
    given([a1, lateRaised('a1', 17)])
      .when(checkDeadlines(300))
      .then([]);
  });

  it('never raises for a ticket called before the deadline, even if it is still at the counter later', () => {
    given([a1, called('a1', 'c1', 16)])
      .when(checkDeadlines(40))
      .then([]);
  });

  it('never raises for a no-show put back in the queue: the applicant was called in time', () => {
    given([
      a1,
      called('a1', 'c1', 5),
      recalled('a1', 'c1', 1, 6),
      noShow('a1', 'c1', 7),
      reactivated('a1', 8),
    ])
      .when(checkDeadlines(60))
      .then([]);
  });

  it('never raises for a ticket cancelled while waiting', () => {
    given([a1, cancelled('a1', null, 10)])
      .when(checkDeadlines(60))
      .then([]);
  });

  it('still raises for a ticket transferred before it was ever called', () => {
    given([issued('b1', 'B001', 1, 0, { serviceId: 'skck' }), transferred('b1', 'skck', 'ktp', null, 3)])
      .when(checkDeadlines(17))
      .then([lateRaised('b1', 17)]);
  });

  it('uses the service’s own standards for steps 2–3: 3 + 10 + 15 = 08:28', () => {
    given([a1], slowKtp).when(checkDeadlines(27)).then([]);
    given([a1], slowKtp)
      .when(checkDeadlines(28))
      .then([lateRaised('a1', 28)]);
  });

  it('a manual compensation on the ticket does not stop the automatic one', () => {
    const manual: CompensationRaised = {
      type: 'compensation:raised',
      compensationId: 'm1',
      kind: 'fee_mismatch',
      ticketId: 'a1',
      counterId: null,
      tier: null,
      remedy: APOLOGY,
      officerConsequence: 'teguran_dan_sanksi',
      note: null,
      at: at(3),
      by: 'mod-1',
    };
    given([a1, manual])
      .when(checkDeadlines(17))
      .then([lateRaised('a1', 17)]);
  });
});

describe('tiered late-service compensation (30, 61, 121 minutes)', () => {
  // A001 issued 08:00, steps 2+3 = 2 minutes: tiers are reached at 08:32, 09:03 and 10:03.
  it('raises nothing before the first tier', () => {
    given([a1], tiered).when(checkDeadlines(31)).then([]);
  });

  it('raises the record at the first tier with its remedy', () => {
    given([a1], tiered)
      .when(checkDeadlines(32))
      .then([lateRaised('a1', 32, 0, APOLOGY)]);
  });

  it('escalates when the next tier is crossed', () => {
    const raised = lateRaised('a1', 32, 0, APOLOGY);
    given([a1, raised], tiered).when(checkDeadlines(62)).then([]);
    given([a1, raised], tiered)
      .when(checkDeadlines(63))
      .then([lateEscalated('a1', 63, 1, TEA)]);
  });

  it('escalates to the last tier and then stays quiet', () => {
    const history: QueueEvent[] = [a1, lateRaised('a1', 32, 0, APOLOGY), lateEscalated('a1', 63, 1, TEA)];
    given(history, tiered)
      .when(checkDeadlines(123))
      .then([lateEscalated('a1', 123, 2, SOUVENIR)]);
    given([...history, lateEscalated('a1', 123, 2, SOUVENIR)], tiered)
      .when(checkDeadlines(600))
      .then([]);
  });

  it('crossing two tiers in one check escalates once, to the highest', () => {
    given([a1, lateRaised('a1', 32, 0, APOLOGY)], tiered)
      .when(checkDeadlines(200))
      .then([lateEscalated('a1', 200, 2, SOUVENIR)]);
  });

  it('crossing two tiers before the first check raises once, at the highest', () => {
    given([a1], tiered)
      .when(checkDeadlines(70))
      .then([lateRaised('a1', 70, 1, TEA)]);
  });

  it('a ticket called between tiers is not escalated further', () => {
    given([a1, lateRaised('a1', 32, 0, APOLOGY), called('a1', 'c1', 40)], tiered)
      .when(checkDeadlines(200))
      .then([]);
  });

  it('nextDeadline walks the tiers', () => {
    expect(nextDeadline(given([a1], tiered).state(), tiered)).toBe(at(32));
    expect(nextDeadline(given([a1, lateRaised('a1', 32, 0, APOLOGY)], tiered).state(), tiered)).toBe(at(63));
    const atLast = [
      a1,
      lateRaised('a1', 32, 0, APOLOGY),
      lateEscalated('a1', 63, 1, TEA),
      lateEscalated('a1', 123, 2, SOUVENIR),
    ];
    expect(nextDeadline(given(atLast, tiered).state(), tiered)).toBeNull();
  });
});

describe('manual compensation', () => {
  it('raises a record with the remedy and officer consequence of its rule', () => {
    given([a1])
      .when(
        raiseCompensation('m1', 'fee_mismatch', 10, {
          ticketId: 'a1',
          counterId: 'c1',
          note: 'retribusi salah',
        }),
      )
      .then([
        {
          type: 'compensation:raised',
          compensationId: 'm1',
          kind: 'fee_mismatch',
          ticketId: 'a1',
          counterId: 'c1',
          tier: null,
          remedy: APOLOGY,
          officerConsequence: 'teguran_dan_sanksi',
          note: 'retribusi salah',
          at: at(10),
          by: 'mod-1',
        },
      ]);
  });

  it('raises a record with no ticket, e.g. a wrong product reported later', () => {
    given([])
      .when(raiseCompensation('m2', 'wrong_product', 10))
      .then([
        {
          type: 'compensation:raised',
          compensationId: 'm2',
          kind: 'wrong_product',
          ticketId: null,
          counterId: null,
          tier: null,
          remedy: { id: 'Produk diperbaiki diantar ke rumah', en: 'Corrected product delivered home' },
          officerConsequence: 'none',
          note: null,
          at: at(10),
          by: 'mod-1',
        },
      ]);
  });

  it('refuses an unknown ticket or counter', () => {
    given([])
      .when(raiseCompensation('m1', 'officer_incompetent', 10, { ticketId: 'zz' }))
      .thenFails('TICKET_NOT_FOUND');
    given([])
      .when(raiseCompensation('m1', 'officer_incompetent', 10, { counterId: 'c9' }))
      .thenFails('COUNTER_NOT_FOUND');
  });
});

describe('resolving a compensation', () => {
  const raisedLate = [a1, lateRaised('a1', 17)];

  it('records the remedy given and the officer consequence', () => {
    given(raisedLate)
      .when(resolveCompensation('late-a1', 'Teh botol diberikan', 'none', 20))
      .then([resolved('late-a1', 'Teh botol diberikan', 'none', 20)]);
  });

  it('keeps the resolution on the record', () => {
    const record = given([...raisedLate, resolved('late-a1', 'Teh botol diberikan', 'none', 20)])
      .state()
      .compensations.get('late-a1');
    expect(record?.resolution).toEqual({
      at: at(20),
      by: 'mod-1',
      remedyGiven: 'Teh botol diberikan',
      officerConsequence: 'none',
      note: null,
    });
  });

  it('refuses to resolve twice: COMPENSATION_ALREADY_RESOLVED', () => {
    given([...raisedLate, resolved('late-a1', 'Teh botol diberikan', 'none', 20)])
      .when(resolveCompensation('late-a1', 'Lagi', 'none', 25))
      .thenFails('COMPENSATION_ALREADY_RESOLVED');
  });

  it('refuses an unknown record: COMPENSATION_NOT_FOUND', () => {
    given(raisedLate)
      .when(resolveCompensation('late-a2', 'Teh', 'none', 20))
      .thenFails('COMPENSATION_NOT_FOUND');
  });
});
