import { describe, expect, it } from 'vitest';
import type { OpeningHours, QueueConfig, ServiceConfig } from './config.ts';
import { localTime, parseClock, serviceDayOf } from './local-time.ts';
import { isServiceOpen } from './opening-hours.ts';
import { issueAt, issued } from './testing/builders.ts';
import { given, testConfig } from './testing/fixtures.ts';

const WEEKDAY = [
  { open: '08:00', close: '12:00' },
  { open: '13:00', close: '16:00' },
];
/** Office hours with a lunch break, a longer Friday prayer break, a Saturday morning and a closed Sunday. */
const hours: OpeningHours = {
  mon: WEEKDAY,
  tue: WEEKDAY,
  wed: WEEKDAY,
  thu: WEEKDAY,
  fri: [
    { open: '08:00', close: '11:00' },
    { open: '13:30', close: '16:00' },
  ],
  sat: [{ open: '08:00', close: '12:00' }],
};
const wib: QueueConfig = { ...testConfig, openingHours: hours };
const wita: QueueConfig = { ...wib, timeZone: 'Asia/Makassar' };

function service(config: QueueConfig, id: string): ServiceConfig {
  const found = config.services.find((s) => s.id === id);
  if (!found) throw new Error(`no service ${id}`);
  return found;
}

const openAt = (config: QueueConfig, instant: string, serviceId = 'ktp'): boolean =>
  isServiceOpen(config, service(config, serviceId), instant);

describe('local time in the site zone', () => {
  it('gives the local date, weekday and minute of day', () => {
    expect(localTime('2026-11-25T01:00:00.000Z', 'Asia/Jakarta')).toEqual({
      date: '2026-11-25',
      weekday: 'wed',
      minuteOfDay: 480,
    });
  });

  it('local midnight is minute 0 of the new day, not 24:00 of the old one', () => {
    expect(localTime('2026-11-25T17:00:00.000Z', 'Asia/Jakarta')).toEqual({
      date: '2026-11-26',
      weekday: 'thu',
      minuteOfDay: 0,
    });
    expect(localTime('2026-11-25T15:00:00.000Z', 'Asia/Jayapura')).toEqual({
      date: '2026-11-26',
      weekday: 'thu',
      minuteOfDay: 0,
    });
  });

  it('the service day follows the zone', () => {
    expect(serviceDayOf('2026-11-25T16:30:00.000Z', 'Asia/Jakarta')).toBe('2026-11-25');
    expect(serviceDayOf('2026-11-25T16:30:00.000Z', 'Asia/Makassar')).toBe('2026-11-26');
  });

  it('parses HH:MM clock strings', () => {
    expect(parseClock('00:00')).toBe(0);
    expect(parseClock('08:30')).toBe(510);
    expect(parseClock('24:00')).toBe(1440);
  });
});

