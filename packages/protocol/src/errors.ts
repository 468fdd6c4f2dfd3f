import type { DomainErrorCode } from '@giliran/domain';

export type ErrorCode =
  | DomainErrorCode
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'INVALID_CREDENTIALS'
  | 'COUNTER_NOT_ASSIGNED'
  | 'LOCKED_OUT'
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'PAYLOAD_TOO_LARGE'
  | 'IDEMPOTENCY_CONFLICT'
  | 'RATE_LIMITED'
  | 'PRINT_FAILED'
  | 'NO_PRINTER'
  | 'SPEECH_UNAVAILABLE'
  | 'INTERNAL';

export interface LocalizedMessage {
  readonly id: string;
  readonly en: string;
}

interface ErrorSpec {
  readonly status: number;
  readonly message: LocalizedMessage;
}

/** The one catalogue of error codes: HTTP status and what an officer or citizen reads, in Indonesian first. */
export const ERRORS: Readonly<Record<ErrorCode, ErrorSpec>> = {
  UNAUTHENTICATED: {
    status: 401,
    message: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  },
  FORBIDDEN: {
    status: 403,
    message: { id: 'Anda tidak berwenang melakukan ini.', en: 'You are not allowed to do this.' },
  },
  INVALID_CREDENTIALS: {
    status: 401,
    message: { id: 'Nama pengguna atau PIN salah.', en: 'Wrong username or PIN.' },
  },
  COUNTER_NOT_ASSIGNED: {
    status: 403,
    message: {
      id: 'Anda tidak ditugaskan di loket ini. Pilih loket Anda.',
      en: 'You are not assigned to this counter. Choose your counter.',
    },
  },
  LOCKED_OUT: {
    status: 429,
    message: { id: 'Terlalu banyak percobaan. Coba lagi nanti.', en: 'Too many attempts. Try again later.' },
  },
  VALIDATION_FAILED: {
    status: 400,
    message: { id: 'Data yang dikirim tidak valid.', en: 'The data sent is not valid.' },
  },
  NOT_FOUND: { status: 404, message: { id: 'Data tidak ditemukan.', en: 'Not found.' } },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    message: { id: 'Data yang dikirim terlalu besar.', en: 'The data sent is too large.' },
  },
  IDEMPOTENCY_CONFLICT: {
    status: 409,
    message: {
      id: 'Kunci permintaan sudah dipakai untuk perintah lain.',
      en: 'This request key was already used for another command.',
    },
  },
  RATE_LIMITED: {
    status: 429,
    message: {
      id: 'Terlalu banyak tiket dalam satu menit. Mohon tunggu sebentar.',
      en: 'Too many tickets in one minute. Please wait a moment.',
    },
  },
  PRINT_FAILED: {
    status: 502,
    message: {
      id: 'Tiket tercatat, tetapi gagal dicetak. Silakan hubungi petugas.',
      en: 'The ticket is recorded but could not be printed. Please ask an officer.',
    },
  },
  NO_PRINTER: {
    status: 409,
    message: { id: 'Perangkat ini tidak memiliki printer.', en: 'This device has no printer.' },
  },
  SPEECH_UNAVAILABLE: {
    status: 503,
    message: {
      id: 'Suara panggilan tidak dapat dibuat saat ini.',
      en: 'The call announcement cannot be spoken right now.',
    },
  },
  INTERNAL: {
    status: 500,
    message: { id: 'Terjadi kesalahan pada server.', en: 'Something went wrong on the server.' },
  },
  SERVICE_NOT_FOUND: { status: 404, message: { id: 'Layanan tidak ditemukan.', en: 'Service not found.' } },
  SERVICE_CLOSED: { status: 409, message: { id: 'Layanan sedang tutup.', en: 'The service is closed now.' } },
  COUNTER_NOT_FOUND: { status: 404, message: { id: 'Loket tidak ditemukan.', en: 'Counter not found.' } },
  COUNTER_PAUSED: { status: 409, message: { id: 'Loket sedang jeda.', en: 'The counter is paused.' } },
  COUNTER_NOT_PAUSED: {
    status: 409,
    message: { id: 'Loket tidak sedang jeda.', en: 'The counter is not paused.' },
  },
  COUNTER_BUSY: {
    status: 409,
    message: {
      id: 'Loket masih melayani nomor lain. Selesaikan dulu.',
      en: 'The counter still has a ticket. Finish it first.',
    },
  },
  COUNTER_IDLE: {
    status: 409,
    message: {
      id: 'Tidak ada nomor yang sedang dipanggil di loket ini.',
      en: 'No ticket is called at this counter.',
    },
  },
  TICKET_NOT_FOUND: { status: 404, message: { id: 'Tiket tidak ditemukan.', en: 'Ticket not found.' } },
  TICKET_NOT_TODAY: {
    status: 409,
    message: { id: 'Tiket ini bukan untuk hari ini.', en: 'This ticket is not from today.' },
  },
  INVALID_TRANSITION: {
    status: 409,
    message: {
      id: 'Tindakan ini tidak bisa dilakukan pada status tiket sekarang.',
      en: 'This action is not possible in the ticket’s current state.',
    },
  },
  SERVICE_NOT_AT_COUNTER: {
    status: 409,
    message: {
      id: 'Loket ini tidak melayani layanan tersebut.',
      en: 'This counter does not serve that service.',
    },
  },
  NO_SHOW_TOO_EARLY: {
    status: 409,
    message: {
      id: 'Panggil ulang dulu sebelum menandai tidak hadir.',
      en: 'Recall the ticket before marking it a no-show.',
    },
  },
  LAST_STEP_REACHED: {
    status: 409,
    message: { id: 'Ini langkah terakhir. Tekan Selesai.', en: 'This is the last step. Press Finish.' },
  },
  SAME_SERVICE: {
    status: 409,
    message: { id: 'Tiket sudah berada di layanan itu.', en: 'The ticket is already in that service.' },
  },
  COMPENSATION_NOT_FOUND: {
    status: 404,
    message: { id: 'Kompensasi tidak ditemukan.', en: 'Compensation not found.' },
  },
  COMPENSATION_ALREADY_RESOLVED: {
    status: 409,
    message: { id: 'Kompensasi sudah diselesaikan.', en: 'The compensation is already resolved.' },
  },
};

export interface ApiError {
  readonly code: ErrorCode;
  readonly message: LocalizedMessage;
  readonly details?: readonly { path: string; message: string }[];
}

export interface ApiErrorBody {
  readonly error: ApiError;
}

export function apiError(code: ErrorCode, details?: ApiError['details']): ApiError {
  return details ? { code, message: ERRORS[code].message, details } : { code, message: ERRORS[code].message };
}
