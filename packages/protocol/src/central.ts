import { isCalendarDate } from '@giliran/domain';
import { z } from 'zod';

// The wire contract between hubs and the central server, and of central's own routes.

export type CentralErrorCode =
  | 'CENTRAL_KEY_INVALID'
  | 'CENTRAL_SITE_DISABLED'
  | 'CENTRAL_SITE_MISMATCH'
  | 'CENTRAL_SITE_NOT_FOUND'
  | 'CENTRAL_SITE_EXISTS'
  | 'CENTRAL_BATCH_TOO_LARGE'
  | 'CENTRAL_SEQ_GAP'
  | 'CENTRAL_SEQ_CONFLICT';

export const CENTRAL_ERRORS: Readonly<
  Record<CentralErrorCode, { status: number; message: { id: string; en: string } }>
> = {
  CENTRAL_KEY_INVALID: {
    status: 401,
    message: { id: 'Kunci situs salah atau tidak dikenal.', en: 'The site key is wrong or unknown.' },
  },
  CENTRAL_SITE_DISABLED: {
    status: 401,
    message: {
      id: 'Situs ini dinonaktifkan di server pusat. Hubungi admin wilayah.',
      en: 'This site is disabled at the central server. Contact the regional administrator.',
    },
  },
  CENTRAL_SITE_MISMATCH: {
    status: 403,
    message: {
      id: 'Kunci ini milik situs lain. Periksa siteId pada berkas situs.',
      en: 'This key belongs to another site. Check the siteId in the site file.',
    },
  },
  CENTRAL_SITE_NOT_FOUND: {
    status: 404,
    message: { id: 'Situs tidak ditemukan.', en: 'Site not found.' },
  },
  CENTRAL_SITE_EXISTS: {
    status: 409,
    message: { id: 'Kode situs sudah dipakai.', en: 'This site id is already taken.' },
  },
  CENTRAL_BATCH_TOO_LARGE: {
    status: 413,
    message: {
      id: 'Kiriman berisi terlalu banyak kejadian. Kirim dalam beberapa bagian.',
      en: 'The batch holds too many events. Send it in several parts.',
    },
  },
  CENTRAL_SEQ_GAP: {
    status: 409,
    message: {
      id: 'Ada kejadian yang terlewat sebelum kiriman ini. Kirim ulang dari nomor yang sudah diterima pusat.',
      en: 'Events are missing before this batch. Send again from the sequence central acknowledged.',
    },
  },
  CENTRAL_SEQ_CONFLICT: {
    status: 409,
    message: {
      id: 'Nomor kejadian ini sudah tersimpan di pusat dengan isi lain. Log hub tidak cocok dengan pusat.',
      en: 'Central already holds this event number with other content. The hub’s log does not match central.',
    },
  },
};

/** At most this many events in one `POST /api/central/sync`. */
export const MAX_SYNC_EVENTS = 1000;
/** A sync body is at most this large (bytes); the hub sizes its batches under it. */
export const MAX_SYNC_BYTES = 4 * 1024 * 1024;

/** The date last found valid: a batch's hundreds of events share one or two service days. */
let lastValidDate = '';
const CalendarDate = z.string().refine((text) => {
  if (text === lastValidDate) return true;
  if (!isCalendarDate(text)) return false;
  lastValidDate = text;
  return true;
}, 'a date YYYY-MM-DD');
const Seq = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const SiteId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and - only');

/** One row of a hub's `events` table: central keeps every type, and builds its views from the types it knows. */
export const SyncEvent = z.strictObject({
  seq: Seq,
  type: z
    .string()
    .min(3)
    .max(64)
    .regex(/^[a-z][a-z0-9_.-]*:[a-z][a-z0-9_.-]*$/, 'resource:action'),
  serviceDay: CalendarDate,
  at: z.iso.datetime({ offset: true }),
  payload: z.record(z.string(), z.unknown()),
});
export type SyncEvent = z.infer<typeof SyncEvent>;

