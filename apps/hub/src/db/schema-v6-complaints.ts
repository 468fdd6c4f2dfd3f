import { DEFAULT_COMPLAINT_DEADLINES, type Holiday } from '@giliran/domain';

/**
 * The national calendar of 2026, SKB Menteri Agama, Menteri Ketenagakerjaan and Menteri PANRB No. 1497/2025,
 * 2/2025 and 5/2025: 17 hari libur nasional and 8 days of cuti bersama. Weekend holidays are listed as
 * published although they change no count. Later years are entered in the MOD page's calendar when published.
 */
const CALENDAR_2026: readonly Holiday[] = [
  { date: '2026-01-01', kind: 'libur_nasional', name: 'Tahun Baru 2026 Masehi' },
  { date: '2026-01-16', kind: 'libur_nasional', name: 'Isra Mikraj Nabi Muhammad SAW' },
  { date: '2026-02-16', kind: 'cuti_bersama', name: 'Cuti bersama Tahun Baru Imlek' },
  { date: '2026-02-17', kind: 'libur_nasional', name: 'Tahun Baru Imlek 2577 Kongzili' },
  { date: '2026-03-18', kind: 'cuti_bersama', name: 'Cuti bersama Hari Suci Nyepi' },
  { date: '2026-03-19', kind: 'libur_nasional', name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)' },
  { date: '2026-03-20', kind: 'cuti_bersama', name: 'Cuti bersama Idul Fitri 1447 H' },
  { date: '2026-03-21', kind: 'libur_nasional', name: 'Idul Fitri 1447 H' },
  { date: '2026-03-22', kind: 'libur_nasional', name: 'Idul Fitri 1447 H' },
  { date: '2026-03-23', kind: 'cuti_bersama', name: 'Cuti bersama Idul Fitri 1447 H' },
  { date: '2026-03-24', kind: 'cuti_bersama', name: 'Cuti bersama Idul Fitri 1447 H' },
  { date: '2026-04-03', kind: 'libur_nasional', name: 'Wafat Yesus Kristus' },
  { date: '2026-04-05', kind: 'libur_nasional', name: 'Kebangkitan Yesus Kristus (Paskah)' },
  { date: '2026-05-01', kind: 'libur_nasional', name: 'Hari Buruh Internasional' },
  { date: '2026-05-14', kind: 'libur_nasional', name: 'Kenaikan Yesus Kristus' },
  { date: '2026-05-15', kind: 'cuti_bersama', name: 'Cuti bersama Kenaikan Yesus Kristus' },
  { date: '2026-05-27', kind: 'libur_nasional', name: 'Idul Adha 1447 H' },
  { date: '2026-05-28', kind: 'cuti_bersama', name: 'Cuti bersama Idul Adha 1447 H' },
  { date: '2026-05-31', kind: 'libur_nasional', name: 'Hari Raya Waisak 2570 BE' },
  { date: '2026-06-01', kind: 'libur_nasional', name: 'Hari Lahir Pancasila' },
  { date: '2026-06-16', kind: 'libur_nasional', name: 'Tahun Baru Islam 1448 H' },
  { date: '2026-08-17', kind: 'libur_nasional', name: 'Proklamasi Kemerdekaan' },
  { date: '2026-08-25', kind: 'libur_nasional', name: 'Maulid Nabi Muhammad SAW' },
  { date: '2026-12-24', kind: 'cuti_bersama', name: 'Cuti bersama Kelahiran Yesus Kristus' },
  { date: '2026-12-25', kind: 'libur_nasional', name: 'Kelahiran Yesus Kristus' },
];

const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;

const seedHolidays = CALENDAR_2026.map(
  (h) =>
    `INSERT OR IGNORE INTO holidays (date, kind, name, updated_at, updated_by) VALUES (${quote(h.date)}, ${quote(h.kind)}, ${quote(h.name)}, '2026-01-01T00:00:00.000Z', 'system');`,
).join('\n');

const seedCategories = Object.entries(DEFAULT_COMPLAINT_DEADLINES)
  .map(
    ([category, rule]) =>
      `INSERT OR IGNORE INTO complaint_categories (category, unit, amount) VALUES (${quote(category)}, ${quote(rule.unit)}, ${rule.amount});`,
  )
  .join('\n');

/**
 * Schema version 6: the complaint register and the holiday calendar (issue 8).
 *
 * `complaints` is the Buku Pengaduan, one row per complaint with where it stands now; `complaint_history` keeps
 * every change with who and when, appended and never changed. `late_compensation_id` is set once, when the
 * deadline passes unanswered and the hub raises the complaint_late compensation (also guarded by its
 * idempotency key, so a crash between the two commits cannot raise it twice). The partial index holds only the
 * complaints whose deadline still matters, so finding the next one stays cheap however long the register grows.
 */
export const SCHEMA_V6 = `
CREATE TABLE IF NOT EXISTS complaints (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  register_year INTEGER NOT NULL,
  register_seq INTEGER NOT NULL,
  channel TEXT NOT NULL,
  channel_ref TEXT,
  name TEXT NOT NULL,
  occupation TEXT,
  address TEXT,
  contact TEXT,
  text TEXT NOT NULL,
  agency_id TEXT,
  ticket_ref TEXT,
  ticket_id TEXT,
  ticket_number TEXT,
  category TEXT NOT NULL,
  status TEXT NOT NULL,
  received_at TEXT NOT NULL,
  received_by TEXT NOT NULL,
  deadline_at TEXT NOT NULL,
  deadline_day TEXT,
  answer TEXT,
  answer_channel TEXT,
  answered_at TEXT,
  answered_by TEXT,
  late_compensation_id TEXT,
  UNIQUE (register_year, register_seq)
);
CREATE INDEX IF NOT EXISTS complaints_by_received ON complaints (received_at);
CREATE INDEX IF NOT EXISTS complaints_awaiting ON complaints (deadline_at)
  WHERE late_compensation_id IS NULL AND status IN ('received', 'verified', 'in_follow_up');

CREATE TABLE IF NOT EXISTS complaint_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  complaint_id TEXT NOT NULL REFERENCES complaints (id),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('received', 'status', 'category', 'late')),
  status TEXT NOT NULL,
  category TEXT,
  note TEXT
);
CREATE INDEX IF NOT EXISTS complaint_history_by_complaint ON complaint_history (complaint_id, id);

CREATE TABLE IF NOT EXISTS holidays (
  date TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('libur_nasional', 'cuti_bersama')),
  name TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS complaint_categories (
  category TEXT PRIMARY KEY,
  unit TEXT NOT NULL CHECK (unit IN ('hours', 'working_days')),
  amount INTEGER NOT NULL CHECK (amount >= 1)
);

${seedHolidays}
${seedCategories}
`;
