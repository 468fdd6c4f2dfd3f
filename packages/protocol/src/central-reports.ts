import { z } from 'zod';
import { ReportFormat } from './schemas.ts';
import { ReportRow } from './views.ts';
import { BookingTerms } from './central-booking.ts';

// Central's region reports: what a hub tells central about itself (its profile), the report query and the
// region's own sections (per site, SKM/IKM, complaints) that the hub's report engine prints after its tables.

const Localized = z.object({ id: z.string().max(200), en: z.string().max(200) });
const Id = z.string().min(1).max(64);
const Minutes = z
  .number()
  .positive()
  .max(24 * 60);
const Standards = z.record(z.string().regex(/^[1-8]$/), Minutes);

/**
 * `PUT /api/central/profile` (site key): the names and SOP standards a report of the site needs, as the hub runs
 * with them (its site file and settings). Sent when it changes; never secrets or accounts' PINs. Officers are
 * named, as on the hall's own officer report.
 */
export const SiteProfile = z.strictObject({
  name: z.string().min(1).max(200),
  timeZone: z.enum(['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura']),
  sopStandards: z.strictObject({
    1: Minutes,
    2: Minutes,
    3: Minutes,
    4: Minutes,
    5: Minutes,
    6: Minutes,
    7: Minutes,
    8: Minutes,
  }),
  sopStepNames: z.record(z.string().regex(/^\d{1,2}$/), Localized),
  agencies: z.array(z.strictObject({ id: Id, name: Localized })).max(500),
  services: z
    .array(z.strictObject({ id: Id, agencyId: Id, name: Localized, sopStandards: Standards.optional() }))
    .max(2000),
  counters: z.array(z.strictObject({ id: Id, name: z.string().max(200), serviceIds: z.array(Id) })).max(1000),
  officers: z.array(z.strictObject({ username: Id, name: z.string().max(200) })).max(5000),
  /** The site's online booking terms, when it takes bookings: central takes them for it (issue 18). */
  booking: BookingTerms.optional(),
});
export type SiteProfile = z.infer<typeof SiteProfile>;

/** `GET /api/central/reports`: one day or a range; `site` narrows the report to one site. */
export const CentralReportQuery = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  format: ReportFormat.default('json'),
  site: Id.optional(),
});
export type CentralReportQuery = z.infer<typeof CentralReportQuery>;

/** One site's (or the region's) SKM: the respondents and the IKM (25–100) with its mutu; null without answers. */
export const RegionSkmRow = z.object({
  key: z.string(),
  name: Localized,
  respondents: z.number().int(),
  ikm: z.number().nullable(),
  mutu: z.string().nullable(),
});
export type RegionSkmRow = z.infer<typeof RegionSkmRow>;

/** Complaints filed in the period: where they stand now, and how many went past their deadline unanswered. */
export const RegionComplaintRow = z.object({
  key: z.string(),
  name: Localized,
  filed: z.number().int(),
  answered: z.number().int(),
  open: z.number().int(),
  late: z.number().int(),
});
export type RegionComplaintRow = z.infer<typeof RegionComplaintRow>;

export const RegionOpenComplaint = z.object({
  siteId: z.string(),
  siteName: z.string(),
  code: z.string(),
  category: z.string(),
  status: z.string(),
  deadlineAt: z.string(),
  late: z.boolean(),
});
export type RegionOpenComplaint = z.infer<typeof RegionOpenComplaint>;

/** The region's own sections of a report, beside the hub's tables. */
export const RegionSections = z.object({
  sites: z.array(ReportRow),
  skm: z.array(RegionSkmRow),
  complaints: z.array(RegionComplaintRow),
  openComplaints: z.array(RegionOpenComplaint),
});
export type RegionSections = z.infer<typeof RegionSections>;

/** `GET /api/central/sites/:id/compensations?date=`: a site's compensations raised that day, as central holds them. */
export const CentralCompensationView = z.object({
  compensationId: z.string(),
  kind: z.string(),
  ticketId: z.string().nullable(),
  /** The ticket's number, when central holds the ticket. */
  number: z.string().nullable(),
  counterId: z.string().nullable(),
  raisedAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type CentralCompensationView = z.infer<typeof CentralCompensationView>;
