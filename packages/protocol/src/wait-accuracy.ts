import { isCalendarDate } from '@giliran/domain';
import { z } from 'zod';

/** `GET /api/reports/wait-accuracy`: days of the site calendar (`to` defaults to `from`, `from` to today). */
const Day = z.string().refine(isCalendarDate, 'a calendar date YYYY-MM-DD');
export const WaitAccuracyQuery = z.strictObject({
  from: Day.optional(),
  to: Day.optional(),
  serviceId: z.string().min(1).max(64).optional(),
  /** Which promises: at issue (kiosk screen and paper; the default), later on the status page, by message, or all. */
  channel: z.enum(['issue', 'status', 'message', 'reprint', 'all']).default('issue'),
  format: z.enum(['json', 'csv']).default('json'),
});
export type WaitAccuracyQuery = z.infer<typeof WaitAccuracyQuery>;

/** Errors are quoted − actual minutes: a negative bias means the promises were too hopeful. */
export const AccuracyFiguresView = z.object({
  tickets: z.number().int(),
  mae: z.number().nullable(),
  medianError: z.number().nullable(),
  p90Error: z.number().nullable(),
  mse: z.number().nullable(),
  withinTolerance: z.number().nullable(),
  bias: z.number().nullable(),
});

export const WaitAccuracyRowView = z.object({
  serviceId: z.string().nullable(),
  serviceName: z.object({ id: z.string(), en: z.string() }).nullable(),
  day: z.string().nullable(),
  estimator: AccuracyFiguresView,
  naive: AccuracyFiguresView,
  naiveSilent: z.number().int(),
});

export const WaitAccuracyView = z.object({
  from: z.string(),
  to: z.string(),
  serviceId: z.string().nullable(),
  channel: z.enum(['issue', 'status', 'message', 'reprint', 'all']),
  /** ±max(toleranceMinutes, toleranceShare × actual) counts as kept. */
  toleranceMinutes: z.number(),
  toleranceShare: z.number(),
  generatedAt: z.string(),
  /** Per service and day. */
  rows: z.array(WaitAccuracyRowView),
  /** Per service over the range. */
  services: z.array(WaitAccuracyRowView),
  total: WaitAccuracyRowView,
});
export type WaitAccuracyView = z.infer<typeof WaitAccuracyView>;
