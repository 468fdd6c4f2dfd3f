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
  | 'infoListen'
  | 'defaultRunningText'
  | 'queue';

export const TEXTS: Dictionary<DisplayText> = {
  nowCalling: { id: 'Nomor antrian', en: 'Now calling' },
  goTo: { id: 'Silakan menuju', en: 'Please go to' },
  recall: { id: 'Panggilan ulang', en: 'Called again' },
  noCallsYet: { id: 'Belum ada panggilan', en: 'No calls yet' },
  noCallsHint: {
    id: 'Ambil nomor antrian di mesin antrian, lalu tunggu nomor Anda dipanggil.',
    en: 'Take a number at the queue machine and wait for it to be called.',
  },
  previousCalls: { id: 'Panggilan sebelumnya', en: 'Previous calls' },
  noPreviousCalls: { id: 'Belum ada panggilan sebelumnya', en: 'No earlier calls' },
  waiting: { id: 'Antrean menunggu', en: 'Waiting' },
  closed: { id: 'Tutup', en: 'Closed' },
  noServices: { id: 'Tidak ada layanan di area ini', en: 'No services in this area' },
  offline: { id: 'Koneksi terputus, menyambung ulang…', en: 'Connection lost, reconnecting…' },
  connecting: { id: 'Menghubungkan ke server antrian…', en: 'Connecting to the queue server…' },
  unauthorized: {
    id: 'Layar ini tidak dikenal hub. Muat ulang halaman dan masukkan kode pemasangan baru dari admin.',
    en: 'The hub does not know this display. Reload the page and enter a new pairing code from the admin.',
  },
  soundBlocked: { id: 'Suara diblokir: sentuh layar sekali', en: 'Sound blocked: touch the screen once' },
  welcome: { id: 'Selamat datang di {site}', en: 'Welcome to {site}' },
  infoPriority: {
    id: 'Lansia, penyandang disabilitas, ibu hamil dan anak mendapat pelayanan prioritas.',
    en: 'The elderly, people with disabilities, pregnant women and children are served first.',
  },
  infoPrepare: {
    id: 'Siapkan dokumen persyaratan sebelum nomor Anda dipanggil.',
    en: 'Have your documents ready before your number is called.',
  },
  infoListen: {
    id: 'Perhatikan layar dan panggilan suara: nomor dipanggil sesuai urutan.',
    en: 'Watch the screen and listen: numbers are called in order.',
  },
  defaultRunningText: {
    id: 'Selamat datang di {site}. Budayakan antre, jaga kebersihan dan ketertiban. Layanan publik tanpa pungutan liar.',
    en: 'Welcome to {site}. Please queue, keep the hall clean and orderly. Public services are free of illegal charges.',
  },
  queue: { id: 'Antrian', en: 'Queue' },
};

export type Translate = (key: DisplayText, vars?: Readonly<Record<string, string | number>>) => string;
