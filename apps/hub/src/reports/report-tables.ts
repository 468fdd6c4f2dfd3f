import type { BookingFiguresView, ReportRow, ReportStepCompliance, ReportView } from '@giliran/protocol';
import { regionTables, type ReportFileView } from './report-region-tables.ts';

// The report's tables, declared once: CSV, XLSX and PDF render the same columns with the same Indonesian headers.

/** How a value is shown: durations are seconds, shares 0–1; each file format renders them its own way. */
export type CellKind = 'text' | 'count' | 'decimal' | 'duration' | 'share';
export type CellValue = string | number | null;

export interface Column {
  readonly header: string;
  readonly kind: CellKind;
  /** Relative width: the PDF shares the page by it, the XLSX turns it into character widths. */
  readonly width: number;
}

export interface Table {
  /** Sheet name in the XLSX (≤ 31 characters) and section title elsewhere. */
  readonly name: string;
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly CellValue[])[];
  /** Shown last and in bold. */
  readonly total: readonly CellValue[] | null;
  /** What the columns mean, printed under the table. */
  readonly note: string | null;
}

const col = (header: string, kind: CellKind, width = 1): Column => ({ header, kind, width });

const DURATION_COLUMNS = [
  col('Tunggu rata-rata', 'duration'),
  col('Tunggu P90', 'duration'),
  col('Layanan rata-rata', 'duration'),
  col('Layanan P90', 'duration'),
];

const durations = (r: ReportRow): CellValue[] => [
  r.wait.averageSeconds,
  r.wait.p90Seconds,
  r.service.averageSeconds,
  r.service.p90Seconds,
];

const QUEUE_COLUMNS = [
  col('Nama', 'text', 3.7),
  // A year of a whole hall runs to seven digits.
  col('Terbit', 'count', 1.2),
  col('Prioritas', 'count'),
  col('Dilayani', 'count'),
  col('Diserahkan ke instansi', 'count', 1.1),
  col('Tidak hadir', 'count'),
  col('Batal', 'count'),
  col('Dialihkan', 'count'),
  col('Belum selesai', 'count'),
  col('Terlambat', 'count'),
  ...DURATION_COLUMNS,
];

const queueRow = (r: ReportRow): CellValue[] => [
  r.name.id,
  r.issued,
  r.priority,
  r.served,
  r.handedToAgency,
  r.noShows,
  r.cancelled,
  r.transferred,
  r.open,
  r.lateService,
  ...durations(r),
];

const DESK_COLUMNS = [
  col('Nama', 'text', 3.2),
  col('Dilayani', 'count'),
  col('Diserahkan ke instansi', 'count'),
  col('Tidak hadir', 'count'),
  col('Dialihkan', 'count'),
  ...DURATION_COLUMNS,
];

const deskRow = (r: ReportRow): CellValue[] => [
  r.name.id,
  r.served,
  r.handedToAgency,
  r.noShows,
  r.transferred,
  ...durations(r),
];

const QUEUE_NOTE =
  'Terbit dihitung pada layanan tujuan awal tiket, Dialihkan pada layanan asal pengalihan; angka lain pada layanan ' +
  'akhir tiket. Terlambat: tiket yang berhak kompensasi keterlambatan. Tunggu: dari ambil nomor sampai panggilan pertama. Layanan: dari langkah 4 (atau panggilan) ' +
  'sampai selesai. P90: persentil ke-90 metode peringkat terdekat atas semua tiket pada periode.';

const DESK_NOTE =
  'Tiket dihitung pada loket terakhir yang memegangnya dan petugas yang menyelesaikan atau menandainya tidak hadir; ' +
  'Dialihkan: pengalihan yang dilakukan di loket atau oleh petugas tersebut.';

/** "Langkah 4 · Penjelasan layanan & persyaratan": the number and the site's name of the step. */
export function stepLabel(steps: readonly number[], names: Readonly<Record<string, { id: string }>>): string {
  if (steps.length > 1) return `Langkah ${steps.join('–')} (tunggu panggilan)`;
  const name = names[steps.join('')]?.id;
  return name ? `Langkah ${steps.join('')} · ${name}` : `Langkah ${steps.join('')}`;
}

