import type { Dictionary } from '@giliran/ui';

export type KioskText =
  | 'welcome'
  | 'whatsappOffer'
  | 'contactTitle'
  | 'contactHint'
  | 'contactPrivacy'
  | 'phoneInvalid'
  | 'contactFailed'
  | 'contactSent'
  | 'contactSentHint'
  | 'erase'
  | 'send'
  | 'skip'
  | 'chooseAgency'
  | 'chooseService'
  | 'back'
  | 'home'
  | 'waiting'
  | 'estimate'
  | 'estimateNone'
  | 'closed'
  | 'openHours'
  | 'requirements'
  | 'fee'
  | 'duration'
  | 'priorityQuestion'
  | 'priorityHint'
  | 'regular'
  | 'lansia'
  | 'disabilitas'
  | 'ibu_hamil'
  | 'anak'
  | 'printing'
  | 'takeTicket'
  | 'bookingButton'
  | 'bookingTitle'
  | 'bookingHint'
  | 'bookingSubmit'
  | 'bookingRefused'
  | 'walkInInstead'
  | 'bookedMark'
  | 'ahead'
  | 'noneAhead'
  | 'soon'
  | 'badTokenTitle'
  | 'badTokenBody'
  | 'noQueue'
  | 'priorityMark'
  | 'printFailedTitle'
  | 'printFailedBody'
  | 'offlineTitle'
  | 'offlineBody'
  | 'tooManyTitle'
  | 'tooManyBody'
  | 'errorTitle'
  | 'errorBody'
  | 'language'
  | 'servicesCount'
  | 'scanStatus';

