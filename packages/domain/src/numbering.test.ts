import { describe, expect, it } from 'vitest';
import type { QueueConfig } from './config.ts';
import { formatTicketNumber } from './numbering.ts';
import { cancelled, called, issue, issueAt, issued, noShow, recalled } from './testing/builders.ts';
import { given, run, testConfig } from './testing/fixtures.ts';

const wita: QueueConfig = { ...testConfig, timeZone: 'Asia/Makassar' };
const wit: QueueConfig = { ...testConfig, timeZone: 'Asia/Jayapura' };

describe('formatTicketNumber', () => {
  it('zero-pads the sequence to the configured width', () => {
    expect(formatTicketNumber('A', 1, 3)).toBe('A001');
    expect(formatTicketNumber('A', 12, 3)).toBe('A012');
    expect(formatTicketNumber('B', 7, 4)).toBe('B0007');
  });

  it('keeps every digit when the sequence outgrows the width', () => {
    expect(formatTicketNumber('A', 999, 3)).toBe('A999');
    expect(formatTicketNumber('A', 1000, 3)).toBe('A1000');
    expect(formatTicketNumber('C', 12345, 3)).toBe('C12345');
  });
});

describe('numbering on issue', () => {
  it('keeps one sequence per service: the first SKCK ticket is B001 after two KTP tickets', () => {
    given([issued('a1', 'A001', 1, 0), issued('a2', 'A002', 2, 1)])
      .when(issue('b1', 2, 'skck'))
      .then([issued('b1', 'B001', 1, 2, { serviceId: 'skck' })]);
  });

  it('an SKCK ticket does not advance the KTP sequence', () => {
    given([
      issued('a1', 'A001', 1, 0),
      issued('b1', 'B001', 1, 1, { serviceId: 'skck' }),
      issued('b2', 'B002', 2, 2, { serviceId: 'skck' }),
    ])
      .when(issue('a2', 3, 'ktp'))
      .then([issued('a2', 'A002', 2, 3)]);
  });

  it('pads to a configured width of 4', () => {
    given([], { ...testConfig, numberWidth: 4 })
      .when(issue('a1', 0))
      .then([issued('a1', 'A0001', 1, 0)]);
  });

  it('goes from A999 to A1000 rather than wrapping or truncating', () => {
    given([issued('a999', 'A999', 999, 0)])
      .when(issue('a1000', 1))
      .then([issued('a1000', 'A1000', 1000, 1)]);
  });

  it('never reuses a number within the day, even of a cancelled or no-show ticket', () => {
    given([
      issued('a1', 'A001', 1, 0),
      issued('a2', 'A002', 2, 1),
      issued('a3', 'A003', 3, 2),
      cancelled('a3', null, 3),
      called('a2', 'c1', 4),
      recalled('a2', 'c1', 1, 5),
      noShow('a2', 'c1', 6),
    ])
      .when(issue('a4', 7))
      .then([issued('a4', 'A004', 4, 7)]);
  });

  it('continues the sequence when the state is rebuilt from the committed events (after a crash)', () => {
    const before = run([issue('a1', 0), issue('a2', 1), issue('a3', 2)]);
    given(before.events)
      .when(issue('a4', 3))
      .then([issued('a4', 'A004', 4, 3)]);
  });

  it('restarts every service at a new day, not only the one issued first', () => {
    const yesterday = [
      issued('a5', 'A005', 5, 0, { issuedAt: '2026-11-25T08:00:00.000Z' }),
      issued('b9', 'B009', 9, 0, { serviceId: 'skck', issuedAt: '2026-11-25T08:01:00.000Z' }),
    ];
    const firstToday = issued('n1', 'A001', 1, 0, {
      serviceDay: '2026-11-26',
      issuedAt: '2026-11-26T01:00:00.000Z',
    });
    given([...yesterday, firstToday])
      .when(issueAt('n2', '2026-11-26T01:01:00.000Z', 'skck'))
      .then([
        issued('n2', 'B001', 1, 0, {
          serviceId: 'skck',
          serviceDay: '2026-11-26',
          issuedAt: '2026-11-26T01:01:00.000Z',
        }),
      ]);
  });
});

describe('the daily reset follows the site zone', () => {
  // 2026-11-25 in UTC: WIB (+7) midnight is 17:00Z, WITA (+8) 16:00Z, WIT (+9) 15:00Z.
  const lastOfDay = (issuedAt: string) => issued('old', 'A041', 41, 0, { issuedAt });

  it('WIB: 23:30 local (16:30Z) is still the 25th and continues the sequence', () => {
    given([lastOfDay('2026-11-25T16:00:00.000Z')])
      .when(issueAt('n1', '2026-11-25T16:30:00.000Z'))
      .then([issued('n1', 'A042', 42, 0, { issuedAt: '2026-11-25T16:30:00.000Z' })]);
  });

  it('WIB: a ticket at 06:30 local belongs to the local day although the UTC date is the day before', () => {
    given([lastOfDay('2026-11-25T09:00:00.000Z')])
      .when(issueAt('n1', '2026-11-25T23:30:00.000Z'))
      .then([issued('n1', 'A001', 1, 0, { serviceDay: '2026-11-26', issuedAt: '2026-11-25T23:30:00.000Z' })]);
  });

  it('WITA: 23:59 local (15:59Z) continues, 00:00 local (16:00Z) restarts at A001', () => {
    given([lastOfDay('2026-11-25T15:00:00.000Z')], wita)
      .when(issueAt('n1', '2026-11-25T15:59:00.000Z'))
      .then([issued('n1', 'A042', 42, 0, { issuedAt: '2026-11-25T15:59:00.000Z' })]);
    given([lastOfDay('2026-11-25T15:59:00.000Z')], wita)
      .when(issueAt('n1', '2026-11-25T16:00:00.000Z'))
      .then([issued('n1', 'A001', 1, 0, { serviceDay: '2026-11-26', issuedAt: '2026-11-25T16:00:00.000Z' })]);
  });

  it('WITA: 16:30Z is already the next day, although in WIB it would not be', () => {
    given([lastOfDay('2026-11-25T15:00:00.000Z')], wita)
      .when(issueAt('n1', '2026-11-25T16:30:00.000Z'))
      .then([issued('n1', 'A001', 1, 0, { serviceDay: '2026-11-26', issuedAt: '2026-11-25T16:30:00.000Z' })]);
  });

  it('WIT: 23:59 local (14:59Z) continues, 00:00 local (15:00Z) restarts at A001', () => {
    given([lastOfDay('2026-11-25T14:00:00.000Z')], wit)
      .when(issueAt('n1', '2026-11-25T14:59:00.000Z'))
      .then([issued('n1', 'A042', 42, 0, { issuedAt: '2026-11-25T14:59:00.000Z' })]);
    given([lastOfDay('2026-11-25T14:59:00.000Z')], wit)
      .when(issueAt('n1', '2026-11-25T15:00:00.000Z'))
      .then([issued('n1', 'A001', 1, 0, { serviceDay: '2026-11-26', issuedAt: '2026-11-25T15:00:00.000Z' })]);
  });
});
