import type { Dictionary } from '@giliran/ui';

// Plain words for citizens on a phone: Indonesian first, English on the button.
export const TEXTS = {
  title: { id: 'Antrean Daring', en: 'Online Booking' },
  intro: {
    id: 'Pesan waktu layanan sebelum datang. Tunjukkan kode QR di mesin antrean saat tiba.',
    en: 'Book a time before you come. Show the QR code at the ticket machine when you arrive.',
  },
  agency: { id: '1. Pilih instansi', en: '1. Choose the agency' },
  service: { id: '2. Pilih layanan', en: '2. Choose the service' },
  date: { id: '3. Pilih tanggal', en: '3. Choose the date' },
  session: { id: '4. Pilih sesi', en: '4. Choose the session' },
  details: { id: '5. Data pemohon', en: '5. Your details' },
  requirements: { id: 'Persyaratan yang dibawa', en: 'What to bring' },
  fee: { id: 'Biaya', en: 'Fee' },
  duration: { id: 'Lama layanan', en: 'Duration' },
  left: { id: '{count} tempat tersisa', en: '{count} places left' },
  full: { id: 'Penuh', en: 'Full' },
  noDates: { id: 'Tidak ada tanggal tersedia.', en: 'No dates available.' },
  name: { id: 'Nama lengkap', en: 'Full name' },
  phone: { id: 'Nomor WhatsApp', en: 'WhatsApp number' },
  submit: { id: 'Pesan sekarang', en: 'Book now' },
  back: { id: '‹ Kembali', en: '‹ Back' },
  booked: { id: 'Pemesanan berhasil', en: 'Booking confirmed' },
  code: { id: 'Kode pemesanan', en: 'Booking code' },
  checkIn: {
    id: 'Lapor kedatangan di mesin antrean antara {from} dan {until}. Lewat dari itu, ambil nomor antrean biasa.',
    en: 'Check in at the ticket machine between {from} and {until}. Later than that, take a normal ticket.',
  },
  calendar: { id: 'Tambahkan ke kalender (.ics)', en: 'Add to calendar (.ics)' },
  lookUpTitle: { id: 'Cari pemesanan', en: 'Find a booking' },
  lookUp: { id: 'Cari', en: 'Find' },
  cancel: { id: 'Batalkan pemesanan', en: 'Cancel booking' },
  move: { id: 'Pindah jadwal', en: 'Change the time' },
  status_booked: { id: 'Aktif', en: 'Active' },
  'status_checked-in': { id: 'Sudah lapor datang', en: 'Checked in' },
  status_cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
  'status_no-show': { id: 'Tidak hadir', en: 'Missed' },
  site: { id: 'Pilih lokasi layanan', en: 'Choose the service hall' },
  noSites: {
    id: 'Belum ada lokasi yang menerima pemesanan daring.',
    en: 'No hall takes online bookings yet.',
  },
  atCentral: {
    id: 'Pemesanan daring untuk {site} dilayani server pusat.',
    en: 'Online booking for {site} is served by the central server.',
  },
  toCentral: { id: 'Pesan di sini', en: 'Book here' },
  failed: { id: 'Tidak dapat terhubung. Coba lagi.', en: 'Could not connect. Try again.' },
} satisfies Dictionary<string>;
export type BookingText = keyof typeof TEXTS;