export const TEXTS: Dictionary<KioskText> = {
  welcome: { id: 'Selamat datang', en: 'Welcome' },
  chooseAgency: { id: 'Pilih instansi yang Anda tuju', en: 'Choose the agency you need' },
  chooseService: { id: 'Pilih layanan', en: 'Choose a service' },
  back: { id: '‹ Kembali', en: '‹ Back' },
  home: { id: 'Beranda', en: 'Home' },
  waiting: { id: '{n} menunggu', en: '{n} waiting' },
  estimate: { id: '± {m} menit', en: '± {m} min' },
  estimateNone: { id: 'Loket belum buka', en: 'No counter open' },
  closed: { id: 'TUTUP', en: 'CLOSED' },
  openHours: { id: 'Jam layanan: {hours}', en: 'Service hours: {hours}' },
  requirements: { id: 'Persyaratan', en: 'Requirements' },
  fee: { id: 'Biaya', en: 'Fee' },
  duration: { id: 'Waktu', en: 'Time' },
  priorityQuestion: {
    id: 'Apakah Anda memerlukan pelayanan prioritas?',
    en: 'Do you need priority service?',
  },
  priorityHint: {
    id: 'Pelayanan khusus untuk lansia, penyandang disabilitas, ibu hamil dan anak (UU 25/2009).',
    en: 'Priority service for the elderly, people with disabilities, pregnant women and children.',
  },
  regular: { id: 'Tidak, antrean biasa', en: 'No, regular queue' },
  lansia: { id: 'Lansia (60+)', en: 'Elderly (60+)' },
  disabilitas: { id: 'Penyandang disabilitas', en: 'Person with disability' },
  ibu_hamil: { id: 'Ibu hamil', en: 'Pregnant' },
  anak: { id: 'Anak / membawa balita', en: 'Child / with a toddler' },
  printing: { id: 'Mencetak tiket…', en: 'Printing your ticket…' },
  takeTicket: { id: 'Silakan ambil tiket Anda', en: 'Please take your ticket' },
  bookingButton: { id: 'Sudah pesan antrean daring?', en: 'Booked online?' },
  bookingTitle: { id: 'Lapor kedatangan antrean daring', en: 'Check in your online booking' },
  bookingHint: {
    id: 'Pindai kode QR pemesanan di pemindai, atau ketik kode pemesanan Anda.',
    en: 'Scan the booking QR code at the scanner, or type your booking code.',
  },
  bookingSubmit: { id: 'Lapor datang', en: 'Check in' },
  bookingRefused: { id: 'Pemesanan tidak dapat dipakai', en: 'The booking cannot be used' },
  walkInInstead: { id: 'Ambil nomor antrean biasa', en: 'Take a normal ticket' },
  bookedMark: { id: 'ANTREAN DARING', en: 'ONLINE BOOKING' },
  ahead: { id: '{n} orang menunggu di depan Anda', en: '{n} {n:person|people} ahead of you' },
  noneAhead: { id: 'Tidak ada antrean di depan Anda', en: 'Nobody is ahead of you' },
  badTokenTitle: {
    id: 'Token kiosk ditolak server antrean',
    en: 'The queue server refused this kiosk’s token',
  },
  badTokenBody: {
    id: 'Untuk petugas pemasang: token di alamat (/kiosk?token=…) atau di kiosk.json tidak cocok dengan perangkat kiosk di berkas situs (devices[].tokenSha256). Perbaiki tokennya, lalu buka kembali halaman ini.',
    en: 'For the installer: the token in the address (/kiosk?token=…) or in kiosk.json matches no kiosk device of the site file (devices[].tokenSha256). Fix the token, then open this page again.',
  },
  soon: { id: 'Anda akan segera dipanggil', en: 'You will be called shortly' },
  noQueue: { id: 'Tanpa antre', en: 'No queue' },
  priorityMark: { id: 'PRIORITAS', en: 'PRIORITY' },
  printFailedTitle: { id: 'Tiket gagal dicetak', en: 'The ticket could not be printed' },
  printFailedBody: {
    id: 'Nomor Anda sudah tercatat. Tunjukkan layar ini kepada petugas Front Office untuk mencetak ulang.',
    en: 'Your number is recorded. Show this screen to the Front Office officer to reprint it.',
  },
  offlineTitle: { id: 'Mesin antrean sedang tidak terhubung', en: 'The queue machine is offline' },
  offlineBody: {
    id: 'Mohon tunggu sebentar atau hubungi petugas Front Office. Tidak ada tiket yang dibuat.',
    en: 'Please wait a moment or ask the Front Office officer. No ticket has been issued.',
  },
  tooManyTitle: { id: 'Mohon tunggu sebentar', en: 'Please wait a moment' },
  tooManyBody: {
    id: 'Terlalu banyak tiket diambil dalam satu menit. Silakan coba lagi sebentar lagi.',
    en: 'Too many tickets were taken in one minute. Please try again shortly.',
  },
  errorTitle: { id: 'Tiket tidak dapat dibuat', en: 'The ticket could not be issued' },
  errorBody: { id: 'Silakan hubungi petugas Front Office.', en: 'Please ask the Front Office officer.' },
  language: { id: 'English', en: 'Bahasa Indonesia' },
  servicesCount: { id: '{n} layanan', en: '{n} {n:service|services}' },
  whatsappOffer: { id: 'Kirim info antrean ke WhatsApp', en: 'Send queue updates to WhatsApp' },
  contactTitle: { id: 'Nomor WhatsApp untuk tiket {number}', en: 'WhatsApp number for ticket {number}' },
  contactHint: {
    id: 'Kami kirim tautan tiket, kabar saat giliran Anda dekat, dan saat Anda dipanggil.',
    en: "We send the ticket's link, word when your turn is near, and when you are called.",
  },
  contactPrivacy: {
    id: 'Opsional. Nomor hanya dipakai untuk antrean ini dan dihapus setelah kunjungan (UU 27/2022).',
    en: 'Optional. The number is used for this visit only and erased after it (Law 27/2022).',
  },
  phoneInvalid: {
    id: 'Nomor HP tidak valid. Contoh: 0812 3456 7890.',
    en: 'The phone number is not valid. Example: 0812 3456 7890.',
  },
  contactFailed: {
    id: 'Nomor belum tersimpan. Silakan coba lagi atau lewati.',
    en: 'The number was not saved. Please try again or skip.',
  },
  contactSent: { id: 'Nomor tersimpan', en: 'Number saved' },
  contactSentHint: {
    id: 'Tautan tiket segera dikirim ke WhatsApp Anda.',
    en: "The ticket's link is on its way to your WhatsApp.",
  },
  erase: { id: 'Hapus', en: 'Erase' },
  send: { id: 'Kirim', en: 'Send' },
  skip: { id: 'Lewati', en: 'Skip' },
  scanStatus: {
    id: 'Pindai kode QR di tiket untuk melihat antrean dari ponsel Anda.',
    en: 'Scan the QR code on the ticket to follow the queue on your phone.',
  },
};
