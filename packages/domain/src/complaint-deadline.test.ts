import { describe, expect, it } from 'vitest';
import { complaintDeadline, isPastDeadline } from './complaint-deadline.ts';
import { DEFAULT_COMPLAINT_DEADLINES } from './complaint-types.ts';

const WIB = 'Asia/Pontianak';
const CALENDAR = new Set(['2026-12-24', '2026-12-25']);

describe('complaint deadlines by category', () => {
  it('gives a ringan complaint 3 hours on the clock, weekends and nights included', () => {
    // Fri 27 Nov 2026 22:30 WIB → Sat 28 Nov 01:30 WIB.
    expect(
      complaintDeadline('2026-11-27T15:30:00.000Z', DEFAULT_COMPLAINT_DEADLINES.ringan, WIB, CALENDAR),
    ).toEqual({ deadlineAt: '2026-11-27T18:30:00.000Z', lastDay: null });
  });

  it('gives normatif 5, tidak berkadar pengawasan 14 and berkadar pengawasan 60 working days', () => {
    const received = '2026-11-25T03:00:00.000Z'; // Wednesday 10:00 WIB
    const due = (category: keyof typeof DEFAULT_COMPLAINT_DEADLINES) =>
      complaintDeadline(received, DEFAULT_COMPLAINT_DEADLINES[category], WIB, CALENDAR).lastDay;
    expect(due('normatif')).toBe('2026-12-02');
    // 26–27 Nov, 30 Nov–4 Dec, 7–11 Dec (12), 14–15 Dec (14).
    expect(due('tidak_berkadar_pengawasan')).toBe('2026-12-15');
    // To 15 Dec (14); 16–18 (17), 21–23 (20), 28–31 (24); 1–29 Jan has 21 here, as this calendar has no New
    // Year (45); 1–19 Feb (60).
    expect(due('berkadar_pengawasan')).toBe('2027-02-19');
  });

  it('is late from the deadline instant on', () => {
    expect(isPastDeadline('2026-12-02T17:00:00.000Z', '2026-12-02T16:59:59.999Z')).toBe(false);
    expect(isPastDeadline('2026-12-02T17:00:00.000Z', '2026-12-02T17:00:00.000Z')).toBe(true);
  });
});
