import {
  COMPLAINT_CATEGORIES,
  CREW_ROLES,
  PERMIT_DOCUMENTS,
  RISK_CLASSES,
  VISIT_OUTCOMES,
  VISIT_PURPOSES,
  VISIT_REQUESTER_KINDS,
  type MobileRuleCode,
} from '@giliran/domain';
import { z } from 'zod';
import { SaneDate } from './dates.ts';
import { cleanText } from './text.ts';

// The mobile service unit's wire contract: requests, visits, milestones, the registers, and its error codes.

const Line = (max: number) => cleanText(max);
const OptionalLine = (max: number) => cleanText(max, { required: false }).nullish();
const Note = cleanText(1000, { multiline: true, required: false }).nullish();

export const VisitPlaceInput = z.strictObject({
  village: Line(120),
  district: Line(120),
  address: OptionalLine(300),
  // Indonesia lies within about 6°N–11°S and 95°E–141°E.
  latitude: z.number().min(-11.5).max(6.5).nullish(),
  longitude: z.number().min(94).max(141.5).nullish(),
});
export type VisitPlaceInput = z.input<typeof VisitPlaceInput>;

/** `POST /api/visit-requests`: a written request (Camat, Lurah, Kepala Desa, organisation) or a business's call. */
export const VisitRequestInput = z.strictObject({
  requesterKind: z.enum(VISIT_REQUESTER_KINDS),
  requesterName: Line(160),
  letterNumber: OptionalLine(80),
  letterDate: SaneDate.nullish(),
  place: VisitPlaceInput,
  wishedDate: SaneDate,
  agencies: z.array(Line(120)).max(12).default([]),
  note: Note,
});
export type VisitRequestInput = z.input<typeof VisitRequestInput>;

export const DeclineVisitRequestInput = z.strictObject({ reason: Line(500) });

/** `POST /api/visits`: from a request (`requestId`) or directly with its own place. */
export const VisitInput = z.strictObject({
  requestId: z.string().min(1).max(64).nullish(),
  date: SaneDate,
  place: VisitPlaceInput.nullish(),
  suratTugasNumber: Line(80),
  // More than four is the domain's coded refusal (MOBILE_CREW_TOO_LARGE), not a shape error.
  crew: z
    .array(z.strictObject({ name: Line(120), role: z.enum(CREW_ROLES) }))
    .min(1)
    .max(12),
  notice: z.strictObject({ letterNumber: Line(80), letterDate: SaneDate, addressedTo: Line(160) }).nullish(),
  agencies: z.array(Line(120)).max(12).nullish(),
});
export type VisitInput = z.input<typeof VisitInput>;

export const MilestoneInput = z.strictObject({ note: Note });

/**
 * A visit the coordinator scheduled at central for this unit (feed kind `visit:scheduled`): its id is central's, so
 * the region and the unit name it alike. `approvedBy` is the Kepala Dinas who approved it there, if already.
 */
export const VisitScheduledFeed = z.strictObject({
  visitId: z.uuid(),
  date: SaneDate,
  place: VisitPlaceInput,
  suratTugasNumber: Line(80),
  crew: z
    .array(z.strictObject({ name: Line(120), role: z.enum(CREW_ROLES) }))
    .min(1)
    .max(12),
  notice: z
    .strictObject({ letterNumber: Line(80), letterDate: SaneDate, addressedTo: Line(160) })
    .nullable()
    .default(null),
  agencies: z.array(Line(120)).max(12).default([]),
  approvedBy: z.string().min(1).max(64).nullable().default(null),
});
export type VisitScheduledFeed = z.output<typeof VisitScheduledFeed>;

