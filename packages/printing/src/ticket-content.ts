import { clockText } from '@giliran/protocol/clock-text';
/** Pelayanan khusus (UU 25/2009 Pasal 29); mirrors `PriorityCategory` of `@giliran/domain`. */
export type TicketPriority = 'lansia' | 'disabilitas' | 'ibu_hamil' | 'anak' | 'korban_bencana';

export type TicketLanguage = 'id' | 'en';

/** Everything a ticket says, already in the citizen's language: layout and printing only arrange it. */
export interface TicketContent {
  readonly siteName: string;
  readonly agencyName: string;
  readonly serviceName: string;
  /** The queue number, e.g. `A012`. */
  readonly number: string;
  /** e.g. `PRIORITAS · Lansia`; `null` on a regular ticket. */
  readonly priorityLabel: string | null;
  /** e.g. `Rabu, 25 Nov 2026 09:12 WIB`. */
  readonly issuedAtText: string;
  /** e.g. `3 orang menunggu di depan Anda`. */
  readonly aheadText: string;
  /** e.g. `Perkiraan waktu tunggu ± 12 menit`; `null` when no estimate is known. */
  readonly estimateText: string | null;
  /** Encoded in the QR code: where the citizen follows the queue on a phone; empty when no public address is known. */
  readonly statusUrl: string;
  /**
   * e.g. `Kode survei & status: ABCDE-FGHJK`, printed under the QR (or alone when there is no QR) for typing at the
   * survey without a smartphone; `null` when the caller gave no code.
   */
  readonly codeText: string | null;
  readonly footerLines: readonly string[];
  /**
   * e.g. `ANTREAN DARING · Kode pesanan K7M2QX9P · Sesi 08:00` on a checked-in booking's ticket: the mark first,
   * big, then the booking under it; absent or `null` on a walk-in's.
   */
  readonly bookedLabel?: string | null;
}

export interface TicketContentInput {
  readonly siteName: string;
  readonly agencyName: string;
  /** Already in the ticket's language. */
  readonly serviceName: string;
  readonly number: string;
  readonly priority: TicketPriority | null;
  /** ISO 8601 instant. */
  readonly issuedAt: string;
  /** The site's IANA zone, e.g. `Asia/Pontianak`. */
  readonly timeZone: string;
  /** Tickets called before this one, as the hub counts them. */
  readonly ahead: number;
  readonly estimatedWaitMinutes: number | null;
  /** A range the hub is unsure within (printed "sekitar 20–30 menit"); absent or equal ends print one figure. */
  readonly estimateRange?: { readonly low: number; readonly high: number } | null;
  /** Counters paused or the service closed: said on the paper beside the figure. */
  readonly estimateHoldUp?: 'paused' | 'closed' | null;
  readonly statusUrl: string;
  /** The ticket's secret code (the key to its status page and its SKM survey), printed grouped under the QR. */
  readonly code?: string;
  /** Replaces the default footer (service promise, SKM invitation, keep the ticket). */
  readonly footerLines?: readonly string[];
  /** A checked-in online booking's ticket: its booking code and its session's start (ISO instant). */
  readonly booking?: { readonly code: string; readonly startsAt: string } | null;
}

interface Wording {
  readonly days: readonly string[];
  readonly months: readonly string[];
  readonly priorityPrefix: string;
  readonly priorities: Readonly<Record<TicketPriority, string>>;
  readonly ahead: (count: number) => string;
  readonly estimate: (duration: string) => string;
  readonly estimateRange: (low: number, high: number) => string;
  readonly holdUp: Readonly<Record<'paused' | 'closed', string>>;
  readonly duration: (hours: number, minutes: number) => string;
  readonly footer: readonly string[];
  readonly code: (grouped: string) => string;
  readonly booked: (code: string, session: string) => string;
}

