import type { RegionSections, ReportView } from '@giliran/protocol';
import type { CellValue, Column, Table } from './report-tables.ts';

/** A report of the region (central): the hub's own view of the combined figures plus the region's sections. */
export type ReportFileView = ReportView & { readonly region?: RegionSections };

const col = (header: string, kind: Column['kind'], width = 1): Column => ({ header, kind, width });

const deadlineText = (iso: string, timeZone: string): string =>
  new Intl.DateTimeFormat('id-ID', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(iso));

/**
 * The region's tables, printed before the hall tables in every format: each site's totals, SKM/IKM per site and
 * combined, complaints per site and those still owed an answer with their deadlines. None for a hall's report.
 */
export function regionTables(view: ReportFileView): Table[] {
  const region = view.region;
  if (!region) return [];
  const total = (rows: readonly CellValue[][]): CellValue[] | null => rows.at(-1) ?? null;
  const skmRows = region.skm.map((r): CellValue[] => [r.name.id, r.respondents, r.ikm, r.mutu]);
  const complaintRows = region.complaints.map((r): CellValue[] => [
    r.name.id,
    r.filed,
    r.answered,
    r.open,
    r.late,
  ]);
  return [
    {
      name: 'Situs',
      title: 'Rekap per situs',
      columns: [
        col('Situs', 'text', 3.2),
        col('Terbit', 'count'),
        col('Dilayani', 'count'),
        col('Tidak hadir', 'count'),
        col('Batal', 'count'),
        col('Belum selesai', 'count'),
        col('Terlambat', 'count'),
        col('Tunggu rata-rata', 'duration'),
        col('Tunggu P90', 'duration'),
        col('Layanan rata-rata', 'duration'),
      ],
      rows: region.sites.map((r) => [
        r.name.id,
        r.issued,
        r.served,
        r.noShows,
        r.cancelled,
        r.open,
        r.lateService,
        r.wait.averageSeconds,
        r.wait.p90Seconds,
        r.service.averageSeconds,
      ]),
      total: null,
      note: 'Angka tiap situs dihitung dari log kejadian yang dikirim hub situs itu ke server pusat.',
    },
    {
      name: 'SKM',
      title: 'Survei Kepuasan Masyarakat (IKM)',
      columns: [
        col('Situs', 'text', 3.2),
        col('Responden', 'count'),
        col('IKM', 'decimal'),
        col('Mutu', 'text'),
      ],
      rows: skmRows.slice(0, -1),
      total: total(skmRows),
      note: 'IKM dikonversi 25–100 menurut PermenPANRB 14/2017; baris terakhir: seluruh wilayah dari semua jawaban.',
    },
    {
      name: 'Pengaduan',
      title: 'Pengaduan yang diterima pada periode',
      columns: [
        col('Situs', 'text', 3.2),
        col('Diterima', 'count'),
        col('Dijawab', 'count'),
        col('Belum dijawab', 'count'),
        col('Lewat tenggat', 'count'),
      ],
      rows: complaintRows.slice(0, -1),
      total: total(complaintRows),
      note: 'Lewat tenggat: belum dijawab saat tenggatnya lewat. Menurut keadaan saat laporan dibuat.',
    },
    {
      name: 'Pengaduan terbuka',
      title: 'Pengaduan yang belum dijawab dan tenggatnya',
      columns: [
        col('Situs', 'text', 2.4),
        col('Kode', 'text', 1.4),
        col('Kategori', 'text', 1.6),
        col('Status', 'text', 1.2),
        col('Tenggat', 'text', 1.8),
        col('Lewat tenggat', 'text'),
      ],
      rows: region.openComplaints.map((c) => [
        c.siteName,
        c.code,
        c.category,
        c.status,
        deadlineText(c.deadlineAt, view.site.timeZone),
        c.late ? 'ya' : 'tidak',
      ]),
      total: null,
      note: null,
    },
  ];
}