const complianceRow = (
  service: string,
  s: ReportStepCompliance,
  names: Readonly<Record<string, { id: string }>>,
): CellValue[] => [
  service,
  stepLabel(s.steps, names),
  s.standardSeconds,
  s.measured,
  s.withinStandard,
  s.late,
  s.handedOver,
  s.share,
  s.averageSeconds,
];

export function reportTables(view: ReportFileView): Table[] {
  return [
    ...regionTables(view),
    {
      name: 'Instansi',
      title: 'Rekap per instansi',
      columns: QUEUE_COLUMNS,
      rows: view.agencies.map(queueRow),
      total: queueRow(view.total),
      note: QUEUE_NOTE,
    },
    {
      name: 'Layanan',
      title: 'Rekap per layanan',
      columns: QUEUE_COLUMNS,
      rows: view.services.map(queueRow),
      total: queueRow(view.total),
      note: QUEUE_NOTE,
    },
    {
      name: 'Loket',
      title: 'Rekap per loket',
      columns: DESK_COLUMNS,
      rows: view.counters.map(deskRow),
      total: null,
      note: DESK_NOTE,
    },
    {
      name: 'Petugas',
      title: 'Rekap per petugas',
      columns: DESK_COLUMNS,
      rows: view.officers.map(deskRow),
      total: null,
      note: DESK_NOTE,
    },
    {
      name: 'Kepatuhan SOP',
      title: 'Kepatuhan SOP per langkah',
      columns: [
        col('Layanan', 'text', 3),
        col('Langkah', 'text', 2.6),
        col('Standar', 'duration'),
        col('Diukur', 'count'),
        col('Sesuai standar', 'count'),
        col('Terlambat', 'count'),
        col('Diserahkan ke instansi', 'count'),
        col('Kepatuhan', 'share'),
        col('Rata-rata', 'duration'),
      ],
      rows: view.compliance.services.flatMap((s) =>
        s.steps.map((step) => complianceRow(s.name.id, step, view.sopSteps)),
      ),
      total: null,
      note:
        'Kepatuhan = sesuai standar ÷ (sesuai + terlambat); tepat pada standar dihitung sesuai. Langkah 7 yang ' +
        'diserahkan ke SOP instansi tidak dihitung terlambat. Langkah 2–3 diukur dari ambil nomor sampai panggilan.',
    },
    {
      name: 'Kompensasi',
      title: 'Kompensasi (SK 108/2024)',
      columns: [
        col('Jenis', 'text', 3),
        col('Diajukan', 'count'),
        col('Selesai', 'count'),
        col('Terbuka', 'count'),
      ],
      rows: view.compensations.kinds.map((k) => [k.name.id, k.raised, k.resolved, k.open]),
      total: [
        'Total',
        view.compensations.total.raised,
        view.compensations.total.resolved,
        view.compensations.total.open,
      ],
      note: 'Kompensasi yang diajukan pada periode ini; Selesai dan Terbuka menurut keadaan saat laporan dibuat.',
    },
    {
      name: 'Kedatangan per jam',
      title: 'Kedatangan per jam',
      columns: [col('Jam', 'text', 2), col('Tiket terbit', 'count'), col('Rata-rata per hari', 'decimal')],
      rows: view.arrivals.map((count, hour) => [hourLabel(hour), count, perDay(count, view.days)]),
      total: ['Total', arrivalsTotal(view), perDay(arrivalsTotal(view), view.days)],
      note: `Jam setempat (${view.site.timeZone}).`,
    },
    ...bookingTables(view),
  ];
}