// Sunday first, as Date.getUTCDay() counts.
const WORDING: Readonly<Record<TicketLanguage, Wording>> = {
  id: {
    days: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
    months: [
      'Januari',
      'Februari',
      'Maret',
      'April',
      'Mei',
      'Juni',
      'Juli',
      'Agustus',
      'September',
      'Oktober',
      'November',
      'Desember',
    ],
    priorityPrefix: 'PRIORITAS',
    priorities: {
      lansia: 'Lansia',
      disabilitas: 'Penyandang Disabilitas',
      ibu_hamil: 'Ibu Hamil',
      anak: 'Anak',
      korban_bencana: 'Korban Bencana',
    },
    ahead: (count) =>
      count === 0 ? 'Tidak ada antrean di depan Anda' : `${count} orang menunggu di depan Anda`,
    estimate: (duration) => `Perkiraan waktu tunggu ± ${duration}`,
    estimateRange: (low, high) => `Perkiraan waktu tunggu sekitar ${low}–${high} menit`,
    holdUp: { paused: 'loket sedang istirahat', closed: 'layanan belum buka' },
    duration: (hours, minutes) =>
      [hours > 0 ? `${hours} jam` : '', minutes > 0 || hours === 0 ? `${minutes} menit` : '']
        .filter(Boolean)
        .join(' '),
    code: (grouped) => `Kode survei & status: ${grouped}`,
    booked: (code, session) => `ANTREAN DARING · Kode pesanan ${code} · Sesi ${session}`,
    footer: [
      'Kami melayani dengan cepat, tepat dan ramah.',
      'Mohon isi Survei Kepuasan Masyarakat (SKM) setelah dilayani.',
      'Simpan tiket ini sampai layanan selesai.',
    ],
  },
  en: {
    days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    months: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
    priorityPrefix: 'PRIORITY',
    priorities: {
      lansia: 'Senior citizen',
      disabilitas: 'Person with disability',
      ibu_hamil: 'Pregnant woman',
      anak: 'Child',
      korban_bencana: 'Disaster victim',
    },
    ahead: (count) =>
      count === 0
        ? 'No one is waiting ahead of you'
        : `${count} ${count === 1 ? 'person' : 'people'} waiting ahead of you`,
    estimate: (duration) => `Estimated waiting time ± ${duration}`,
    estimateRange: (low, high) => `Estimated waiting time about ${low}–${high} minutes`,
    holdUp: { paused: 'counters on a break', closed: 'service not open yet' },
    duration: (hours, minutes) =>
      [
        hours > 0 ? `${hours} ${hours === 1 ? 'hour' : 'hours'}` : '',
        minutes > 0 || hours === 0 ? `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}` : '',
      ]
        .filter(Boolean)
        .join(' '),
    code: (grouped) => `Survey & status code: ${grouped}`,
    booked: (code, session) => `ONLINE BOOKING · Booking code ${code} · Session ${session}`,
    footer: [
      'We serve quickly, accurately and courteously.',
      'Please fill in the Public Satisfaction Survey (SKM) after your service.',
      'Keep this ticket until your service is complete.',
    ],
  },
};

// Indonesia's three legal zones (Keppres 41/1987); IANA keeps a few aliases per zone.
const ZONE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Ujung_Pandang': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** `WIB`, `WITA` or `WIT`; outside Indonesia the offset, e.g. `GMT+8`. */
export function zoneAbbreviation(timeZone: string, at: Date = new Date()): string {
  const known = ZONE_ABBREVIATIONS[timeZone];
  if (known !== undefined) return known;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(at);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(instant: Date, timeZone: string) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? NaN);
  const year = part('year');
  const month = part('month');
  const day = part('day');
  // The weekday of a calendar date does not depend on the zone, so UTC arithmetic is exact.
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return { year, month, day, weekday, hour: part('hour'), minute: part('minute') };
}

/**
 * `Rabu, 25 Nov 2026 09:12 WIB`: the month is shortened (Agu, Okt, Des …) so the line fits a 58 mm
 * ticket's 32 columns.
 */
export function formatIssuedAt(issuedAt: string, timeZone: string, lang: TicketLanguage): string {
  const instant = new Date(issuedAt);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`issuedAt is not a valid instant: "${issuedAt}"`);
  const wording = WORDING[lang];
  const t = wallClock(instant, timeZone);
  const day = wording.days[t.weekday] ?? '';
  const month = (wording.months[t.month - 1] ?? '').slice(0, 3);
  const clock = clockText(t.hour, t.minute);
  return `${day}, ${t.day} ${month} ${t.year} ${clock} ${zoneAbbreviation(timeZone, instant)}`;
}

function formatEstimate(input: TicketContentInput, wording: Wording): string | null {
  const minutes = input.estimatedWaitMinutes;
  if (minutes === null || !Number.isFinite(minutes) || minutes < 0) return null;
  const range = input.estimateRange;
  // "± 0 minutes" reads as "now"; a citizen is better told a minute.
  const total = Math.max(1, Math.round(minutes));
  const text =
    range && range.low < range.high
      ? wording.estimateRange(range.low, range.high)
      : wording.estimate(wording.duration(Math.floor(total / 60), total % 60));
  return input.estimateHoldUp ? `${text} (${wording.holdUp[input.estimateHoldUp]})` : text;
}

export function composeTicketContent(input: TicketContentInput, lang: TicketLanguage): TicketContent {
  const wording = WORDING[lang];
  return {
    siteName: input.siteName,
    agencyName: input.agencyName,
    serviceName: input.serviceName,
    number: input.number,
    priorityLabel:
      input.priority === null ? null : `${wording.priorityPrefix} · ${wording.priorities[input.priority]}`,
    issuedAtText: formatIssuedAt(input.issuedAt, input.timeZone, lang),
    aheadText: wording.ahead(Math.max(0, Math.trunc(input.ahead))),
    estimateText: formatEstimate(input, wording),
    statusUrl: input.statusUrl,
    codeText: input.code ? wording.code(groupedCode(input.code)) : null,
    footerLines: input.footerLines ?? wording.footer,
    ...(input.booking ? { bookedLabel: bookedLabel(input.booking, input.timeZone, wording) } : {}),
  };
}

/** The session as the citizen booked it, in the site's wall-clock time (`08:00`). */
function bookedLabel(
  booking: NonNullable<TicketContentInput['booking']>,
  timeZone: string,
  wording: Wording,
): string {
  const start = new Date(booking.startsAt);
  if (Number.isNaN(start.getTime())) return wording.booked(booking.code, '');
  const local = wallClock(start, timeZone);
  return wording.booked(booking.code, clockText(local.hour, local.minute));
}

/** `ABCDE-FGHJK`: two groups of five are easier to type from paper than ten letters in a row. */
export function groupedCode(code: string): string {
  return code.length > 5 ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
}
