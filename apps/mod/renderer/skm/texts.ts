import type { Dictionary } from '@giliran/ui';

export type SkmText =
  | 'title'
  | 'from'
  | 'to'
  | 'show'
  | 'presetMonth'
  | 'presetSemester'
  | 'presetYear'
  | 'agency'
  | 'service'
  | 'allAgencies'
  | 'allServices'
  | 'download'
  | 'downloading'
  | 'loading'
  | 'offline'
  | 'failed'
  | 'badRange'
  | 'refresh'
  | 'generated'
  | 'ikmConverted'
  | 'ikmScale'
  | 'mutu'
  | 'kinerja'
  | 'respondents'
  | 'withoutTicket'
  | 'sample'
  | 'sampleOf'
  | 'reached'
  | 'notReached'
  | 'noPopulation'
  | 'noAnswers'
  | 'counterTablets'
  | 'nrrTitle'
  | 'colUnsur'
  | 'colTotal'
  | 'colNrr'
  | 'colWeighted'
  | 'colConverted'
  | 'colMutu'
  | 'ikmRow'
  | 'convertedRow'
  | 'perAgency'
  | 'perService'
  | 'colName'
  | 'colRespondents'
  | 'colSample'
  | 'colReached'
  | 'colIkm'
  | 'colKinerja'
  | 'yes'
  | 'no'
  | 'open'
  | 'profile'
  | 'gender'
  | 'age'
  | 'education'
  | 'occupation'
  | 'legend';

export const SKM_TEXTS: Dictionary<SkmText> = {
  title: { id: 'Survei Kepuasan Masyarakat (SKM)', en: 'Citizen satisfaction survey (SKM)' },
  from: { id: 'Dari', en: 'From' },
  to: { id: 'Sampai', en: 'To' },
  show: { id: 'Tampilkan', en: 'Show' },
  presetMonth: { id: 'Bulan ini', en: 'This month' },
  presetSemester: { id: 'Semester ini', en: 'This half-year' },
  presetYear: { id: 'Tahun ini', en: 'This year' },
  agency: { id: 'Instansi', en: 'Agency' },
  service: { id: 'Layanan', en: 'Service' },
  allAgencies: { id: 'Semua instansi', en: 'All agencies' },
  allServices: { id: 'Semua layanan', en: 'All services' },
  download: { id: 'Unduh', en: 'Download' },
  downloading: { id: 'Mengunduh…', en: 'Downloading…' },
  loading: { id: 'Memuat…', en: 'Loading…' },
  offline: { id: 'Hub tidak terjangkau.', en: 'The hub cannot be reached.' },
  failed: { id: 'Gagal memuat SKM.', en: 'Could not load the SKM.' },
  badRange: {
    id: 'Tanggal awal harus sebelum tanggal akhir.',
    en: 'The start date must come before the end date.',
  },
  refresh: { id: 'Muat ulang', en: 'Reload' },
  generated: { id: 'Dihitung {time}', en: 'Computed at {time}' },
  ikmConverted: { id: 'IKM unit pelayanan', en: 'Service unit IKM' },
  ikmScale: { id: 'IKM {ikm} (skala 1–4), bobot 1/9', en: 'IKM {ikm} (1–4 scale), weight 1/9' },
  mutu: { id: 'Mutu pelayanan', en: 'Service quality' },
  kinerja: { id: 'Kinerja unit pelayanan', en: 'Unit performance' },
  respondents: { id: 'Responden', en: 'Respondents' },
  withoutTicket: { id: '{n} tanpa tiket (kios)', en: '{n} without a ticket (kiosk)' },
  sample: { id: 'Sampel (Krejcie–Morgan)', en: 'Sample (Krejcie–Morgan)' },
  sampleOf: {
    id: 'minimal {sample} dari populasi {population} tiket dilayani',
    en: 'at least {sample} of {population} tickets served',
  },
  reached: { id: 'Tercapai', en: 'Reached' },
  notReached: { id: 'Belum tercapai', en: 'Not reached' },
  noPopulation: { id: 'Belum ada tiket dilayani', en: 'No tickets served yet' },
  counterTablets: {
    id: 'Jawaban di tablet loket (di depan petugas, tidak dihitung dalam IKM): {n} responden, IKM {converted}',
    en: 'Answers at counter-side tablets (in front of the officer, not counted in the IKM): {n} {n:respondent|respondents}, IKM {converted}',
  },
  noAnswers: {
    id: 'Belum ada jawaban survei dalam periode dan cakupan ini.',
    en: 'No survey answers in this period and scope yet.',
  },
  nrrTitle: { id: 'Nilai rata-rata (NRR) per unsur', en: 'Average score (NRR) per element' },
  colUnsur: { id: 'Unsur pelayanan', en: 'Element' },
  colTotal: { id: 'Jumlah nilai', en: 'Sum of scores' },
  colNrr: { id: 'NRR', en: 'NRR' },
  colWeighted: { id: 'NRR tertimbang (× 1/9)', en: 'Weighted NRR (× 1/9)' },
  colConverted: { id: 'Konversi (× 25)', en: 'Converted (× 25)' },
  colMutu: { id: 'Mutu', en: 'Quality' },
  ikmRow: { id: 'IKM (jumlah NRR tertimbang)', en: 'IKM (sum of weighted NRR)' },
  convertedRow: { id: 'IKM unit pelayanan (IKM × 25)', en: 'Service unit IKM (IKM × 25)' },
  perAgency: { id: 'Per instansi', en: 'Per agency' },
  perService: { id: 'Per layanan', en: 'Per service' },
  colName: { id: 'Nama', en: 'Name' },
  colRespondents: { id: 'Responden', en: 'Respondents' },
  colSample: { id: 'Sampel / populasi', en: 'Sample / population' },
  colReached: { id: 'Tercapai', en: 'Reached' },
  colIkm: { id: 'IKM', en: 'IKM' },
  colKinerja: { id: 'Kinerja', en: 'Performance' },
  yes: { id: 'Ya', en: 'Yes' },
  no: { id: 'Tidak', en: 'No' },
  open: { id: 'Lihat', en: 'Open' },
  profile: { id: 'Profil responden', en: 'Respondent profile' },
  gender: { id: 'Jenis kelamin', en: 'Gender' },
  age: { id: 'Usia', en: 'Age' },
  education: { id: 'Pendidikan', en: 'Education' },
  occupation: { id: 'Pekerjaan', en: 'Occupation' },
  legend: {
    id: 'A Sangat Baik 88,31–100 · B Baik 76,61–88,30 · C Kurang Baik 65,00–76,60 · D Tidak Baik 25,00–64,99',
    en: 'A Very good 88.31–100 · B Good 76.61–88.30 · C Poor 65.00–76.60 · D Very poor 25.00–64.99',
  },
};
