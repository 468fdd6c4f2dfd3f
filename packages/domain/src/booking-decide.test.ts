import { describe, expect, it } from 'vitest';
import { decideMakeBooking, decideNoShows } from './booking-decide.ts';
import { bookableDays, bookableQuota, DEFAULT_BOOKING_RULES } from './booking-rules.ts';
import { BookingBook, KTP, refuses, WEEKDAY_HOURS } from './testing/booking-book.ts';

// Wednesday 25 November 2026 in WIB (UTC+7): `wib(day, "HH:MM")` is that local time as an instant.
const wib = (date: string, hhmm: string): string => new Date(`${date}T${hhmm}:00+07:00`).toISOString();
const WED = '2026-11-25';
const THU = '2026-11-26';
const FRI = '2026-11-27';
const early = wib(WED, '07:00');

describe('the days and sessions offered', () => {
  it('skips weekends and holidays, and today keeps only the sessions still ahead', () => {
    const rules = { ...DEFAULT_BOOKING_RULES, horizonDays: 3 };
    const days = bookableDays(rules, KTP, WEEKDAY_HOURS, new Set([FRI]), wib(WED, '10:30'), 'Asia/Jakarta');
    expect(days.map((d) => [d.date, d.sessions.map((s) => s.id)])).toEqual([
      [WED, ['s3']],
      [THU, ['s1', 's2', 's3']],
      ['2026-11-30', ['s1', 's2', 's3']],
    ]);
  });

  it('holds only the sessions inside the service hours of that weekday', () => {
    const hours = { ...WEEKDAY_HOURS, fri: [{ open: '08:00', close: '11:30' }] };
    const days = bookableDays(DEFAULT_BOOKING_RULES, KTP, hours, new Set(), early, 'Asia/Jakarta');
    expect(days.find((d) => d.date === FRI)?.sessions.map((s) => s.id)).toEqual(['s1']);
  });

  it('keeps the walk-in share of each session out of the quota', () => {
    expect(bookableQuota(8, 0.5)).toBe(4);
    expect(bookableQuota(5, 0.3)).toBe(3);
    expect(bookableQuota(3, 1)).toBe(0);
  });
});

describe('making a booking', () => {
  it('gives the slot, the session times and the check-in window (30 min before to 15 after the start)', () => {
    const [made] = new BookingBook().make('BK1', THU, 's1', '628111', early);
    expect(made).toEqual({
      type: 'booking:made',
      at: early,
      by: 'public',
      origin: 'hub',
      code: 'BK1',
      serviceId: 'ktp',
      date: THU,
      sessionId: 's1',
      start: '08:00',
      end: '10:00',
      name: 'Sari',
      phone: '628111',
      locale: 'id',
      checkInFrom: wib(THU, '07:30'),
      checkInUntil: wib(THU, '08:15'),
    });
  });

  it('refuses a session whose quota is taken, and a cancel gives the place back', () => {
    const book = new BookingBook();
    for (const n of [1, 2, 3, 4]) book.make(`B${n}`, THU, 's1', `62${n}`, early);
    refuses(() => book.make('B5', THU, 's1', '625', early), 'BOOKING_SESSION_FULL');
    book.cancel('B2', early);
    expect(book.make('B5', THU, 's1', '625', early)[0]?.type).toBe('booking:made');
  });

  it('limits the open bookings of one phone number', () => {
    const book = new BookingBook();
    book.make('B1', THU, 's1', '628', early);
    book.make('B2', THU, 's2', '628', early);
    refuses(() => book.make('B3', THU, 's3', '628', early), 'BOOKING_PHONE_LIMIT');
  });

  it('refuses a holiday, a weekend, a session already started, a session not held and a day past the horizon', () => {
    const book = new BookingBook(DEFAULT_BOOKING_RULES, KTP, new Set([FRI]));
    refuses(() => book.make('B1', FRI, 's1', '62', early), 'BOOKING_DATE_UNAVAILABLE');
    refuses(() => book.make('B1', '2026-11-28', 's1', '62', early), 'BOOKING_DATE_UNAVAILABLE');
    refuses(() => book.make('B1', WED, 's1', '62', wib(WED, '08:01')), 'BOOKING_DATE_UNAVAILABLE');
    refuses(() => book.make('B1', THU, 's9', '62', early), 'BOOKING_DATE_UNAVAILABLE');
    refuses(() => book.make('B1', '2027-01-05', 's1', '62', early), 'BOOKING_DATE_UNAVAILABLE');
  });

  it('refuses a service that takes no bookings', () => {
    const facts = { ...new BookingBook().facts(early, { date: THU, sessionId: 's1' }, '62'), service: null };
    const command = { code: 'X', serviceId: 'ktp', date: THU, sessionId: 's1', name: 'A', phone: '62' };
    refuses(
      () => decideMakeBooking({ ...command, locale: 'id', by: 'public', origin: 'hub' }, facts),
      'BOOKING_NOT_OFFERED',
    );
  });
});

