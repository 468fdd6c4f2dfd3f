import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, COMPLAINT_STATUSES, HOLIDAY_KINDS } from '@giliran/domain';
import { z } from 'zod';
import { SaneDate } from './dates.ts';
import { cleanText } from './text.ts';
import { Id } from './schemas.ts';

// The complaint register (Buku Pengaduan): the public form, staff entries and changes, the holiday calendar.

const Instant = z.iso.datetime();
const Localized = z.object({ id: z.string(), en: z.string() });
const Line = (max: number) => cleanText(max, { multiline: max > 300 });
const OptionalLine = (max: number) => cleanText(max, { required: false }).nullish();
const Note = cleanText(1000, { multiline: true, required: false }).nullish();
const CalendarDate = SaneDate;

export const ComplaintChannel = z.enum(COMPLAINT_CHANNELS);
export const ComplaintStatus = z.enum(COMPLAINT_STATUSES);
export const ComplaintCategory = z.enum(COMPLAINT_CATEGORIES);
export const HolidayKind = z.enum(HOLIDAY_KINDS);
export type ComplaintChannel = z.infer<typeof ComplaintChannel>;
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;
export type ComplaintCategory = z.infer<typeof ComplaintCategory>;
export type HolidayKind = z.infer<typeof HolidayKind>;

/** A ticket as the citizen knows it: its number (A012) or the code of its QR. Kept as typed when not found. */
const TicketReference = z
  .string()
  .trim()
  .max(32)
  .transform((text) => text.toUpperCase())
  .nullish();

/** The register's name of a complaint filed without one (the public form's anonymous option). */
export const ANONYMOUS_NAME = 'Anonim';

/**
 * `POST /api/public/complaints`: the `/pengaduan` form, no sign-in. The register's fields; occupation and address
 * may be left blank (the register allows it). `anonymous`: no name, occupation or address is kept, only the
 * contact the answer goes to; the register shows "Anonim".
 */
export const PublicComplaintRequest = z
  .strictObject({
    anonymous: z.boolean().default(false),
    /** Left out when anonymous; given, it must show something (an invisible name is refused as before). */
    name: Line(120).optional(),
    occupation: OptionalLine(120),
    address: OptionalLine(300),
    /** A phone number or e-mail address the answer can also be sent to. */
    contact: Line(120),
    agencyId: Id.nullish(),
    ticket: TicketReference,
    text: Line(4000),
  })
  .superRefine((body, ctx) => {
    if (!body.anonymous && !body.name)
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'a name, or send the complaint anonymously' });
  })
  .transform(({ anonymous, name, occupation, address, ...rest }) => ({
    ...rest,
    name: anonymous ? ANONYMOUS_NAME : (name ?? ANONYMOUS_NAME),
    occupation: (!anonymous && occupation) || null,
    address: (!anonymous && address) || null,
  }));
export type PublicComplaintRequest = z.input<typeof PublicComplaintRequest>;

/**
 * `GET /api/public/complaints/challenge`: the form's proof of work. The filing sends the challenge and a nonce
 * whose SHA-256 of `challenge:nonce` starts with `bits` zero bits (headers x-pow-challenge, x-pow-nonce).
 */
export const PublicComplaintChallenge = z.object({
  challenge: z.string(),
  bits: z.number().int(),
  expiresAt: Instant,
});
export type PublicComplaintChallenge = z.infer<typeof PublicComplaintChallenge>;

/** `POST /api/complaints`: FO or MOD enters a complaint from another channel. A letter may lack an address. */
export const StaffComplaintRequest = z
  .strictObject({
    channel: ComplaintChannel,
    /** SP4N-LAPOR's tracking number (required for that channel), an e-mail's subject, a letter's number. */
    channelRef: OptionalLine(120),
    name: Line(120),
    occupation: OptionalLine(120),
    address: OptionalLine(300),
    contact: OptionalLine(120),
    agencyId: Id.nullish(),
    ticket: TicketReference,
    text: Line(4000),
    category: ComplaintCategory.nullish(),
  })
  .refine((body) => body.channel !== 'sp4n_lapor' || Boolean(body.channelRef), {
    path: ['channelRef'],
    message: 'SP4N-LAPOR complaints need their tracking number',
  });