/** `POST /api/visits/:id/register`: a visit-register entry; a complaint entry files into the Buku Pengaduan too. */
export const VisitRegisterInput = z
  .strictObject({
    name: Line(120),
    // Checked as 16 digits by the domain (MOBILE_NIK_INVALID); spaces a KTP prints are taken out.
    nik: z
      .string()
      .max(32)
      .transform((t) => t.replace(/[\s.-]/g, ''))
      .nullish(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 -]{8,20}$/, 'a phone number')
      .transform((t) => t.replace(/[\s-]/g, ''))
      .nullish(),
    businessName: OptionalLine(160),
    riskClass: z.enum(RISK_CLASSES).nullish(),
    purpose: z.enum(VISIT_PURPOSES),
    outcome: z.enum(VISIT_OUTCOMES).default('completed'),
    note: Note,
    outsideWindowReason: OptionalLine(300),
    complaint: z
      .strictObject({
        text: cleanText(4000, { multiline: true }),
        category: z.enum(COMPLAINT_CATEGORIES).nullish(),
      })
      .nullish(),
    /** The queue ticket the counter is serving, when the entry is filled from the counter page. */
    ticketId: z.string().min(1).max(64).nullish(),
  })
  .refine((body) => body.purpose !== 'complaint' || Boolean(body.complaint), {
    path: ['complaint'],
    message: 'a complaint entry carries the complaint text',
  });
export type VisitRegisterInput = z.input<typeof VisitRegisterInput>;

/**
 * `POST /api/visits/:id/permits`: the issuance register. Strict: a `password` (the OSS account's, written by hand
 * on the back of the printed NIB) is refused, never stored.
 */
export const PermitInput = z.strictObject({
  entryId: z.string().min(1).max(64).nullish(),
  // Checked as 13 digits by the domain (MOBILE_NIB_INVALID), so the officer reads what is wrong with it.
  nib: z
    .string()
    .max(32)
    .transform((t) => t.replace(/\s/g, '')),
  businessName: Line(160),
  riskClass: z.enum(RISK_CLASSES),
  document: z.enum(PERMIT_DOCUMENTS).default('nib'),
  issuedInOssAt: z.iso.datetime(),
  printed: z.boolean(),
  handedOver: z.boolean(),
  accessExplained: z.boolean(),
});
export type PermitInput = z.input<typeof PermitInput>;

export const CounsellingInput = z.strictObject({
  topic: Line(200),
  peopleReached: z.number().int().min(1).max(10_000),
});
export type CounsellingInput = z.input<typeof CounsellingInput>;

export type MobileErrorCode = MobileRuleCode;

export const MOBILE_ERRORS: Readonly<
  Record<MobileErrorCode, { status: number; message: { id: string; en: string } }>
