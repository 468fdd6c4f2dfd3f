import { z } from 'zod';
import { SaneDate } from './dates.ts';
import { Id } from './schemas.ts';

// The end-of-day report chain, SOP steps 9–13: the sign-off request, the chain's view and its broadcast.

const Instant = z.iso.datetime();
const Localized = z.object({ id: z.string(), en: z.string() });

/** A service day, `YYYY-MM-DD`, that exists in the calendar (2026-02-30 does not). */
export const ReportChainDate = SaneDate;

export const ReportChainStepParam = z.enum(['9', '10', '11', '12', '13']).transform(Number);

const ChainStep = z.literal([9, 10, 11, 12, 13]);
const ChainStage = z.union([ChainStep, z.literal('receipt')]);

/** Body of `POST /api/report-chain/:date/steps/:step` and `…/receipt`: each field belongs to one step. */
export const SignReportChainRequest = z.strictObject({
  /** Step 9: the gerai whose recap this is (an officer of a single gerai may leave it out). */
  agencyId: Id.optional(),
  note: z.string().trim().max(1000).optional(),
  /** Step 11: the MPP report MOD writes for the coordinator. Within the hub's 16 KB request limit. */
  report: z.string().trim().max(8000).optional(),
  /** Step 10: the gerai FO/BO compiles without, named one by one (with a note saying why). */
  missingAgencyIds: z.array(Id).max(100).optional(),
});
export type SignReportChainRequest = z.infer<typeof SignReportChainRequest>;

export const ReportChainRecordView = z.object({
  stage: ChainStage,
  agencyId: z.string().nullable(),
  signedBy: z.string(),
  signerName: z.string(),
  signerRole: z.string(),
  signedAt: Instant,
  clockStartedAt: Instant.nullable(),
  standardSeconds: z.number().int().nullable(),
  elapsedSeconds: z.number().int().nullable(),
  late: z.boolean().nullable(),
  note: z.string().nullable(),
  report: z.string().nullable(),
  missingAgencyIds: z.array(z.string()),
});
export type ReportChainRecordView = z.infer<typeof ReportChainRecordView>;

export const ReportChainStepView = z.object({
  step: ChainStep,
  standardSeconds: z.number().int(),
  status: z.enum(['signed', 'open', 'waiting']),
  clockStartedAt: Instant.nullable(),
  elapsedSeconds: z.number().int().nullable(),
  late: z.boolean().nullable(),
  record: ReportChainRecordView.nullable(),
});
export type ReportChainStepView = z.infer<typeof ReportChainStepView>;

export const GeraiRecapView = z.object({
  agencyId: z.string(),
  name: Localized,
  shortName: z.string(),
  served: z.boolean(),
  closesAt: Instant,
  dueAt: Instant,
  status: z.enum(['submitted', 'due', 'missing']),
  elapsedSeconds: z.number().int().nullable(),
  late: z.boolean().nullable(),
  record: ReportChainRecordView.nullable(),
});
export type GeraiRecapView = z.infer<typeof GeraiRecapView>;

export const ReportChainView = z.object({
  date: z.string(),
  /** The hub's clock when the view was made: running clocks are shown from it, not from the PC's. */
  now: Instant,
  today: z.boolean(),
  steps: z.array(ReportChainStepView),
  gerai: z.array(GeraiRecapView),
  receipt: ReportChainRecordView.nullable(),
  signable: z.array(ChainStage),
  complete: z.boolean(),
});
export type ReportChainView = z.infer<typeof ReportChainView>;

/** Answer of a sign-off (and of its replay with the same Idempotency-Key): the record and the chain after it. */
export const ReportChainSignResult = z.object({
  record: ReportChainRecordView,
  chain: ReportChainView,
});
export type ReportChainSignResult = z.infer<typeof ReportChainSignResult>;

/** Broadcast to staff after each sign-off: screens showing that date reload the chain. */
export const ReportChainSigned = z.object({
  date: z.string(),
  record: ReportChainRecordView,
});
export type ReportChainSigned = z.infer<typeof ReportChainSigned>;
