import { describe, expect, it } from 'vitest';
import { composeTicketContent, formatIssuedAt } from './ticket-content.ts';
import type { TicketContentInput } from './ticket-content.ts';

const input: TicketContentInput = {
  siteName: 'MPP Kabupaten Kubu Raya',
  agencyName: 'Disdukcapil',
  serviceName: 'Perekaman KTP-el',
  number: 'A012',
  priority: null,
  issuedAt: '2026-11-25T02:12:00Z',
  timeZone: 'Asia/Pontianak',
  ahead: 3,
  estimatedWaitMinutes: 12,
  statusUrl: 'https://antrean.example.go.id/t/A012',
};

describe('composeTicketContent in Indonesian', () => {
  const content = composeTicketContent(input, 'id');

  it('says who, what and when as the ticket prints it', () => {
    expect(content).toEqual({
      siteName: 'MPP Kabupaten Kubu Raya',
      agencyName: 'Disdukcapil',
      serviceName: 'Perekaman KTP-el',
      number: 'A012',
      priorityLabel: null,
      issuedAtText: 'Rabu, 25 Nov 2026 09.12 WIB',
      aheadText: '3 orang menunggu di depan Anda',
      estimateText: 'Perkiraan waktu tunggu ± 12 menit',
      statusUrl: 'https://antrean.example.go.id/t/A012',
      codeText: null,
      footerLines: [
        'Kami melayani dengan cepat, tepat dan ramah.',
        'Mohon isi Survei Kepuasan Masyarakat (SKM) setelah dilayani.',
        'Simpan tiket ini sampai layanan selesai.',
      ],
    });
  });

  it('labels each priority category', () => {
    const label = (priority: TicketContentInput['priority']) =>
      composeTicketContent({ ...input, priority }, 'id').priorityLabel;
    expect(label('lansia')).toBe('PRIORITAS · Lansia');
    expect(label('disabilitas')).toBe('PRIORITAS · Penyandang Disabilitas');
    expect(label('ibu_hamil')).toBe('PRIORITAS · Ibu Hamil');
    expect(label('anak')).toBe('PRIORITAS · Anak');
    expect(label('korban_bencana')).toBe('PRIORITAS · Korban Bencana');
  });

  it('tells the first in line that nobody is ahead', () => {
    expect(composeTicketContent({ ...input, ahead: 0 }, 'id').aheadText).toBe(
      'Tidak ada antrean di depan Anda',
    );
  });

  it('gives long waits in hours and minutes, and no estimate when none is known', () => {
    const estimate = (minutes: number | null) =>
      composeTicketContent({ ...input, estimatedWaitMinutes: minutes }, 'id').estimateText;
    expect(estimate(75)).toBe('Perkiraan waktu tunggu ± 1 jam 15 menit');
    expect(estimate(120)).toBe('Perkiraan waktu tunggu ± 2 jam');
    expect(estimate(0)).toBe('Perkiraan waktu tunggu ± 1 menit');
    expect(estimate(null)).toBeNull();
  });

  it('keeps a footer the site wrote itself', () => {
    expect(composeTicketContent({ ...input, footerLines: ['Terima kasih'] }, 'id').footerLines).toEqual([
      'Terima kasih',
    ]);
  });
});

describe('composeTicketContent in English', () => {
  it('says the same in English', () => {
    const content = composeTicketContent({ ...input, priority: 'ibu_hamil' }, 'en');
    expect(content.issuedAtText).toBe('Wednesday, 25 Nov 2026 09.12 WIB');
    expect(content.priorityLabel).toBe('PRIORITY · Pregnant woman');
    expect(content.aheadText).toBe('3 people waiting ahead of you');
    expect(content.estimateText).toBe('Estimated waiting time ± 12 minutes');
    expect(content.footerLines).toEqual([
      'We serve quickly, accurately and courteously.',
      'Please fill in the Public Satisfaction Survey (SKM) after your service.',
      'Keep this ticket until your service is complete.',
    ]);
  });

  it('counts one person and one minute in the singular', () => {
    const content = composeTicketContent({ ...input, ahead: 1, estimatedWaitMinutes: 61 }, 'en');
    expect(content.aheadText).toBe('1 person waiting ahead of you');
    expect(content.estimateText).toBe('Estimated waiting time ± 1 hour 1 minute');
    expect(composeTicketContent({ ...input, ahead: 0 }, 'en').aheadText).toBe(
      'No one is waiting ahead of you',
    );
  });
});