> = {
  MOBILE_REQUEST_NOT_FOUND: {
    status: 404,
    message: { id: 'Permohonan kunjungan tidak ditemukan.', en: 'Visit request not found.' },
  },
  MOBILE_REQUEST_CLOSED: {
    status: 409,
    message: {
      id: 'Permohonan ini sudah dijadwalkan, ditolak, atau selesai.',
      en: 'This request is already scheduled, declined or done.',
    },
  },
  MOBILE_VISIT_NOT_FOUND: {
    status: 404,
    message: { id: 'Kunjungan tidak ditemukan.', en: 'Visit not found.' },
  },
  MOBILE_CREW_TOO_LARGE: {
    status: 400,
    message: {
      id: 'Petugas paling banyak 4 orang termasuk pengemudi.',
      en: 'At most four crew members, the driver included.',
    },
  },
  MOBILE_CREW_NEEDS_COORDINATOR: {
    status: 400,
    message: { id: 'Tim harus memiliki seorang koordinator.', en: 'The crew needs a coordinator.' },
  },
  MOBILE_PLACE_REQUIRED: {
    status: 400,
    message: {
      id: 'Tuliskan lokasi kunjungan (desa/kelurahan dan kecamatan).',
      en: 'Give the place of the visit (village and district).',
    },
  },
  MOBILE_DATE_PAST: {
    status: 400,
    message: { id: 'Tanggal itu sudah lewat.', en: 'That date has passed.' },
  },
  MOBILE_DATE_TAKEN: {
    status: 409,
    message: {
      id: 'Sudah ada kunjungan pada tanggal itu; satu kendaraan satu kunjungan per hari.',
      en: 'A visit is already scheduled that day; one vehicle makes one visit a day.',
    },
  },
  MOBILE_VISIT_ALREADY_APPROVED: {
    status: 409,
    message: { id: 'Kunjungan ini sudah disetujui.', en: 'This visit is already approved.' },
  },
  MOBILE_VISIT_NOT_APPROVED: {
    status: 409,
    message: {
      id: 'Kunjungan belum disetujui Kepala Dinas.',
      en: 'The visit is not yet approved by the Kepala Dinas.',
    },
  },
  MOBILE_VISIT_NOT_TODAY: {
    status: 409,
    message: {
      id: 'Kunjungan ini tidak dijadwalkan hari ini.',
      en: 'This visit is not scheduled for today.',
    },
  },
  MOBILE_VISIT_CLOSED: {
    status: 409,
    message: {
      id: 'Kunjungan ini sudah dilaporkan; catatannya tidak dapat ditambah.',
      en: 'This visit is already reported; its records cannot grow.',
    },
  },
  MOBILE_MILESTONE_RECORDED: {
    status: 409,
    message: { id: 'Tahap ini sudah dicatat.', en: 'This milestone is already recorded.' },
  },
  MOBILE_MILESTONE_OUT_OF_ORDER: {
    status: 409,
    message: {
      id: 'Catat dahulu tahap sebelumnya.',
      en: 'Record the milestone before this one first.',
    },
  },
  MOBILE_OUTSIDE_SERVICE_WINDOW: {
    status: 409,
    message: {
      id: 'Di luar jam layanan (09.00–12.00): tuliskan alasannya.',
      en: 'Outside the service hours (09:00–12:00): give the reason.',
    },
  },
  MOBILE_NIK_INVALID: {
    status: 400,
    message: { id: 'NIK harus 16 angka.', en: 'A NIK is 16 digits.' },
  },
  MOBILE_NIB_INVALID: {
    status: 400,
    message: { id: 'Nomor NIB harus 13 angka.', en: 'An NIB number is 13 digits.' },
  },
  MOBILE_PERMIT_DUPLICATE: {
    status: 409,
    message: {
      id: 'NIB ini sudah tercatat di register penerbitan kunjungan ini.',
      en: 'This NIB is already in this visit’s issuance register.',
    },
  },
  MOBILE_PHOTO_TOO_LARGE: {
    status: 413,
    message: {
      id: 'Foto terlalu besar. Kecilkan ukurannya lalu kirim lagi.',
      en: 'The photo is too large. Make it smaller and send it again.',
    },
  },
  MOBILE_PHOTO_NOT_IMAGE: {
    status: 415,
    message: {
      id: 'Berkas itu bukan foto (JPEG, PNG atau WebP).',
      en: 'That file is not a photo (JPEG, PNG or WebP).',
    },
  },
};

// What the hub answers: the pages and the report read these shapes.

export interface VisitPlaceView {
  readonly village: string;
  readonly district: string;
  readonly address: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
}

export interface VisitRequestView {
  readonly id: string;
  readonly requesterKind: string;
  readonly requesterName: string;
  readonly letterNumber: string | null;
  readonly letterDate: string | null;
  readonly place: VisitPlaceView;
  readonly wishedDate: string;
  readonly agencies: readonly string[];
  readonly note: string | null;
  readonly status: string;
  readonly declineReason: string | null;
  readonly receivedAt: string;
  readonly receivedBy: string;
}

export interface MilestoneView {
  readonly milestone: string;
  readonly name: { readonly id: string; readonly en: string };
  /** The standard in local time and how it is read: `by` late after it, `from` early before it. */
  readonly standard: string;
  readonly rule: 'by' | 'from';
  readonly at: string | null;
  readonly by: string | null;
  readonly judgement: 'on_time' | 'late' | 'early' | null;
  readonly minutesOff: number | null;
  readonly note: string | null;
}

export interface VisitSummaryView {
  readonly id: string;
  readonly requestId: string | null;
  readonly date: string;
  readonly place: VisitPlaceView;
  readonly suratTugasNumber: string;
  readonly crew: readonly { readonly name: string; readonly role: string }[];
  readonly notice: {
    readonly letterNumber: string;
    readonly letterDate: string;
    readonly addressedTo: string;
  } | null;
  readonly agencies: readonly string[];
  readonly status: string;
  readonly plannedBy: string;
  readonly approvedBy: string | null;
  readonly approvedAt: string | null;
  readonly registered: number;
  readonly permitsIssued: number;
  /** Milestones recorded late or early: the coordinator's page shows them. */
  readonly offStandard: number;
  readonly nextMilestone: string | null;
}

