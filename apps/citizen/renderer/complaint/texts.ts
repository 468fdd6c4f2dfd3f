import { COMPLAINT_CATEGORY_NAMES } from '@giliran/domain';
import type { Dictionary } from '@giliran/ui';
import type { ComplaintCategory, ComplaintChannel, ComplaintStatus } from './public-api.ts';

// Plain words for citizens on a phone: Indonesian first, English on the button.
export const TEXTS = {
  title: { id: 'Pengaduan Masyarakat', en: 'Public Complaints' },
  intro: {
    id: 'Sampaikan keluhan Anda tentang layanan di mal ini. Setiap pengaduan dicatat di Buku Pengaduan dan wajib dijawab dalam batas waktunya.',
    en: 'Tell us what went wrong with a service in this hall. Every complaint is recorded in the complaint register and must be answered in time.',
  },
  name: { id: 'Nama', en: 'Name' },
  occupation: { id: 'Pekerjaan (boleh dikosongkan)', en: 'Occupation (optional)' },
  address: { id: 'Alamat (boleh dikosongkan)', en: 'Address (optional)' },
  anonymous: { id: 'Kirim tanpa nama (anonim)', en: 'Send without my name (anonymous)' },
  anonymousHint: {
    id: 'Nama, pekerjaan dan alamat tidak dicatat. Isi nomor HP atau e-mail agar jawaban dapat dikirim kepada Anda.',
    en: 'Your name, occupation and address are not recorded. Give a phone number or e-mail so the answer can reach you.',
  },
  contact: { id: 'Nomor HP atau e-mail', en: 'Phone number or e-mail' },
  contactHint: {
    id: 'Untuk menghubungi Anda tentang jawabannya.',
    en: 'So we can reach you about the answer.',
  },
  agency: { id: 'Instansi yang diadukan', en: 'Agency concerned' },
  agencyNone: { id: 'Pengelola MPP / tidak tahu', en: 'The hall itself / not sure' },
  ticket: { id: 'Nomor antrean (jika ada)', en: 'Queue number (if any)' },
  ticketHint: { id: 'Contoh: A012', en: 'For example: A012' },
  text: { id: 'Isi pengaduan', en: 'Your complaint' },
  textHint: {
    id: 'Ceritakan apa yang terjadi, kapan, dan di layanan apa.',
    en: 'Say what happened, when, and at which service.',
  },
  characters: { id: '{n}/4000 karakter', en: '{n}/4000 characters' },
  submit: { id: 'Kirim pengaduan', en: 'Send complaint' },
  sending: { id: 'Mengirim…', en: 'Sending…' },
  privacy: {
    id: 'Nama dan kontak Anda hanya dilihat petugas pengaduan. Halaman status hanya menampilkan status dan jawaban.',
    en: 'Only complaint officers see your name and contact. The status page shows the status and the answer only.',
  },
  filedTitle: { id: 'Pengaduan Anda sudah kami terima', en: 'We have received your complaint' },
  yourCode: { id: 'Kode pengaduan Anda', en: 'Your complaint code' },
  keepCode: {
    id: 'Simpan kode ini (tangkap layar). Dengan kode ini Anda dapat melihat status dan jawaban pengaduan.',
    en: 'Keep this code (take a screenshot). With it you can see the status and the answer.',
  },
  registerNo: { id: 'No. register {no}', en: 'Register no. {no}' },
  follow: { id: 'Lihat status pengaduan', en: 'See the complaint status' },
  another: { id: 'Kirim pengaduan lain', en: 'Send another complaint' },
  haveCode: { id: 'Sudah punya kode pengaduan?', en: 'Already have a complaint code?' },
  codePlaceholder: { id: 'Kode pengaduan', en: 'Complaint code' },
  look: { id: 'Lacak', en: 'Track' },
  statusTitle: { id: 'Status Pengaduan', en: 'Complaint Status' },
  agencyConcerned: { id: 'Instansi: {agency}', en: 'Agency: {agency}' },
  hallItself: { id: 'Pengelola MPP', en: 'The hall' },
  deadlineDay: { id: 'Dijawab paling lambat {date}', en: 'To be answered by the end of {date}' },
  deadlineTime: { id: 'Dijawab paling lambat {date}, {time}', en: 'To be answered by {date}, {time}' },
  late: {
    id: 'Batas waktu jawaban sudah lewat. Anda berhak atas permohonan maaf (kompensasi SK 108/2024).',
    en: 'The deadline for the answer has passed. You are owed an apology (compensation, SK 108/2024).',
  },
  answeredLate: {
    id: 'Dijawab setelah batas waktu. Anda berhak atas permohonan maaf (kompensasi SK 108/2024).',
    en: 'Answered after the deadline. You are owed an apology (compensation, SK 108/2024).',
  },
  answer: { id: 'Jawaban', en: 'Answer' },
  answeredAt: { id: 'Dijawab {date}, {time} melalui {channel}', en: 'Answered {date}, {time} by {channel}' },
  noAnswerYet: {
    id: 'Belum ada jawaban. Halaman ini diperbarui sendiri.',
    en: 'No answer yet. This page updates by itself.',
  },
  notFound: {
    id: 'Pengaduan dengan kode ini tidak ditemukan. Periksa kembali kodenya.',
    en: 'No complaint has this code. Please check it.',
  },
  newComplaint: { id: 'Buat pengaduan', en: 'Make a complaint' },
  offline: {
    id: 'Tidak dapat terhubung. Periksa koneksi Anda lalu coba lagi.',
    en: 'Cannot connect. Check your connection and try again.',
  },
  spamNoAnswer: {
    id: 'Kiriman ini ditolak karena bukan pengaduan, dan tidak akan dijawab.',
    en: 'This filing was refused as not a complaint, and will not be answered.',
  },
  refresh: { id: 'Perbarui', en: 'Refresh' },
  category: { id: 'Kategori: {category}', en: 'Category: {category}' },
} as const satisfies Dictionary<string>;

export type Key = keyof typeof TEXTS;

export const STATUS_LABELS: Dictionary<ComplaintStatus> = {
  received: { id: 'Diterima', en: 'Received' },
  verified: { id: 'Diverifikasi', en: 'Verified' },
  in_follow_up: { id: 'Ditindaklanjuti', en: 'In follow-up' },
  answered: { id: 'Dijawab', en: 'Answered' },
  closed: { id: 'Selesai', en: 'Closed' },
  spam: { id: 'Ditolak: bukan pengaduan', en: 'Refused: not a complaint' },
};

export const CATEGORY_LABELS: Dictionary<ComplaintCategory> = COMPLAINT_CATEGORY_NAMES;

export const CHANNEL_LABELS: Dictionary<ComplaintChannel> = {
  in_person: { id: 'tatap muka', en: 'in person' },
  phone: { id: 'telepon', en: 'phone' },
  complaint_box: { id: 'kotak pengaduan', en: 'complaint box' },
  website: { id: 'halaman ini', en: 'this page' },
  email: { id: 'e-mail', en: 'e-mail' },
  sp4n_lapor: { id: 'SP4N-LAPOR!', en: 'SP4N-LAPOR!' },
  mobile_unit: { id: 'layanan keliling', en: 'mobile unit' },
};
