import type {
  BookingErrorCode,
  ComplaintErrorCode,
  DomainErrorCode,
  HallRuleCode,
  ReportChainErrorCode,
} from '@giliran/domain';
import { BOOKING_ERRORS } from './booking-errors.ts';
import { CENTRAL_ERRORS, type CentralErrorCode } from './central.ts';
import { MESSAGE_ERRORS, type MessageErrorCode } from './messages.ts';
import { MOBILE_ERRORS, type MobileErrorCode } from './mobile.ts';
import { FEED_ERRORS, type FeedErrorCode } from './central-feed.ts';
import { RESTORE_ERRORS, type RestoreErrorCode } from './central-restore.ts';
import { CENTRAL_VISIT_ERRORS, type CentralVisitErrorCode } from './central-visits.ts';
import { CENTRAL_BOOKING_ERRORS, type CentralBookingErrorCode } from './central-booking.ts';

export type ErrorCode =
  | DomainErrorCode
  | ReportChainErrorCode
  | ComplaintErrorCode
  | CentralErrorCode
  | BookingErrorCode
  | MessageErrorCode
  | HallRuleCode
  | MobileErrorCode
  | FeedErrorCode
  | RestoreErrorCode
  | CentralVisitErrorCode
  | CentralBookingErrorCode
  | 'COMPLAINT_NOT_FOUND'
  | 'COMPLAINT_RATE_LIMITED'
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
  | 'ACCOUNT_NOT_FOUND'
  | 'ACCOUNT_EXISTS'
  | 'ACCOUNT_DISABLED'
  | 'OWN_ACCOUNT'
  | 'SERVICE_UNCOVERED'
  | 'SKM_TICKET_REQUIRED'
  | 'SKM_CODE_REQUIRED'
  | 'SKM_TICKET_NOT_SERVED'
  | 'SKM_TICKET_EXPIRED'
  | 'SKM_ALREADY_ANSWERED'
  | 'SKM_RATE_LIMITED'
  | 'SIGN_IN_RATE_LIMITED'
  | 'EXPORT_BUSY'
  | 'COMPLAINT_PROOF_REQUIRED'
  | 'PAIRING_CODE_INVALID'
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
/** Setting up the hall from the screens (issue 14). */
const HALL_ERRORS: Readonly<
  Record<Exclude<HallRuleCode, 'SERVICE_NOT_FOUND' | 'COUNTER_NOT_FOUND'>, ErrorSpec>