export type StaffComplaintRequest = z.input<typeof StaffComplaintRequest>;

/** `POST /api/complaints/:id/status`: the next step, with a note; an answer carries its text and return channel. */
export const ComplaintStatusRequest = z.discriminatedUnion('to', [
  z.strictObject({ to: z.literal('verified'), note: Note }),
  z.strictObject({ to: z.literal('in_follow_up'), note: Note }),
  z.strictObject({
    to: z.literal('answered'),
    note: Note,
    answer: Line(4000),
    /** The channel the answer goes back through; the complaint's own channel when left out. */
    answerChannel: ComplaintChannel.nullish(),
  }),
  z.strictObject({ to: z.literal('closed'), note: Note }),
  /** No complaint at all: the clock stops, nothing is raised, the register's counts leave it out. */
  z.strictObject({ to: z.literal('spam'), note: Note }),
]);
export type ComplaintStatusRequest = z.input<typeof ComplaintStatusRequest>;

/** `POST /api/complaints/:id/category`: sets the deadline anew, counted from receipt. */
export const ComplaintCategoryRequest = z.strictObject({ category: ComplaintCategory, note: Note });
export type ComplaintCategoryRequest = z.input<typeof ComplaintCategoryRequest>;

export const ComplaintListQuery = z.strictObject({
  /** `open`: not yet answered (received, verified, in follow-up). */
  status: z.union([ComplaintStatus, z.literal('open')]).optional(),
  category: ComplaintCategory.optional(),
  channel: ComplaintChannel.optional(),
  agencyId: Id.optional(),
  late: z.enum(['true', 'false']).optional(),
  /** Matches the code, register number, name or text. */
  q: z.string().trim().max(100).optional(),
});
export type ComplaintListQuery = z.infer<typeof ComplaintListQuery>;

export const ComplaintHistoryEntry = z.object({
  at: Instant,
  by: z.string(),
  /** received, a status change, a new category, or the late compensation raised at the deadline. */
  kind: z.enum(['received', 'status', 'category', 'late']),
  status: ComplaintStatus,
  category: ComplaintCategory.nullable(),
  note: z.string().nullable(),
});
export type ComplaintHistoryEntry = z.infer<typeof ComplaintHistoryEntry>;

const Deadline = {
  deadlineAt: Instant,
  /** For a working-day category, the last working day (site zone) of the deadline; null for hours. */
  deadlineDay: z.string().nullable(),
  /** Past the deadline without an answer, or answered after it. */
  late: z.boolean(),
  /** Counted through a year whose holiday calendar is not confirmed yet: counted again when it is. */
  deadlineProvisional: z.boolean(),
};

export const ComplaintSummary = z.object({
  id: z.string(),
  code: z.string(),
  registerNo: z.string(),
  channel: ComplaintChannel,
  channelRef: z.string().nullable(),
  name: z.string(),
  occupation: z.string().nullable(),
  address: z.string().nullable(),
  contact: z.string().nullable(),
  text: z.string(),
  agencyId: z.string().nullable(),
  agencyName: Localized.nullable(),
  ticket: z
    .object({ ref: z.string(), ticketId: z.string().nullable(), number: z.string().nullable() })
    .nullable(),
  category: ComplaintCategory,
  status: ComplaintStatus,
  receivedAt: Instant,
  receivedBy: z.string(),
  ...Deadline,
  answer: z.string().nullable(),
  answerChannel: ComplaintChannel.nullable(),
  answeredAt: Instant.nullable(),
  answeredBy: z.string().nullable(),
  lateCompensationId: z.string().nullable(),
});
export type ComplaintSummary = z.infer<typeof ComplaintSummary>;

export const ComplaintView = ComplaintSummary.extend({ history: z.array(ComplaintHistoryEntry) });
export type ComplaintView = z.infer<typeof ComplaintView>;