/**
 * A batch of a hub's log: `after` is the sequence of the event just before the first one (what the hub believes
 * central holds), so central can tell a gap even where the hub's numbering skips; `head` and `headAt` are the
 * newest event the hub has, so central knows how far behind it is.
 */
export const SyncBatch = z.strictObject({
  siteId: SiteId,
  after: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  head: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  headAt: z.iso.datetime({ offset: true }).nullable(),
  events: z.array(SyncEvent),
});
export type SyncBatch = z.infer<typeof SyncBatch>;

/** Central's answer: the highest sequence it holds for the site with nothing missing before it. */
export const SyncAck = z.strictObject({
  siteId: SiteId,
  ackedSeq: z.number().int().min(0),
  stored: z.number(),
});
export type SyncAck = z.infer<typeof SyncAck>;

export const CentralRole = z.enum(['regional_admin', 'regional_viewer']);
export type CentralRole = z.infer<typeof CentralRole>;

export const SiteKind = z.enum(['hall', 'mobile']);
export const SiteCreateRequest = z.strictObject({
  id: SiteId,
  kind: SiteKind,
  name: z.string().trim().min(1).max(120),
  region: z.string().trim().min(1).max(120),
});
export type SiteCreateRequest = z.infer<typeof SiteCreateRequest>;

/** The key is shown once, here; central keeps only its hash. */
export const SiteCreated = z.strictObject({
  id: SiteId,
  key: z.string(),
  /** Central's booking public key (PEM): the hub's site file names it as `central.bookingKey`. */
  bookingKey: z.string().optional(),
});
export type SiteCreated = z.infer<typeof SiteCreated>;

export const SiteStatus = z.enum(['in_sync', 'behind', 'offline']);
export type SiteStatus = z.infer<typeof SiteStatus>;

export const DayFigures = z.strictObject({
  issued: z.number().int(),
  waiting: z.number().int(),
  serving: z.number().int(),
  served: z.number().int(),
  handedToAgency: z.number().int(),
  noShow: z.number().int(),
  cancelled: z.number().int(),
  transferred: z.number().int(),
  compensationsOpen: z.number().int(),
  /** Mean wait, issue → first call, of the tickets called that day (seconds). */
  avgWaitSeconds: z.number().nullable(),
});
export type DayFigures = z.infer<typeof DayFigures>;

export const CentralSiteView = z.strictObject({
  id: SiteId,
  kind: SiteKind,
  name: z.string(),
  region: z.string(),
  disabled: z.boolean(),
  lastSeq: z.number().int(),
  /** The newest event central holds for the site (hub time). */
  lastEventAt: z.string().nullable(),
  /** When the site last reached central, with or without events. */
  lastContactAt: z.string().nullable(),
  /** Events the hub has that central does not yet hold (as the hub last said). */
  behindEvents: z.number().int(),
  /** How far central's copy lags the hub's newest event, in minutes of hub time. */
  behindMinutes: z.number(),
  status: SiteStatus,
  serviceDay: z.string().nullable(),
  today: DayFigures.nullable(),
});
export type CentralSiteView = z.infer<typeof CentralSiteView>;

export const CentralTicketView = z.strictObject({
  ticketId: z.string(),
  number: z.string(),
  serviceId: z.string(),
  priority: z.string().nullable(),
  channel: z.string(),
  status: z.string(),
  counterId: z.string().nullable(),
  issuedAt: z.string(),
  firstCalledAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  outcome: z.string().nullable(),
  servedBy: z.string().nullable(),
});
export type CentralTicketView = z.infer<typeof CentralTicketView>;

export const CentralTicketsQuery = z.strictObject({ date: CalendarDate });

/** `GET /api/central/status` on a hub: how its push to central stands. */
export const CentralPushStatus = z.strictObject({
  configured: z.boolean(),
  siteId: z.string().nullable(),
  lastPushedSeq: z.number().int(),
  lastAckedSeq: z.number().int(),
  pending: z.number().int(),
  lastError: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
});
export type CentralPushStatus = z.infer<typeof CentralPushStatus>;
