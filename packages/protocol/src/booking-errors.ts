import type { BookingErrorCode } from '@giliran/domain';

/** Booking's refusals: what the citizen reads on the phone or at the kiosk, Indonesian first. */
export const BOOKING_ERRORS: Readonly<
  Record<BookingErrorCode, { readonly status: number; readonly message: { id: string; en: string } }>
> = {
  BOOKING_NOT_OFFERED: {
    status: 404,
    message: {
      id: 'Layanan ini belum dapat dipesan secara daring.',
      en: 'This service cannot be booked online.',
    },
  },
  BOOKING_DATE_UNAVAILABLE: {
    status: 409,
    message: {
      id: 'Tanggal atau sesi itu tidak tersedia. Pilih tanggal dan sesi lain.',
      en: 'That date or session is not available. Choose another date and session.',
    },
  },
  BOOKING_SESSION_FULL: {
    status: 409,
    message: {
      id: 'Kuota sesi ini sudah penuh. Pilih sesi lain.',
      en: 'This session is fully booked. Choose another session.',
    },
  },
  BOOKING_PHONE_LIMIT: {
    status: 409,
    message: {
      id: 'Nomor WhatsApp ini sudah memiliki jumlah pemesanan aktif terbanyak. Batalkan salah satu dahulu.',
      en: 'This WhatsApp number already holds the most open bookings allowed. Cancel one first.',
    },
  },
  BOOKING_PHONE_BLOCKED: {
    status: 409,
    message: {
      id: 'Nomor ini beberapa kali tidak hadir, sehingga untuk sementara tidak dapat memesan. Silakan ambil antrean di lokasi.',
      en: 'This number missed several bookings and cannot book for a while. Please take a ticket at the hall.',
    },
  },
  BOOKING_NOT_FOUND: {
    status: 404,
    message: { id: 'Kode pemesanan tidak ditemukan.', en: 'Booking code not found.' },
  },
  BOOKING_CLOSED: {
    status: 409,
    message: {
      id: 'Pemesanan ini sudah lewat dan tidak dapat diubah lagi.',
      en: 'This booking has passed and can no longer be changed.',
    },
  },
  BOOKING_ALREADY_USED: {
    status: 409,
    message: {
      id: 'Pemesanan ini sudah dipakai untuk mengambil nomor antrean.',
      en: 'This booking has already been used to take a queue ticket.',
    },
  },
  BOOKING_CANCELLED: {
    status: 409,
    message: { id: 'Pemesanan ini sudah dibatalkan.', en: 'This booking has been cancelled.' },
  },
  BOOKING_CHECK_IN_TOO_EARLY: {
    status: 409,
    message: {
      id: 'Belum waktunya. Lapor kedatangan dibuka menjelang sesi Anda.',
      en: 'Too early. Check-in opens shortly before your session.',
    },
  },
  BOOKING_CHECK_IN_TOO_LATE: {
    status: 409,
    message: {
      id: 'Waktu lapor kedatangan untuk sesi Anda sudah lewat. Silakan ambil nomor antrean biasa.',
      en: 'Check-in for your session has closed. Please take a normal queue ticket.',
    },
  },
  BOOKING_TOKEN_INVALID: {
    status: 400,
    message: {
      id: 'Kode QR pemesanan tidak sah. Tunjukkan kode QR dari halaman pemesanan atau ketik kode pemesanan.',
      en: 'The booking QR code is not valid. Show the QR code from the booking page or type the booking code.',
    },
  },
  BOOKING_TOKEN_EXPIRED: {
    status: 409,
    message: {
      id: 'Kode QR pemesanan sudah kedaluwarsa.',
      en: 'The booking QR code has expired.',
    },
  },
};