/** The register with the hub's clock, so a screen counts time left on the hub's time, not its own. */
export const ComplaintList = z.object({ now: Instant, complaints: z.array(ComplaintSummary) });
export type ComplaintList = z.infer<typeof ComplaintList>;

/** What anyone holding the code sees: no name, contact, address or text, only where the complaint stands. */
export const PublicComplaintStatus = z.object({
  code: z.string(),
  registerNo: z.string(),
  siteName: z.string(),
  timeZone: z.string(),
  agencyName: Localized.nullable(),
  category: ComplaintCategory,
  status: ComplaintStatus,
  receivedAt: Instant,
  ...Deadline,
  history: z.array(z.object({ status: ComplaintStatus, at: Instant })),
  answer: z.string().nullable(),
  answerChannel: ComplaintChannel.nullable(),
  answeredAt: Instant.nullable(),
});
export type PublicComplaintStatus = z.infer<typeof PublicComplaintStatus>;

/** `GET /api/public/complaints/form`: what the public form offers. */
export const PublicComplaintForm = z.object({
  siteName: z.string(),
  timeZone: z.string(),
  agencies: z.array(z.object({ id: z.string(), name: Localized })),
});
export type PublicComplaintForm = z.infer<typeof PublicComplaintForm>;

export const HolidayView = z.object({ date: z.string(), kind: HolidayKind, name: z.string() });

/** `GET /api/calendar/years`: this year's and next year's calendar, and the reminder from 1 October. */
export const CalendarYearsView = z.object({
  years: z.array(
    z.object({
      year: z.number().int(),
      confirmed: z.boolean(),
      confirmedAt: Instant.nullable(),
      confirmedBy: z.string().nullable(),
      /** Holidays entered for the year (the fixed-date national holidays count without entry). */
      entered: z.number().int(),
    }),
  ),
  /** Next year, when from 1 October its SKB holidays and cuti bersama are not yet entered and confirmed. */
  missingYear: z.number().int().nullable(),
});
export type CalendarYearsView = z.infer<typeof CalendarYearsView>;
export type HolidayView = z.infer<typeof HolidayView>;

/** `PUT /api/calendar/holidays`: the whole list of one year, replacing what that year had. */
export const HolidaysRequest = z
  .strictObject({
    year: z.number().int().min(2000).max(2100),
    holidays: z.array(z.strictObject({ date: CalendarDate, kind: HolidayKind, name: Line(120) })).max(100),
  })
  .refine((body) => body.holidays.every((h) => h.date.startsWith(`${body.year}-`)), {
    path: ['holidays'],
    message: 'every date must fall in the year',
  })
  .refine((body) => new Set(body.holidays.map((h) => h.date)).size === body.holidays.length, {
    path: ['holidays'],
    message: 'a date may appear once',
  });
export type HolidaysRequest = z.input<typeof HolidaysRequest>;

const CategoryRuleFields = {
  category: ComplaintCategory,
  unit: z.enum(['hours', 'working_days']),
  amount: z.number().int().min(1).max(365),
};
export const ComplaintCategoryRule = z.object(CategoryRuleFields);
export type ComplaintCategoryRule = z.infer<typeof ComplaintCategoryRule>;

/** `PUT /api/complaints/categories`: every category's deadline rule at once. */
export const ComplaintCategoriesRequest = z
  .strictObject({ categories: z.array(z.strictObject(CategoryRuleFields)) })
  .refine(
    (body) =>
      body.categories.length === COMPLAINT_CATEGORIES.length &&
      COMPLAINT_CATEGORIES.every((c) => body.categories.some((r) => r.category === c)),
    { path: ['categories'], message: 'give each category once' },
  );
export type ComplaintCategoriesRequest = z.input<typeof ComplaintCategoriesRequest>;

/** Broadcast to staff: a complaint was filed or changed; screens reload it. No personal data. */
export const ComplaintChanged = z.object({
  id: z.string(),
  code: z.string(),
  registerNo: z.string(),
  status: ComplaintStatus,
  lateCompensationId: z.string().nullable(),
  at: Instant,
});
export type ComplaintChanged = z.infer<typeof ComplaintChanged>;
