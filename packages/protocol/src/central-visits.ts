import { z } from 'zod';
import { VisitPlaceInput, VisitScheduledFeed } from './mobile.ts';

/*
 * A mobile unit's visit scheduled at central (issue 17): the coordinator plans at the regional office, the Kepala
 * Dinas approves, and the visit goes down the unit's site feed (kind `visit:scheduled`) to its laptop. Central keeps
 * what it scheduled, and shows how far each visit has got: sent, taken by the unit, in its schedule, or refused.
 */

/**
 * `POST /api/central/sites/:id/visits` (regional admin): the feed's payload as the form fills it. `visitId` is the
 * form's own (a retried submit gives the same visit); central makes one when it is left out. Crew size and the
 * coordinator are the domain's coded refusals (MOBILE_CREW_TOO_LARGE, MOBILE_CREW_NEEDS_COORDINATOR), not shape
 * errors, as on the laptop.
 */
export const CentralVisitInput = VisitScheduledFeed.extend({ visitId: z.uuid().optional() });
export type CentralVisitInput = z.input<typeof CentralVisitInput>;

/**
 * Where a visit central scheduled stands: `sent` (in the feed, the unit has not pulled it), `pulled` (the unit has
 * taken it; its log has not come back yet), `scheduled` (the unit's log says it is in its schedule) or `refused`
 * (the unit's own rules refused it, e.g. a visit already planned on the laptop that day; `refusedCode` says why).
 */
export const CENTRAL_VISIT_STATES = ['sent', 'pulled', 'scheduled', 'refused'] as const;
export type CentralVisitState = (typeof CENTRAL_VISIT_STATES)[number];

export const CentralVisitView = z.strictObject({
  visitId: z.uuid(),
  siteId: z.string(),
  date: z.string(),
  place: VisitPlaceInput,
  suratTugasNumber: z.string(),
  crew: VisitScheduledFeed.shape.crew,
  notice: VisitScheduledFeed.shape.notice,
  agencies: z.array(z.string()),
  approvedBy: z.string().nullable(),
  scheduledBy: z.string(),
  scheduledAt: z.string(),
  /** The visit's place in the site's feed. */
  feedCursor: z.number().int(),
  state: z.enum(CENTRAL_VISIT_STATES),
  /** When the unit last pulled its feed, once it has pulled this visit. */
  pulledAt: z.string().nullable(),
  refusedCode: z.string().nullable(),
});
export type CentralVisitView = z.infer<typeof CentralVisitView>;

export type CentralVisitErrorCode = 'CENTRAL_SITE_NOT_MOBILE';

export const CENTRAL_VISIT_ERRORS: Readonly<
  Record<CentralVisitErrorCode, { status: number; message: { id: string; en: string } }>
> = {
  CENTRAL_SITE_NOT_MOBILE: {
    status: 409,
    message: {
      id: 'Situs ini bukan unit layanan keliling; kunjungan hanya dijadwalkan untuk situs jenis keliling.',
      en: 'This site is not a mobile unit; visits are scheduled only for sites of kind mobile.',
    },
  },
};