export interface VisitRegisterEntryView {
  readonly id: string;
  readonly orderNumber: number;
  readonly name: string;
  /** Masked (`************0001`) unless the caller's role needs it in full. */
  readonly nik: string | null;
  readonly phone: string | null;
  readonly businessName: string | null;
  readonly riskClass: string | null;
  readonly purpose: string;
  readonly outcome: string;
  readonly note: string | null;
  readonly outsideWindowReason: string | null;
  readonly complaintId: string | null;
  readonly ticketId: string | null;
  readonly at: string;
  readonly by: string;
}

export interface PermitView {
  readonly id: string;
  readonly entryId: string | null;
  readonly nib: string;
  readonly businessName: string;
  readonly riskClass: string;
  readonly document: string;
  readonly issuedInOssAt: string;
  readonly printed: boolean;
  readonly handedOver: boolean;
  readonly accessExplained: boolean;
  readonly at: string;
  readonly by: string;
}

export interface CounsellingView {
  readonly id: string;
  readonly topic: string;
  readonly peopleReached: number;
  readonly at: string;
  readonly by: string;
}

export interface PhotoView {
  readonly id: string;
  readonly mime: string;
  readonly bytes: number;
  readonly caption: string | null;
  readonly at: string;
  readonly by: string;
}

export interface VisitDetailView extends VisitSummaryView {
  readonly milestones: readonly MilestoneView[];
  readonly register: readonly VisitRegisterEntryView[];
  readonly permits: readonly PermitView[];
  readonly counselling: readonly CounsellingView[];
  readonly photos: readonly PhotoView[];
  /** Whether NIK and phone are shown in full (the coordinator) or masked. */
  readonly personalData: 'full' | 'masked';
}

export interface VisitReportView {
  readonly unitName: string;
  readonly siteName: string;
  readonly timeZone: string;
  readonly generatedAt: string;
  readonly visit: VisitSummaryView;
  readonly milestones: readonly MilestoneView[];
  /** People served by purpose (the visit register), and all of them. */
  readonly countsByPurpose: Readonly<Record<string, number>>;
  readonly registered: number;
  readonly outsideWindow: number;
  readonly permitsIssued: number;
  readonly permits: readonly PermitView[];
  readonly complaints: readonly {
    readonly code: string;
    readonly registerNumber: string;
    readonly category: string;
    readonly status: string;
    readonly deadlineAt: string;
  }[];
  readonly counselling: {
    readonly sessions: number;
    readonly peopleReached: number;
    readonly topics: readonly string[];
  };
  /** The SKM answers of the visit's day; the IKM only with enough answers. */
  readonly skm: {
    readonly respondents: number;
    readonly minimumForIndex: number;
    readonly ikm: number | null;
    readonly mutu: string | null;
  };
  readonly photos: readonly PhotoView[];
  /** The coordinator's report to the superior (the `reported` milestone). */
  readonly signedOff: { readonly by: string; readonly at: string } | null;
  /** NIK and phone never appear in a report: the register is counted, not listed with them. */
  readonly register: readonly Omit<VisitRegisterEntryView, 'nik' | 'phone'>[];
}

export interface VisitRecapView {
  readonly unitName: string;
  readonly month: string;
  readonly visits: readonly {
    readonly id: string;
    readonly date: string;
    readonly village: string;
    readonly district: string;
    readonly status: string;
    readonly registered: number;
    readonly permitsIssued: number;
    readonly complaints: number;
    readonly peopleReached: number;
    readonly offStandard: number;
  }[];
  readonly totals: {
    readonly visits: number;
    readonly registered: number;
    readonly permitsIssued: number;
    readonly complaints: number;
    readonly peopleReached: number;
    readonly countsByPurpose: Readonly<Record<string, number>>;
  };
}

export const VisitReportQuery = z.strictObject({ format: z.enum(['json', 'pdf', 'xlsx']).default('json') });
export const VisitRecapQuery = z.strictObject({
  month: z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
  format: z.enum(['json', 'xlsx']).default('json'),
});
