import type { Dictionary } from '@giliran/ui';

export type WaitAccuracyText =
  | 'title'
  | 'intro'
  | 'mae'
  | 'within'
  | 'p90'
  | 'bias'
  | 'naive'
  | 'hopeful'
  | 'gloomy'
  | 'onTarget'
  | 'tickets'
  | 'service'
  | 'none'
  | 'minutes'
  | 'silent'
  | 'csv'
  | 'failed';

export const WAIT_ACCURACY_TEXTS: Dictionary<WaitAccuracyText> = {
  title: { id: 'Ketepatan perkiraan waktu tunggu', en: 'Accuracy of the promised wait' },
  intro: {
    id: 'Perkiraan yang ditampilkan saat tiket diambil, dibandingkan dengan saat tiket benar-benar dipanggil. Toleransi: ±maks(5 menit; 25 %).',
    en: 'The wait shown when the ticket was taken, against when it was really called. Tolerance: ±max(5 min, 25 %).',
  },
  mae: { id: 'Rata-rata selisih', en: 'Mean absolute error' },
  within: { id: 'Dalam toleransi', en: 'Within tolerance' },
  p90: { id: 'Selisih P90', en: 'P90 error' },
  bias: { id: 'Kecenderungan (− terlalu optimis)', en: 'Bias (− too hopeful)' },
  naive: { id: 'naif: {value}', en: 'naive: {value}' },
  hopeful: { id: '{m} menit terlalu optimis', en: '{m} min too hopeful' },
  gloomy: { id: '{m} menit terlalu pesimis', en: '{m} min too gloomy' },
  onTarget: { id: 'seimbang', en: 'balanced' },
  tickets: { id: 'Tiket', en: 'Tickets' },
  service: { id: 'Layanan', en: 'Service' },
  none: {
    id: 'Belum ada tiket yang dipanggil pada periode ini.',
    en: 'No ticket was called in this period yet.',
  },
  minutes: { id: '{m} mnt', en: '{m} min' },
  silent: {
    id: '{count} janji tanpa angka naif (semua loket istirahat) tidak dihitung.',
    en: '{count} {count:promise|promises} without a naive figure (all counters paused) {count:is|are} left out.',
  },
  csv: { id: 'CSV', en: 'CSV' },
  failed: { id: 'Ketepatan perkiraan tidak dapat dimuat.', en: 'Could not load the estimate accuracy.' },
};
