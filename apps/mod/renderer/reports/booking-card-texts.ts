import type { Dictionary } from '@giliran/ui';

export const BOOKING_CARD_TEXTS = {
  title: { id: 'Antrean daring', en: 'Online booking' },
  intro: {
    id: 'Tiket dari pesanan daring dibanding tiket langsung, pesanan yang tidak datang, dan ketepatan lapor hadir.',
    en: 'Tickets from online bookings against walk-ins, bookings not kept, and check-in punctuality.',
  },
  tickets: { id: 'Tiket daring / langsung', en: 'Booked / walk-in tickets' },
  served: { id: 'Dilayani', en: 'Served' },
  wait: { id: 'Tunggu rata-rata daring', en: 'Mean wait, booked' },
  walkInWait: { id: 'langsung {time}', en: 'walk-in {time}' },
  noShowRate: { id: 'Tingkat tidak hadir', en: 'No-show rate' },
  noShowDetail: {
    id: '{missed} tidak datang, {called} dipanggil tidak hadir',
    en: '{missed} never came, {called} absent when called',
  },
  punctuality: { id: 'Awal / tepat / terlambat', en: 'Early / on time / late' },
  punctualityDetail: { id: 'dari {count} lapor hadir', en: 'of {count} check-ins' },
  service: { id: 'Layanan', en: 'Service' },
  day: { id: 'Tanggal', en: 'Date' },
  colTickets: { id: 'Tiket', en: 'Tickets' },
  colWait: { id: 'Tunggu rata-rata', en: 'Mean wait' },
  bookedWalkIn: { id: 'daring / langsung', en: 'booked / walk-in' },
  bookings: { id: 'Pesanan', en: 'Bookings' },
  checkedIn: { id: 'Lapor hadir', en: 'Checked in' },
  missed: { id: 'Tidak datang', en: 'Never came' },
  calledNoShow: { id: 'Dipanggil tidak hadir', en: 'Absent when called' },
  perDay: { id: 'Per hari ({count})', en: 'Per day ({count})' },
  none: { id: 'Tidak ada pesanan daring pada periode ini.', en: 'No online bookings in this period.' },
  note: {
    id: 'Tingkat tidak hadir = (tidak datang + dipanggil tidak hadir) ÷ (lapor hadir + tidak datang). Awal: lebih dari 10 menit sebelum sesi mulai; terlambat: sesudah sesi mulai.',
    en: 'No-show rate = (never came + absent when called) ÷ (checked in + never came). Early: over 10 minutes before the session starts; late: after it starts.',
  },
} satisfies Dictionary<string>;

export type BookingCardText = keyof typeof BOOKING_CARD_TEXTS;