describe('repeated no-shows', () => {
  const noShow = (book: BookingBook, code: string, date: string) => {
    book.make(code, date, 's1', '628', wib(WED, '07:00'));
    const missed = decideNoShows([...book.byCode.values()], wib(date, '09:00'));
    book.apply(missed);
  };

  it('never block by default', () => {
    const book = new BookingBook();
    noShow(book, 'N1', THU);
    noShow(book, 'N2', FRI);
    expect(book.make('B1', '2026-11-30', 's2', '628', wib(FRI, '10:00'))[0]?.type).toBe('booking:made');
  });

  it('block the number for a while when the site turned the block on', () => {
    const rules = { ...DEFAULT_BOOKING_RULES, noShowBlock: { noShows: 2, withinDays: 30, blockDays: 7 } };
    const book = new BookingBook(rules);
    noShow(book, 'N1', THU);
    noShow(book, 'N2', FRI);
    refuses(() => book.make('B1', '2026-11-30', 's2', '628', wib(FRI, '10:00')), 'BOOKING_PHONE_BLOCKED');
    expect(book.make('B1', '2026-12-07', 's2', '628', wib('2026-12-04', '10:00'))[0]?.type).toBe(
      'booking:made',
    );
  });
});

describe('checking in', () => {
  const booked = () => new BookingBook().apply(new BookingBook().make('BK', THU, 's1', '62', early));

  it('opens 30 minutes before the session and closes 15 minutes after its start', () => {
    refuses(() => booked().checkIn('BK', 't1', wib(THU, '07:29')), 'BOOKING_CHECK_IN_TOO_EARLY');
    expect(booked().checkIn('BK', 't1', wib(THU, '07:30'))[0]).toMatchObject({
      type: 'booking:checked-in',
      ticketId: 't1',
      minutesFromStart: -30,
    });
    expect(booked().checkIn('BK', 't1', wib(THU, '08:15'))[0]).toMatchObject({ minutesFromStart: 15 });
    refuses(() => booked().checkIn('BK', 't1', wib(THU, '08:16')), 'BOOKING_CHECK_IN_TOO_LATE');
  });

  it('happens once: a second check-in of the same booking is refused', () => {
    const book = booked();
    book.checkIn('BK', 't1', wib(THU, '07:50'));
    refuses(() => book.checkIn('BK', 't2', wib(THU, '07:51')), 'BOOKING_ALREADY_USED');
  });

  it('refuses a cancelled booking and an unknown code', () => {
    const book = booked();
    book.cancel('BK', early);
    refuses(() => book.checkIn('BK', 't1', wib(THU, '07:50')), 'BOOKING_CANCELLED');
    refuses(() => book.checkIn('NOPE', 't1', wib(THU, '07:50')), 'BOOKING_NOT_FOUND');
  });
});

describe('moving and cancelling', () => {
  it('moves to a session with room, freeing the old place; a full session refuses', () => {
    const book = new BookingBook();
    book.make('M', THU, 's1', '60', early);
    for (const n of [1, 2, 3, 4]) book.make(`F${n}`, THU, 's2', `61${n}`, early);
    refuses(() => book.move('M', THU, 's2', early), 'BOOKING_SESSION_FULL');
    expect(book.move('M', THU, 's3', early)[0]).toMatchObject({
      type: 'booking:moved',
      sessionId: 's3',
      start: '13:00',
      from: { sessionId: 's1', start: '08:00' },
      checkInFrom: wib(THU, '12:30'),
    });
    expect(book.facts(early, { date: THU, sessionId: 's1' }, '60').taken).toBe(0);
  });

  it('refuses to move or cancel a booking already used or whose check-in closed', () => {
    const book = new BookingBook();
    book.make('U', THU, 's1', '60', early);
    book.checkIn('U', 't1', wib(THU, '07:45'));
    refuses(() => book.cancel('U', wib(THU, '07:46')), 'BOOKING_ALREADY_USED');
    book.make('L', THU, 's2', '61', early);
    refuses(() => book.move('L', THU, 's3', wib(THU, '10:16')), 'BOOKING_CLOSED');
  });

  it('marks a booking not checked in by the close of its window as a no-show, once', () => {
    const book = new BookingBook();
    book.make('A', THU, 's1', '60', early);
    book.make('B', THU, 's2', '61', early);
    const missed = decideNoShows([...book.byCode.values()], wib(THU, '08:16'));
    expect(missed.map((e) => [e.type, e.code])).toEqual([['booking:no-show', 'A']]);
    book.apply(missed);
    expect(decideNoShows([...book.byCode.values()], wib(THU, '08:17'))).toEqual([]);
  });
});
