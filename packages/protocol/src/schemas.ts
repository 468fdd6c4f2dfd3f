import { OFFICER_CONSEQUENCES, PAUSE_REASONS, PRIORITY_CATEGORIES } from '@giliran/domain';
import { z } from 'zod';
import { SaneDate } from './dates.ts';

// Inbound payloads: strict objects, so an unknown field is an error and not silently ignored.
export const Id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits, _ . : - only');
export const IdempotencyKey = z.string().min(8).max(128);
export const Priority = z.enum(PRIORITY_CATEGORIES);
export const Role = z.enum([
  'kiosk',
  'display',
  'officer',
  'fo',
  'mod',
  'coordinator',
  'admin',
  'sekdis',
  'kadis',
]);
export type Role = z.infer<typeof Role>;
export const PauseReason = z.enum(PAUSE_REASONS);
export const ManualCompensationKind = z.enum([
  'fee_mismatch',
  'complaint_late',
  'officer_incompetent',
  'sop_not_followed',
  'wrong_product',
]);
export const OfficerConsequence = z.enum(OFFICER_CONSEQUENCES);
const Note = z.string().trim().max(1000);

export const LoginRequest = z.strictObject({
  username: z.string().trim().min(1).max(64),
  pin: z.string().min(4).max(32),
  /** An officer with several counters says which one they sit at; the first assigned one otherwise. */
  counterId: Id.optional(),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

const withKey = { idempotencyKey: IdempotencyKey.optional() };
const counterTarget = { counterId: Id, ...withKey };
const ticketTarget = { ticketId: Id, ...withKey };

/** Every command, by its Socket.IO event name; REST routes validate path + body with the same schema. */
export const CommandPayloads = {
  'ticket:issue': z.strictObject({ serviceId: Id, priority: Priority.nullish(), ...withKey }),
  'counter:call-next': z.strictObject(counterTarget),
  'counter:call-ticket': z.strictObject({ ...counterTarget, ticketId: Id }),
  'counter:recall': z.strictObject(counterTarget),
  'counter:pause': z.strictObject({ ...counterTarget, reason: PauseReason }),
  'counter:resume': z.strictObject(counterTarget),
  'ticket:step': z.strictObject(ticketTarget),
  'ticket:finish': z.strictObject({
    ...ticketTarget,
    outcome: z.enum(['completed', 'handed_to_agency']).optional(),
  }),
  'ticket:no-show': z.strictObject(ticketTarget),
  'ticket:reactivate': z.strictObject(ticketTarget),
  'ticket:transfer': z.strictObject({ ...ticketTarget, serviceId: Id }),
  'ticket:cancel': z.strictObject(ticketTarget),
  'ticket:print-result': z.strictObject({
    ...ticketTarget,
    ok: z.boolean(),
    reason: z.string().trim().max(300).nullish(),
  }),
  'compensation:raise': z.strictObject({
    kind: ManualCompensationKind,
    ticketId: Id.nullish(),
    counterId: Id.nullish(),
    note: Note.nullish(),
    ...withKey,
  }),
  'compensation:resolve': z.strictObject({
    compensationId: Id,
    remedyGiven: z.string().trim().min(1).max(500),
    officerConsequence: OfficerConsequence.optional(),
    note: Note.nullish(),
    ...withKey,
  }),
} as const;

export type CommandName = keyof typeof CommandPayloads;
export type CommandPayload<K extends CommandName> = z.infer<(typeof CommandPayloads)[K]>;
export const COMMAND_NAMES = Object.keys(CommandPayloads) as CommandName[];

export const RunningTextRequest = z.strictObject({ text: z.string().trim().max(500) });
export type RunningTextRequest = z.infer<typeof RunningTextRequest>;

export const SyncRequest = z.strictObject({ afterEventId: z.number().int().min(0).optional() });
export type SyncRequest = z.infer<typeof SyncRequest>;

/** `GET /api/reports`: a date or a range of service days (site calendar), `to` defaults to `from`, `from` to today. */
const ReportDate = SaneDate;
export const ReportFormat = z.enum(['json', 'csv', 'xlsx', 'pdf']);
export const ReportQuery = z.strictObject({
  from: ReportDate.optional(),
  to: ReportDate.optional(),
  format: ReportFormat.default('json'),
  /** CSV only: `semicolon` with decimal commas, as Excel on Indonesian settings opens it (issue 14). */
  separator: z.enum(['comma', 'semicolon']).default('comma'),
});
export type ReportQuery = z.infer<typeof ReportQuery>;
