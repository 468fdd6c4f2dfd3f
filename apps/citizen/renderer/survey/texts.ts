import type { Dictionary } from '@giliran/ui';

export type SurveyText =
  | 'title'
  | 'language'
  | 'startTitle'
  | 'startKiosk'
  | 'startPublic'
  | 'ticketLabel'
  | 'ticketPlaceholder'
  | 'codeLabel'
  | 'codePlaceholder'
  | 'codeNotFound'
  | 'next'
  | 'clear'
  | 'backspace'
  | 'withoutTicket'
  | 'checking'
  | 'notFound'
  | 'network'
  | 'chooseService'
  | 'back'
  | 'questionOf'
  | 'ticketFor'
  | 'serviceOnly'
  | 'aboutYou'
  | 'aboutYouHint'
  | 'gender'
  | 'age'
  | 'education'
  | 'occupation'
  | 'suggestion'
  | 'suggestionHint'
  | 'submit'
  | 'sending'
  | 'thanksTitle'
  | 'thanksBody'
  | 'done'
  | 'refusedTitle'
  | 'tryAgain'
  | 'anonymous';

export const TEXTS: Dictionary<SurveyText> = {
  title: { id: 'Survei Kepuasan Masyarakat', en: 'Citizen Satisfaction Survey' },
  language: { id: 'English', en: 'Bahasa Indonesia' },
  startTitle: { id: 'Bagaimana pelayanan kami hari ini?', en: 'How was our service today?' },
  startKiosk: {
    id: 'Ketik kode survei yang tercetak di bawah kode QR tiket Anda (mis. WA4TU-M3PSX) atau pindai kode QR tiket.',
    en: 'Type the survey code printed under the QR code of your ticket (e.g. WA4TU-M3PSX) or scan the ticket’s QR code.',
  },
  startPublic: {
    id: 'Ketik kode survei yang tercetak di bawah kode QR tiket Anda, atau pindai kode QR itu dengan kamera ponsel. Nomor antrean saja tidak cukup.',
    en: 'Type the survey code printed under the QR code of your ticket, or scan that QR code with your phone camera. The queue number alone is not enough.',
  },
  ticketLabel: { id: 'Kode survei (di bawah kode QR)', en: 'Survey code (under the QR code)' },
  ticketPlaceholder: { id: 'mis. WA4TU-M3PSX', en: 'e.g. WA4TU-M3PSX' },
  codeLabel: { id: 'Kode survei (di bawah kode QR)', en: 'Survey code (under the QR code)' },
  codePlaceholder: { id: '10 huruf dan angka', en: '10 letters and digits' },
  codeNotFound: {
    id: 'Kode tidak ditemukan. Periksa kembali kode di bawah kode QR tiket.',
    en: 'Code not found. Please check the code under the ticket’s QR code.',
  },
  next: { id: 'Lanjut ›', en: 'Next ›' },
  clear: { id: 'Hapus', en: 'Clear' },
  backspace: { id: 'Hapus satu huruf', en: 'Delete one character' },
  withoutTicket: { id: 'Saya tidak membawa tiket', en: 'I do not have my ticket' },
  checking: { id: 'Memeriksa tiket…', en: 'Checking the ticket…' },
  notFound: {
    id: 'Tiket tidak ditemukan. Periksa kembali kodenya.',
    en: 'Ticket not found. Please check the code.',
  },
  network: {
    id: 'Tidak dapat terhubung. Silakan coba lagi.',
    en: 'Cannot connect. Please try again.',
  },
  chooseService: { id: 'Layanan apa yang Anda terima?', en: 'Which service did you receive?' },
  back: { id: '‹ Kembali', en: '‹ Back' },
  questionOf: { id: 'Pertanyaan {n} dari {total}', en: 'Question {n} of {total}' },
  ticketFor: { id: 'Tiket {number} · {service}', en: 'Ticket {number} · {service}' },
  serviceOnly: { id: 'Layanan: {service}', en: 'Service: {service}' },
  aboutYou: { id: 'Tentang Anda', en: 'About you' },
  aboutYouHint: {
    id: 'Survei ini tanpa nama. Data ini hanya untuk mengolah hasil survei.',
    en: 'This survey is anonymous. These details are only used to analyse the results.',
  },
  gender: { id: 'Jenis kelamin', en: 'Gender' },
  age: { id: 'Usia', en: 'Age' },
  education: { id: 'Pendidikan terakhir', en: 'Education' },
  occupation: { id: 'Pekerjaan', en: 'Occupation' },
  suggestion: { id: 'Saran dan masukan (boleh dikosongkan)', en: 'Suggestions (optional)' },
  suggestionHint: { id: 'Tulis saran Anda di sini…', en: 'Write your suggestion here…' },
  submit: { id: 'Kirim penilaian', en: 'Send my answers' },
  sending: { id: 'Mengirim…', en: 'Sending…' },
  thanksTitle: { id: 'Terima kasih!', en: 'Thank you!' },
  thanksBody: {
    id: 'Penilaian Anda membantu kami memperbaiki pelayanan.',
    en: 'Your answers help us improve our service.',
  },
  done: { id: 'Selesai', en: 'Done' },
  refusedTitle: { id: 'Survei tidak dapat diisi', en: 'The survey cannot be filled in' },
  tryAgain: { id: 'Kembali ke awal', en: 'Back to start' },
  anonymous: { id: 'Tanpa nama', en: 'Anonymous' },
};