describe('formatIssuedAt', () => {
  const at = '2026-11-25T02:12:00Z';

  it('uses WIB in the west, WITA in the centre and WIT in the east of Indonesia', () => {
    expect(formatIssuedAt(at, 'Asia/Jakarta', 'id')).toBe('Rabu, 25 Nov 2026 09.12 WIB');
    expect(formatIssuedAt(at, 'Asia/Pontianak', 'id')).toBe('Rabu, 25 Nov 2026 09.12 WIB');
    expect(formatIssuedAt(at, 'Asia/Makassar', 'id')).toBe('Rabu, 25 Nov 2026 10.12 WITA');
    expect(formatIssuedAt(at, 'Asia/Jayapura', 'id')).toBe('Rabu, 25 Nov 2026 11.12 WIT');
  });

  it("takes the day from the site's zone: 23:30 UTC is already Thursday in Jayapura", () => {
    expect(formatIssuedAt('2026-11-25T17:30:00Z', 'Asia/Jayapura', 'id')).toBe(
      'Kamis, 26 Nov 2026 02.30 WIT',
    );
    expect(formatIssuedAt('2026-11-25T17:30:00Z', 'Asia/Jakarta', 'id')).toBe('Kamis, 26 Nov 2026 00.30 WIB');
  });

  it('names every weekday in Indonesian, Monday to Sunday', () => {
    const days = [23, 24, 25, 26, 27, 28, 29].map(
      (day) => formatIssuedAt(`2026-11-${day}T03:00:00Z`, 'Asia/Jakarta', 'id').split(',')[0],
    );
    expect(days).toEqual(['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu']);
  });

  it('shortens the Indonesian month names (Januari … Desember)', () => {
    const months = Array.from(
      { length: 12 },
      (_, month) =>
        formatIssuedAt(new Date(Date.UTC(2026, month, 15, 3)).toISOString(), 'Asia/Jakarta', 'id').split(
          ' ',
        )[2],
    );
    expect(months).toEqual([
      'Jan',
      'Feb',
      'Mar',
      'Apr',
      'Mei',
      'Jun',
      'Jul',
      'Agu',
      'Sep',
      'Okt',
      'Nov',
      'Des',
    ]);
  });

  it('falls back to the UTC offset outside Indonesia', () => {
    expect(formatIssuedAt(at, 'Asia/Singapore', 'en')).toBe('Wednesday, 25 Nov 2026 10.12 GMT+8');
  });

  it('refuses an instant it cannot read', () => {
    expect(() => formatIssuedAt('kemarin', 'Asia/Jakarta', 'id')).toThrow(RangeError);
  });

  it('marks a checked-in booking with its code and session in local time, and nothing on a walk-in', () => {
    const booking = { code: 'K7M2QX9P', startsAt: '2026-11-25T01:00:00Z' };
    expect(composeTicketContent({ ...input, booking }, 'id').bookedLabel).toBe(
      'ANTREAN DARING · Kode pesanan K7M2QX9P · Sesi 08.00',
    );
    expect(
      composeTicketContent({ ...input, timeZone: 'Asia/Makassar', booking }, 'en').bookedLabel,
    ).toBe('ONLINE BOOKING · Booking code K7M2QX9P · Session 09.00');
    expect(composeTicketContent(input, 'id').bookedLabel).toBeUndefined();
  });

  it('prints a range when the hub is unsure, and why nobody is calling when counters pause', () => {
    const range = composeTicketContent({ ...input, estimateRange: { low: 20, high: 30 } }, 'id');
    expect(range.estimateText).toBe('Perkiraan waktu tunggu sekitar 20–30 menit');
    const held = composeTicketContent(
      { ...input, estimatedWaitMinutes: 50, estimateRange: { low: 45, high: 75 }, estimateHoldUp: 'paused' },
      'en',
    );
    expect(held.estimateText).toBe('Estimated waiting time about 45–75 minutes (counters on a break)');
  });
});
