import { describe, expect, it } from 'vitest';
import { sessionsLeft, type BookableDay } from './booking-rules.ts';

const DAY: BookableDay = {
  date: '2026-12-07',
  sessions: [
    { id: 'pagi', start: '08:00', end: '10:00' },
    { id: 'siang', start: '10:00', end: '12:00' },
  ],
};

describe('sessionsLeft: the places a booking page offers', () => {
  it('given bookings taken per session, then each session shows its quota and what is left, never below zero', () => {
    expect(
      sessionsLeft(
        DAY,
        5,
        new Map([
          ['pagi', 7],
          ['siang', 2],
        ]),
      ),
    ).toEqual([
      { id: 'pagi', start: '08:00', end: '10:00', capacity: 5, left: 0 },
      { id: 'siang', start: '10:00', end: '12:00', capacity: 5, left: 3 },
    ]);
  });

  it('given no bookings, then every place is left; given a day that is not bookable, then no session', () => {
    expect(sessionsLeft(DAY, 4, new Map()).map((s) => s.left)).toEqual([4, 4]);
    expect(sessionsLeft(undefined, 4, new Map())).toEqual([]);
  });
});
