import type { Dictionary } from '@giliran/ui';

export type DisplayText =
  | 'nowCalling'
  | 'goTo'
  | 'recall'
  | 'noCallsYet'
  | 'noCallsHint'
  | 'previousCalls'
  | 'noPreviousCalls'
  | 'waiting'
  | 'closed'
  | 'noServices'
  | 'offline'
  | 'connecting'
  | 'unauthorized'
  | 'soundBlocked'
  | 'welcome'
  | 'infoPriority'
  | 'infoPrepare'
  | 'defaultRunningText'
  | 'queue'
  | 'outcome_called'
  | 'outcome_serving'
  | 'outcome_done'
  | 'outcome_no_show'
  | 'outcome_transferred'
  | 'outcome_cancelled'
  | 'pausedTitle'
  | 'paused'
  | 'reason_istirahat'
  | 'reason_sholat'
  | 'reason_sholat_jumat'
  | 'reason_urusan_dinas'
  | 'noCallNow'
  | 'booked'
  | 'bookedShort';

export const TEXTS: Dictionary<DisplayText> = {
  nowCalling: { id: 'Nomor antrean', en: 'Now calling' },
  goTo: { id: 'Silakan menuju', en: 'Please go to' },
  recall: { id: 'Panggilan ulang', en: 'Called again' },
  noCallsYet: { id: 'Belum ada panggilan', en: 'No calls yet' },
  noCallsHint: {
    id: 'Ambil nomor antrean di mesin antrean, lalu tunggu nomor Anda dipanggil.',
    en: 'Take a number at the queue machine and wait for it to be called.',
  },
  previousCalls: { id: 'Panggilan sebelumnya', en: 'Previous calls' },
  booked: { id: 'Antrean daring', en: 'Online booking' },
  bookedShort: { id: 'Daring', en: 'Booked' },
  noPreviousCalls: { id: 'Belum ada panggilan sebelumnya', en: 'No earlier calls' },
  waiting: { id: 'Antrean menunggu', en: 'Waiting' },
  closed: { id: 'Tutup', en: 'Closed' },
  noServices: { id: 'Tidak ada layanan di area ini', en: 'No services in this area' },
  offline: { id: 'Koneksi terputus, menyambung ulang…', en: 'Connection lost, reconnecting…' },
  connecting: { id: 'Menghubungkan ke server antrean…', en: 'Connecting to the queue server…' },
  unauthorized: {
    id: 'Layar ini tidak dikenal hub. Muat ulang halaman dan masukkan kode pemasangan baru dari admin.',
    en: 'The hub does not know this display. Reload the page and enter a new pairing code from the admin.',
  },
  soundBlocked: {
    id: 'Suara diblokir: tekan OK di remote atau tombol apa saja di keyboard',
    en: 'Sound blocked: press OK on the remote or any key on the keyboard',
  },
  welcome: { id: 'Selamat datang di {site}', en: 'Welcome to {site}' },
  infoPriority: {
    id: 'Lansia, penyandang disabilitas, ibu hamil dan anak mendapat pelayanan prioritas.',
    en: 'The elderly, people with disabilities, pregnant women and children are served first.',
  },
  infoPrepare: {
    id: 'Siapkan dokumen persyaratan sebelum nomor Anda dipanggil.',
    en: 'Have your documents ready before your number is called.',
  },
  defaultRunningText: {
    id: 'Selamat datang di {site}. Budayakan antre, jaga kebersihan dan ketertiban. Layanan publik tanpa pungutan liar.',
    en: 'Welcome to {site}. Please queue, keep the hall clean and orderly. Public services are free of illegal charges.',
  },
  queue: { id: 'Antrean', en: 'Queue' },
  outcome_called: { id: 'Dipanggil', en: 'Called' },
  outcome_serving: { id: 'Dilayani', en: 'Being served' },
  outcome_done: { id: 'Selesai', en: 'Done' },
  outcome_no_show: { id: 'Tidak hadir', en: 'No-show' },
  outcome_transferred: { id: 'Dialihkan', en: 'Transferred' },
  outcome_cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
  pausedTitle: { id: 'Loket berhenti sementara', en: 'Counters paused' },
  paused: { id: 'Berhenti sementara', en: 'Paused' },
  reason_istirahat: { id: 'Istirahat', en: 'Break' },
  reason_sholat: { id: 'Sholat', en: 'Prayer' },
  reason_sholat_jumat: { id: 'Sholat Jumat', en: 'Friday prayer' },
  reason_urusan_dinas: { id: 'Urusan dinas', en: 'Official business' },
  noCallNow: { id: 'Menunggu panggilan berikutnya', en: 'Waiting for the next call' },
};

export type Translate = (key: DisplayText, vars?: Readonly<Record<string, string | number>>) => string;
