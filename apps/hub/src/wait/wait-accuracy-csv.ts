import type { WaitAccuracyView } from '@giliran/protocol';

type Row = WaitAccuracyView['total'];
type Figures = Row['estimator'];

const BOM = '\uFEFF';

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const num = (value: number | null, digits = 2): string => (value === null ? '' : value.toFixed(digits));

function figures(f: Figures): string[] {
  return [
    num(f.mae),
    num(f.medianError),
    num(f.p90Error),
    f.withinTolerance === null ? '' : (f.withinTolerance * 100).toFixed(1),
    num(f.bias),
    num(f.mse, 1),
  ];
}

const FIGURE_HEADERS = [
  'MAE (menit)',
  'Median galat (menit)',
  'P90 galat (menit)',
  'Dalam toleransi (%)',
  'Bias (menit)',
  'MSE (menit²)',
];

/** One CSV (RFC 4180, CRLF, BOM for Excel): a row per service and day, then the total; estimator, then naive. */
export function waitAccuracyCsv(view: WaitAccuracyView): string {
  const lines = [
    quote('Ketepatan Perkiraan Waktu Tunggu'),
    `Dari,${view.from}`,
    `Sampai,${view.to}`,
    quote(
      `Toleransi,±maks(${String(view.toleranceMinutes)} menit; ${String(view.toleranceShare * 100)} % dari waktu tunggu)`,
    ),
    `Janji,${view.channel}`,
    '',
    [
      'Tanggal',
      'Layanan',
      'Tiket',
      ...FIGURE_HEADERS.map((h) => quote(`Perkiraan: ${h}`)),
      ...FIGURE_HEADERS.map((h) => quote(`Naif: ${h}`)),
      quote('Naif tanpa angka'),
    ].join(','),
  ];
  const line = (row: Row): string =>
    [
      row.day ?? 'Total',
      quote(row.serviceName?.id ?? row.serviceId ?? 'Semua layanan'),
      String(row.estimator.tickets),
      ...figures(row.estimator),
      ...figures(row.naive),
      String(row.naiveSilent),
    ].join(',');
  for (const row of view.rows) lines.push(line(row));
  // Per service over the whole range ("Periode" in the date column), then everything.
  for (const row of view.services) lines.push(line({ ...row, day: 'Periode' }));
  lines.push(line(view.total));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