> = {
  AGENCY_EXISTS: {
    status: 409,
    message: { id: 'Kode instansi sudah dipakai.', en: 'This agency id is already in use.' },
  },
  AGENCY_NOT_FOUND: { status: 404, message: { id: 'Instansi tidak ditemukan.', en: 'Agency not found.' } },
  AGENCY_RETIRED: {
    status: 409,
    message: {
      id: 'Instansi ini sudah tidak aktif. Aktifkan kembali dahulu.',
      en: 'This agency is retired. Bring it back first.',
    },
  },
  AGENCY_IN_USE: {
    status: 409,
    message: {
      id: 'Instansi masih punya layanan aktif. Nonaktifkan layanannya dahulu.',
      en: 'The agency still has services in use. Retire them first.',
    },
  },
  SERVICE_EXISTS: {
    status: 409,
    message: { id: 'Kode layanan sudah dipakai.', en: 'This service id is already in use.' },
  },
  SERVICE_RETIRED: {
    status: 409,
    message: { id: 'Layanan ini sudah tidak aktif.', en: 'This service is retired.' },
  },
  PREFIX_TAKEN: {
    status: 409,
    message: {
      id: 'Huruf awalan nomor sudah dipakai layanan lain (juga yang tidak aktif).',
      en: 'This number prefix is used by another service (retired ones too).',
    },
  },
  COUNTER_EXISTS: {
    status: 409,
    message: { id: 'Kode loket sudah dipakai.', en: 'This counter id is already in use.' },
  },
  COUNTER_IN_USE: {
    status: 409,
    message: {
      id: 'Loket masih melayani tiket. Selesaikan tiketnya dahulu.',
      en: 'The counter is still serving a ticket. Finish it first.',
    },
  },
};

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
  ACCOUNT_NOT_FOUND: { status: 404, message: { id: 'Akun tidak ditemukan.', en: 'Account not found.' } },
  ACCOUNT_EXISTS: {
    status: 409,
    message: { id: 'Nama pengguna sudah dipakai.', en: 'This username is already taken.' },
  },
  ACCOUNT_DISABLED: {
    status: 403,
    message: {
      id: 'Akun ini dinonaktifkan. Hubungi admin.',
      en: 'This account is disabled. Please contact the administrator.',
    },
  },
  OWN_ACCOUNT: {
    status: 409,
    message: {
      id: 'Anda tidak dapat menonaktifkan akun Anda sendiri.',
      en: 'You cannot disable your own account.',
    },
  },
  SERVICE_UNCOVERED: {
    status: 409,
    message: {
      id: 'Masih ada antrean yang menunggu layanan ini dan tidak ada loket lain yang melayaninya. Tambahkan layanan itu ke loket lain dahulu.',
      en: 'Tickets still wait for this service and no other counter serves it. Add the service to another counter first.',
    },
  },
  SKM_CODE_REQUIRED: {
    status: 400,
    message: {
      id: 'Nomor antrean saja tidak cukup, karena dapat dibaca siapa pun di aula. Ketik kode survei yang tercetak di bawah kode QR tiket Anda.',
      en: 'The queue number alone is not enough, since anyone in the hall can read it. Type the survey code printed under the QR code of your ticket.',
    },
  },
  SKM_TICKET_REQUIRED: {
    status: 400,
    message: {
      id: 'Survei diisi dengan tiket antrean Anda. Pindai kode QR pada tiket.',
      en: 'The survey is filled in with your queue ticket. Scan the QR code on the ticket.',
    },
  },
  SKM_TICKET_NOT_SERVED: {
    status: 409,
    message: {
      id: 'Survei dapat diisi setelah Anda dilayani di loket.',
      en: 'The survey can be filled in once you have been served at the counter.',
    },
  },
  SKM_TICKET_EXPIRED: {
    status: 409,
    message: {
      id: 'Masa pengisian survei untuk tiket ini sudah berakhir.',
      en: 'The survey period for this ticket has ended.',
    },
  },
  SKM_ALREADY_ANSWERED: {
    status: 409,
    message: {
      id: 'Survei untuk tiket ini sudah diisi. Setiap tiket hanya dapat mengisi satu kali. Terima kasih.',
      en: 'The survey for this ticket has already been filled in. Each ticket can answer once. Thank you.',
    },
  },
  SKM_RATE_LIMITED: {
    status: 429,
    message: {
      id: 'Terlalu banyak percobaan survei. Mohon tunggu sebentar.',
      en: 'Too many survey attempts. Please wait a moment.',
    },
  },
  // Says no wait of its own: the answer's Retry-After does, and the staff pages add it (failureText).
  SIGN_IN_RATE_LIMITED: {
    status: 429,
    message: {
      id: 'Terlalu banyak percobaan masuk dari perangkat ini.',
      en: 'Too many sign-in attempts from this device.',
    },
  },
  COMPLAINT_PROOF_REQUIRED: {
    status: 400,
    message: {
      id: 'Formulir belum siap dikirim. Muat ulang halaman, lalu kirim lagi.',
      en: 'The form was not ready to send. Reload the page, then send it again.',
    },
  },
  // Says no wait of its own: the answer's Retry-After does, and the staff pages add it (failureText).
  EXPORT_BUSY: {
    status: 429,
    message: {
      id: 'Server sedang menyiapkan banyak laporan.',
      en: 'The server is preparing many reports right now.',
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
  PAIRING_CODE_INVALID: {
    status: 400,
    message: {
      id: 'Kode pemasangan salah, sudah dipakai, atau kedaluwarsa. Minta kode baru kepada admin.',
      en: 'The pairing code is wrong, already used or expired. Ask the admin for a new one.',
    },
  },
  TICKET_NOT_AT_YOUR_COUNTER: {
    status: 403,
    message: {
      id: 'Petugas hanya dapat membatalkan atau memindahkan tiket di loketnya sendiri. Tiket yang menunggu diurus FO atau MOD.',
      en: 'An officer may cancel or transfer only the ticket at their own counter. Waiting tickets are for FO or MOD.',
    },
  },
  COMPENSATION_NOT_FOUND: {
    status: 404,
    message: { id: 'Kompensasi tidak ditemukan.', en: 'Compensation not found.' },
  },
  REPORT_CHAIN_FUTURE_DAY: {
    status: 409,
    message: {
      id: 'Laporan hari yang belum tiba tidak dapat dibuka.',
      en: 'There is no report chain for a day that has not come yet.',
    },
  },
  REPORT_CHAIN_NOT_SIGNER: {
    status: 403,
    message: {
      id: 'Langkah laporan ini bukan tugas Anda.',
      en: 'This step of the report chain is not yours to sign.',
    },
  },
  REPORT_CHAIN_OUT_OF_ORDER: {
    status: 409,
    message: {
      id: 'Langkah laporan harus berurutan (9 sampai 13). Langkah sebelumnya belum selesai atau langkah ini sudah ditutup.',
      en: 'Report steps go in order (9 to 13). The step before is not done, or this one is closed.',
    },
  },
  REPORT_CHAIN_ALREADY_SIGNED: {
    status: 409,
    message: { id: 'Langkah ini sudah ditandatangani.', en: 'This step is already signed.' },
  },
  REPORT_CHAIN_GERAI_MISSING: {
    status: 409,
    message: {
      id: 'Masih ada gerai yang belum menyerahkan rekap. Sebutkan gerai tersebut satu per satu beserta alasannya.',
      en: 'Some gerai have not handed in their recap. Name each of them and give the reason.',
    },
  },
  REPORT_CHAIN_AGENCY_REQUIRED: {
    status: 400,
    message: { id: 'Pilih gerai yang rekapnya diserahkan.', en: 'Choose the gerai whose recap this is.' },
  },
  REPORT_CHAIN_AGENCY_NOT_FOUND: {
    status: 404,
    message: { id: 'Gerai tidak ditemukan.', en: 'Gerai not found.' },
  },
  REPORT_CHAIN_REPORT_REQUIRED: {
    status: 400,
    message: { id: 'Isi laporan MPP terlebih dahulu.', en: 'Write the MPP report first.' },
  },
  REPORT_CHAIN_FIELD_NOT_ALLOWED: {
    status: 400,
    message: {
      id: 'Data ini bukan untuk langkah laporan tersebut.',
      en: 'This data does not belong to that step of the report chain.',
    },
  },
  COMPENSATION_ALREADY_RESOLVED: {
    status: 409,
    message: { id: 'Kompensasi sudah diselesaikan.', en: 'The compensation is already resolved.' },
  },
  COMPLAINT_NOT_FOUND: {
    status: 404,
    message: {
      id: 'Pengaduan tidak ditemukan. Periksa kembali kode pengaduan Anda.',
      en: 'Complaint not found. Please check your complaint code.',
    },
  },
  COMPLAINT_RATE_LIMITED: {
    status: 429,
    message: {
      id: 'Terlalu banyak pengaduan dari jaringan ini. Mohon coba lagi beberapa menit lagi.',
      en: 'Too many complaints from this network. Please try again in a few minutes.',
    },
  },
  COMPLAINT_INVALID_TRANSITION: {
    status: 409,
    message: {
      id: 'Status pengaduan tidak dapat diubah ke tahap itu dari tahap sekarang.',
      en: 'The complaint cannot move to that status from where it is now.',
    },
  },
  COMPLAINT_REASON_REQUIRED: {
    status: 400,
    message: {
      id: 'Tuliskan alasan menutup pengaduan yang belum dijawab.',
      en: 'Give the reason for closing a complaint that was not answered.',
    },
  },
  COMPLAINT_ALREADY_ANSWERED: {
    status: 409,
    message: {
      id: 'Pengaduan sudah dijawab; kategorinya tidak dapat diubah lagi.',
      en: 'The complaint is already answered; its category can no longer change.',
    },
  },
  ...CENTRAL_ERRORS,
  ...BOOKING_ERRORS,
  ...MESSAGE_ERRORS,
  ...HALL_ERRORS,
  ...MOBILE_ERRORS,
  ...FEED_ERRORS,
  ...RESTORE_ERRORS,
  ...CENTRAL_VISIT_ERRORS,
  ...CENTRAL_BOOKING_ERRORS,
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