const BOOKING_COLUMNS = [
  col('Tiket daring', 'count'),
  col('Tiket langsung', 'count'),
  col('Dilayani daring', 'count'),
  col('Dilayani langsung', 'count'),
  col('Tunggu rata-rata daring', 'duration'),
  col('Tunggu rata-rata langsung', 'duration'),
  col('Pesanan', 'count'),
  col('Batal', 'count'),
  col('Lapor hadir', 'count'),
  col('Tidak datang', 'count'),
  col('Dipanggil tidak hadir', 'count'),
  col('Tingkat tidak hadir', 'share'),
  col('Awal', 'count'),
  col('Tepat waktu', 'count'),
  col('Terlambat', 'count'),
];

const bookingCells = (f: BookingFiguresView): CellValue[] => [
  f.booked.tickets,
  f.walkIn.tickets,
  f.booked.served,
  f.walkIn.served,
  f.booked.meanWaitSeconds,
  f.walkIn.meanWaitSeconds,
  f.bookings.made,
  f.bookings.cancelled,
  f.bookings.checkedIn,
  f.bookings.missed,
  f.bookings.calledNoShow,
  f.bookings.noShowRate,
  f.punctuality.early,
  f.punctuality.onTime,
  f.punctuality.late,
];

const BOOKING_NOTE =
  'Daring: tiket dari pesanan daring yang lapor hadir; langsung: tiket lain pada layanan yang sama. Tunggu: dari ' +
  'ambil nomor (lapor hadir) sampai panggilan pertama. Tidak datang: pesanan yang tidak lapor hadir sampai batas; ' +
  'Dipanggil tidak hadir: lapor hadir lalu tidak hadir saat dipanggil. Tingkat tidak hadir = (tidak datang + ' +
  'dipanggil tidak hadir) ÷ (lapor hadir + tidak datang); pesanan batal dan yang belum jatuh waktu tidak dihitung. ' +
  'Lapor hadir terhadap mulai sesi: awal lebih dari 10 menit sebelum, tepat waktu 10 menit sebelum sampai tepat ' +
  'mulai, terlambat sesudah mulai.';

/** Online booking (issue 18): per service over the range and per day; none for a hall without bookings. */
function bookingTables(view: ReportView): Table[] {
  const b = view.bookings;
  if (!b) return [];
  return [
    {
      name: 'Antrean daring',
      title: 'Antrean daring dan langsung per layanan',
      columns: [col('Layanan', 'text', 3), ...BOOKING_COLUMNS],
      rows: b.services.map((s) => [s.name.id, ...bookingCells(s)]),
      total: ['Total', ...bookingCells(b.total)],
      note: BOOKING_NOTE,
    },
    {
      name: 'Antrean daring per hari',
      title: 'Antrean daring per hari dan layanan',
      columns: [col('Tanggal', 'text', 1.4), col('Layanan', 'text', 3), ...BOOKING_COLUMNS],
      rows: b.days.map((d) => [d.day, d.name.id, ...bookingCells(d)]),
      total: null,
      note: 'Hanya hari dan layanan yang memiliki pesanan daring.',
    },
  ];
}

function perDay(count: number, days: number): number {
  return Math.round((count / Math.max(1, days)) * 10) / 10;
}

export function arrivalsTotal(view: ReportView): number {
  return view.arrivals.reduce((a, b) => a + b, 0);
}

export function hourLabel(hour: number): string {
  const hh = String(hour).padStart(2, '0');
  return `${hh}.00–${hh}.59`;
}

/** The compliance of all services per step: the headline the PDF puts above the per-service table. */
export function complianceTotalTable(view: ReportView): Table {
  return {
    name: 'Kepatuhan SOP (total)',
    title: 'Kepatuhan SOP, semua layanan',
    columns: [
      col('Langkah', 'text', 3),
      col('Diukur', 'count'),
      col('Sesuai standar', 'count'),
      col('Terlambat', 'count'),
      col('Diserahkan ke instansi', 'count'),
      col('Kepatuhan', 'share'),
      col('Rata-rata', 'duration'),
    ],
    rows: view.compliance.total.map((s) => [
      stepLabel(s.steps, view.sopSteps),
      s.measured,
      s.withinStandard,
      s.late,
      s.handedOver,
      s.share,
      s.averageSeconds,
    ]),
    total: null,
    note: null,
  };
}