describe('isServiceOpen (WIB, Wednesday 2026-11-25)', () => {
  it('opens at 08:00, not a minute earlier', () => {
    expect(openAt(wib, '2026-11-25T00:59:00.000Z')).toBe(false); // 07:59
    expect(openAt(wib, '2026-11-25T01:00:00.000Z')).toBe(true); // 08:00
  });

  it('closes for lunch at 12:00 and reopens at 13:00', () => {
    expect(openAt(wib, '2026-11-25T04:59:00.000Z')).toBe(true); // 11:59
    expect(openAt(wib, '2026-11-25T05:00:00.000Z')).toBe(false); // 12:00
    expect(openAt(wib, '2026-11-25T05:59:00.000Z')).toBe(false); // 12:59
    expect(openAt(wib, '2026-11-25T06:00:00.000Z')).toBe(true); // 13:00
  });

  it('closes at 16:00', () => {
    expect(openAt(wib, '2026-11-25T08:59:00.000Z')).toBe(true); // 15:59
    expect(openAt(wib, '2026-11-25T09:00:00.000Z')).toBe(false); // 16:00
  });

  it('keeps the Friday prayer break 11:00–13:30', () => {
    expect(openAt(wib, '2026-11-27T03:59:00.000Z')).toBe(true); // Fri 10:59
    expect(openAt(wib, '2026-11-27T04:00:00.000Z')).toBe(false); // Fri 11:00
    expect(openAt(wib, '2026-11-27T06:29:00.000Z')).toBe(false); // Fri 13:29
    expect(openAt(wib, '2026-11-27T06:30:00.000Z')).toBe(true); // Fri 13:30
  });

  it('opens Saturday morning only and not at all on Sunday', () => {
    expect(openAt(wib, '2026-11-28T03:00:00.000Z')).toBe(true); // Sat 10:00
    expect(openAt(wib, '2026-11-28T06:00:00.000Z')).toBe(false); // Sat 13:00
    expect(openAt(wib, '2026-11-29T03:00:00.000Z')).toBe(false); // Sun 10:00
  });

  it('takes the weekday from the local date, not the UTC one', () => {
    const saturdayOnly: QueueConfig = {
      ...testConfig,
      openingHours: { sat: [{ open: '00:00', close: '24:00' }] },
    };
    expect(openAt(saturdayOnly, '2026-11-27T16:59:00.000Z')).toBe(false); // Fri 23:59 WIB
    expect(openAt(saturdayOnly, '2026-11-27T17:00:00.000Z')).toBe(true); // Sat 00:00 WIB, Friday in UTC
    expect(openAt(saturdayOnly, '2026-11-28T16:59:00.000Z')).toBe(true); // Sat 23:59 WIB
    expect(openAt(saturdayOnly, '2026-11-28T17:00:00.000Z')).toBe(false); // Sun 00:00 WIB, Saturday in UTC
  });

  it("uses the site's zone: 08:00 WITA is 00:00Z, 16:00 WITA is 08:00Z", () => {
    expect(openAt(wita, '2026-11-24T23:59:00.000Z')).toBe(false); // Wed 07:59 WITA
    expect(openAt(wita, '2026-11-25T00:00:00.000Z')).toBe(true); // Wed 08:00 WITA (07:00 WIB)
    expect(openAt(wib, '2026-11-25T00:00:00.000Z')).toBe(false);
    expect(openAt(wita, '2026-11-25T08:00:00.000Z')).toBe(false); // 16:00 WITA
    expect(openAt(wib, '2026-11-25T08:00:00.000Z')).toBe(true); // 15:00 WIB
  });

  it("a service's own hours replace the site's", () => {
    const config: QueueConfig = {
      ...wib,
      services: wib.services.map((s) =>
        s.id === 'ktp' ? { ...s, openingHours: { wed: [{ open: '10:00', close: '11:00' }] } } : s,
      ),
    };
    expect(openAt(config, '2026-11-25T02:00:00.000Z', 'ktp')).toBe(false); // 09:00
    expect(openAt(config, '2026-11-25T02:00:00.000Z', 'skck')).toBe(true);
    expect(openAt(config, '2026-11-25T03:00:00.000Z', 'ktp')).toBe(true); // 10:00
    expect(openAt(config, '2026-11-25T07:00:00.000Z', 'ktp')).toBe(false); // 14:00, site open
  });
});

describe('issuing outside opening hours', () => {
  it('refuses with SERVICE_CLOSED before opening', () => {
    given([], wib).when(issueAt('a1', '2026-11-25T00:59:00.000Z')).thenFails('SERVICE_CLOSED');
  });

  it('refuses with SERVICE_CLOSED in the lunch break and at closing time', () => {
    given([], wib).when(issueAt('a1', '2026-11-25T05:30:00.000Z')).thenFails('SERVICE_CLOSED');
    given([], wib).when(issueAt('a1', '2026-11-25T09:00:00.000Z')).thenFails('SERVICE_CLOSED');
  });

  it('refuses with SERVICE_CLOSED on Sunday', () => {
    given([], wib).when(issueAt('a1', '2026-11-29T03:00:00.000Z')).thenFails('SERVICE_CLOSED');
  });

  it('issues at the opening minute', () => {
    given([], wib)
      .when(issueAt('a1', '2026-11-25T01:00:00.000Z'))
      .then([issued('a1', 'A001', 1, 0, { issuedAt: '2026-11-25T01:00:00.000Z' })]);
  });
});
