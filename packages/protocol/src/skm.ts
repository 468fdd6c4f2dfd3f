import { SKM_AGE_BANDS, SKM_EDUCATIONS, SKM_GENDERS, SKM_OCCUPATIONS } from '@giliran/domain';
import { z } from 'zod';
import { SaneDate } from './dates.ts';
import { Id } from './schemas.ts';

// The SKM survey (PermenPAN-RB 14/2017): a citizen's answers, and the IKM report over a period.

const Instant = z.iso.datetime();
const Localized = z.object({ id: z.string(), en: z.string() });
const Mutu = z.enum(['A', 'B', 'C', 'D']);

/**
 * A ticket as the citizen has it: the code behind its QR (`/t/<code>`), or the same code typed from the printout
 * (`ABCDE-FGHJK`; spaces and dashes are ignored). Today's number alone (A012) no longer answers for a ticket.
 */
export const SkmTicketRef = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9 -]{1,22}$/, 'a ticket code');

export const SkmRespondentInput = z.strictObject({
  gender: z.enum(SKM_GENDERS),
  ageBand: z.enum(SKM_AGE_BANDS),
  education: z.enum(SKM_EDUCATIONS),
  occupation: z.enum(SKM_OCCUPATIONS),
});

/** Body of `POST /api/survey/responses`: the nine answers U1 … U9 (1–4 each) and who answered. */
export const SubmitSkmRequest = z
  .strictObject({
    ticket: SkmTicketRef.optional(),
    /** Without a ticket (kiosk devices only): the service the citizen says they received. */
    serviceId: Id.optional(),
    answers: z.array(z.literal([1, 2, 3, 4])).length(9),
    respondent: SkmRespondentInput,
    /** The questionnaire's "saran dan masukan". */
    suggestion: z.string().trim().max(500).optional(),
  })
  .refine((body) => (body.ticket === undefined) !== (body.serviceId === undefined), {
    message: 'give either a ticket or, without one, a serviceId',
    path: ['ticket'],
  });
export type SubmitSkmRequest = z.infer<typeof SubmitSkmRequest>;

/** What the survey page shows of the ticket before the questions: nothing about the citizen. */
export const SkmTicketView = z.object({
  number: z.string(),
  serviceDay: z.string(),
  service: z.object({ id: z.string(), name: Localized }),
  agency: z.object({ id: z.string(), name: Localized }),
});
export type SkmTicketView = z.infer<typeof SkmTicketView>;

export const SkmSubmitted = z.object({
  id: z.string(),
  submittedAt: Instant,
  serviceId: z.string(),
  ticketNumber: z.string().nullable(),
});
export type SkmSubmitted = z.infer<typeof SkmSubmitted>;

const SkmDate = SaneDate;

/** Query of `GET /api/skm`: a period of service days and at most one scope. Not strict: browsers add cache busters. */
export const SkmReportQuery = z.object({
  from: SkmDate.optional(),
  to: SkmDate.optional(),
  agencyId: Id.optional(),
  serviceId: Id.optional(),
  format: z.enum(['json', 'xlsx', 'pdf']).optional(),
});
export type SkmReportQuery = z.infer<typeof SkmReportQuery>;

export const SkmUnsurView = z.object({
  code: z.string(),
  name: Localized,
  /** Sum of the scores given. */
  total: z.number().int(),
  /** Total / respondents, unrounded; null without respondents. */
  nrr: z.number().nullable(),
  /** NRR × 25, two decimals. */
  converted: z.number().nullable(),
  mutu: Mutu.nullable(),
});
export type SkmUnsurView = z.infer<typeof SkmUnsurView>;

/** The figures of one scope (site, agency or service) over the period. */
export const SkmFiguresView = z.object({
  respondents: z.number().int(),
  /** Answered on a kiosk without a ticket. */
  withoutTicket: z.number().int(),
  unsur: z.array(SkmUnsurView),
  /** Σ NRR × 1/9, unrounded (1–4). */
  ikm: z.number().nullable(),
  /** IKM × 25, two decimals (25–100): the "IKM unit pelayanan". */
  converted: z.number().nullable(),
  mutu: Mutu.nullable(),
  kinerja: Localized.nullable(),
  /** Tickets served (finished) in the period in this scope. */
  population: z.number().int(),
  /** Krejcie–Morgan sample for that population. */
  sampleSize: z.number().int(),
  sampleReached: z.boolean(),
});
export type SkmFiguresView = z.infer<typeof SkmFiguresView>;

const Breakdown = z.array(z.object({ code: z.string(), label: Localized, count: z.number().int() }));

export const SkmReportView = z.object({
  from: z.string(),
  to: z.string(),
  generatedAt: Instant,
  site: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }),
  scope: z.object({
    kind: z.enum(['site', 'agency', 'service']),
    id: z.string().nullable(),
    name: Localized,
  }),
  /** The citizens' own answers (kiosk and phone): the IKM of the period. */
  figures: SkmFiguresView,
  /**
   * Answers given at counter-side tablets, in front of the officer who served the citizen: reported apart and not
   * part of `figures`, so a desk cannot lift its own index.
   */
  counterTablets: SkmFiguresView,
  demographics: z.object({
    gender: Breakdown,
    ageBand: Breakdown,
    education: Breakdown,
    occupation: Breakdown,
  }),
  /** Each agency in the scope, then each service in the scope. */
  agencies: z.array(z.object({ id: z.string(), name: Localized, figures: SkmFiguresView })),
  services: z.array(
    z.object({ id: z.string(), agencyId: z.string(), name: Localized, figures: SkmFiguresView }),
  ),
});
export type SkmReportView = z.infer<typeof SkmReportView>;
