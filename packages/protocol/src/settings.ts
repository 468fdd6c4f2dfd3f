import { SETTINGS_AREAS } from '@giliran/domain';
import { z } from 'zod';
import { FIRST_YEAR, isSaneYear, LAST_YEAR } from './dates.ts';
import { cleanText } from './text.ts';
import { Id, Role } from './schemas.ts';

// The MOD's and admin's settings (issue 6): what may be changed at run time, the accounts, and the audit trail.

export { SETTINGS_AREAS };
export const SettingsArea = z.enum(SETTINGS_AREAS);
export type SettingsArea = z.infer<typeof SettingsArea>;

const Instant = z.iso.datetime();
const Text = z.string().trim().min(1).max(200);
const LocalizedInput = z.strictObject({ id: Text, en: Text });

/** The SOP's steps by their number as a JSON key: 1–8 are timed per ticket, 9–13 are the report chain. */
export const TICKET_STEP_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8'] as const;
export const SOP_STEP_KEYS = [...TICKET_STEP_KEYS, '9', '10', '11', '12', '13'] as const;
export type TicketStepKey = (typeof TICKET_STEP_KEYS)[number];
export type SopStepKey = (typeof SOP_STEP_KEYS)[number];

/** A step's standard in whole minutes: the SOP counts in minutes, and a step longer than a working day is no step. */
export const StandardMinutes = z.number().int().min(1).max(600);
/** Every step of the site's table (1–13) must be given: it is the default every service falls back on. */
export const SiteStandards = z.record(z.enum(SOP_STEP_KEYS), StandardMinutes);
export type SiteStandards = z.infer<typeof SiteStandards>;
/** A service's own Standar Pelayanan: only the steps it overrides; `{}` follows the site's table. */
export const ServiceStandards = z.partialRecord(z.enum(TICKET_STEP_KEYS), StandardMinutes);
export type ServiceStandards = z.infer<typeof ServiceStandards>;

export const LateServiceTier = z.strictObject({
  /** Minutes beyond the pre-service standard (steps 2–3); SK 108/2024 says 15. */
  minutesLate: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  remedy: LocalizedInput,
});
export type LateServiceTier = z.infer<typeof LateServiceTier>;
export const LateServiceTiers = z
  .array(LateServiceTier)
  .min(1)
  .max(10)
  .superRefine((tiers, ctx) => {
    tiers.forEach((tier, i) => {
      const previous = tiers[i - 1];
      if (previous && tier.minutesLate <= previous.minutesLate)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'minutesLate'],
          message: 'tiers must rise: each threshold above the one before',
        });
    });
  });

const ClockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'HH:MM between 00:00 and 24:00');
const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const OpeningWindow = z
  .strictObject({ open: ClockTime, close: ClockTime })
  .refine((w) => minutesOf(w.open) < minutesOf(w.close), {
    message: 'a window closes after it opens',
    path: ['close'],
  });
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAYS)[number];
/** A missing or empty day is closed; a day's windows are in order and do not overlap. */
export const OpeningHours = z.partialRecord(
  z.enum(WEEKDAYS),
  z
    .array(OpeningWindow)
    .max(6)
    .superRefine((windows, ctx) => {
      windows.forEach((w, i) => {
        const previous = windows[i - 1];
        if (previous && minutesOf(w.open) < minutesOf(previous.close))
          ctx.addIssue({
            code: 'custom',
            path: [i, 'open'],
            message: 'windows must be in order without overlap',
          });
      });
    }),
);
export type OpeningHours = z.infer<typeof OpeningHours>;

export const CounterServiceIds = z
  .array(Id)
  .min(1)
  .max(100)
  .refine((ids) => new Set(ids).size === ids.length, 'a service is listed twice');

// Request bodies, one per area (and per service or counter where the path names one).
export const RunningTextSetting = z.strictObject({ text: z.string().trim().max(500) });
export const LateServiceSetting = z.strictObject({ tiers: LateServiceTiers });
export const SiteStandardsSetting = z.strictObject({ standards: SiteStandards });
export const ServiceStandardsSetting = z.strictObject({ standards: ServiceStandards });
export const CounterServicesSetting = z.strictObject({ serviceIds: CounterServiceIds });
export const SiteHoursSetting = z.strictObject({ hours: OpeningHours });
/** `null`: the service keeps the hall's hours. */
export const ServiceHoursSetting = z.strictObject({ hours: OpeningHours.nullable() });

/** `PUT /api/settings/booking/:id`: a service's online booking places per session (0: no bookings). */
export const BookingCapacitySetting = z.object({ capacity: z.number().int().min(0).max(1000) });

/** No-shows within `withinDays` that block a phone number from booking for `blockDays`; null: never blocked. */
export const NoShowBlockSetting = z
  .strictObject({
    noShows: z.number().int().min(1).max(20),
    withinDays: z.number().int().min(1).max(365),
    blockDays: z.number().int().min(1).max(365),
  })
  .nullable();

/**
 * `PUT /api/settings/booking-options`: the hall's booking terms MOD sets beside the quotas: the share of each
 * session kept for walk-ins, the open bookings one WhatsApp number may hold, and the optional no-show block.
 */
export const BookingOptionsSetting = z.strictObject({
  walkInShare: z.number().min(0).max(1),
  maxOpenPerPhone: z.number().int().min(1).max(20),
  noShowBlock: NoShowBlockSetting,
});
export type BookingOptionsSetting = z.infer<typeof BookingOptionsSetting>;

/** Online booking as the settings page shows it: each service's capacity per session and the terms. */
export const BookingSettingsView = BookingOptionsSetting.extend({
  /** Per service id: citizens served per session, walk-ins included (0 or absent: no bookings). */
  capacity: z.record(z.string(), z.number().int()),
  sessions: z.array(z.object({ id: z.string(), start: z.string(), end: z.string() })),
});
export type BookingSettingsView = z.infer<typeof BookingSettingsView>;

/** Roles an admin may create in the hub; another admin only comes from the site file. */
export const CreatableRole = z.enum(['officer', 'fo', 'mod', 'coordinator', 'sekdis', 'kadis']);
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, '2–32 letters, digits, . _ - (lower case)');
export const Pin = z.string().regex(/^\d{4,12}$/, '4–12 digits');
const AccountName = cleanText(100);
const AccountCounters = z
  .array(Id)
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, 'a counter is listed twice');

export const CreateAccountRequest = z
  .strictObject({
    username: Username,
    name: AccountName,
    role: CreatableRole,
    counterIds: AccountCounters.default([]),
    pin: Pin,
  })
  .superRefine((account, ctx) => {
    // Only an officer works at a counter: a counter on another role would mean nothing at sign-in.
    if (account.role === 'officer' && account.counterIds.length === 0)
      ctx.addIssue({ code: 'custom', path: ['counterIds'], message: 'an officer needs a counter' });
    if (account.role !== 'officer' && account.counterIds.length > 0)
      ctx.addIssue({ code: 'custom', path: ['counterIds'], message: 'only officers have counters' });
  });
export type CreateAccountRequest = z.input<typeof CreateAccountRequest>;

export const UpdateAccountRequest = z
  .strictObject({
    name: AccountName.optional(),
    counterIds: AccountCounters.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');
export type UpdateAccountRequest = z.infer<typeof UpdateAccountRequest>;

export const PinResetRequest = z.strictObject({ pin: Pin });

const DayOrInstant = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .refine(isSaneYear, `a date from ${FIRST_YEAR} to ${LAST_YEAR}`);
export const AuditQuery = z.strictObject({
  /** A day (the site's local day) or an instant; `to` as a day includes that whole day. */
  from: DayOrInstant.optional(),
  to: DayOrInstant.optional(),
  area: SettingsArea.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

// Answers.
const Localized = z.object({ id: z.string(), en: z.string() });
const HoursView = z.partialRecord(
  z.enum(WEEKDAYS),
  z.array(z.object({ open: z.string(), close: z.string() })),
);

export const SettingsView = z.object({
  runningText: z.string(),
  lateService: z.array(z.object({ minutesLate: z.number(), remedy: Localized })),
  /** The site's table, steps 1–13, with the SOP's defaults filled in. */
  sopStandards: z.record(z.string(), z.number()),
  openingHours: HoursView,
  services: z.array(
    z.object({
      id: z.string(),
      prefix: z.string(),
      agencyId: z.string(),
      name: Localized,
      /** Its own standards only (steps 1–8); the rest follow `sopStandards`. */
      sopStandards: z.record(z.string(), z.number()),
      /** Its own hours, or null when it keeps the hall's. */
      openingHours: HoursView.nullable(),
    }),
  ),
  counters: z.array(z.object({ id: z.string(), name: z.string(), serviceIds: z.array(z.string()) })),
  /** What the caller may change, so a page shows read-only what it may not. */
  editable: z.record(SettingsArea, z.boolean()),
  /** Every agency, service and counter with its details, retired ones too (issue 14). */
  hall: z.lazy(() => HallView),
  /** Online booking's quotas and terms (issue 18). */
  booking: BookingSettingsView.optional(),
});
export type SettingsView = z.infer<typeof SettingsView>;

export const AccountView = z.object({
  username: z.string(),
  name: z.string(),
  role: Role,
  counterIds: z.array(z.string()),
  disabled: z.boolean(),
  disabledAt: Instant.nullable(),
});
export type AccountView = z.infer<typeof AccountView>;

export const AuditAction = z.enum(['update', 'create', 'disable', 'enable', 'reset-pin']);
export type AuditAction = z.infer<typeof AuditAction>;
export const AuditEntry = z.object({
  id: z.number().int(),
  at: Instant,
  actor: z.string(),
  actorRole: z.string(),
  area: SettingsArea,
  /** The service, counter or account changed; null for a site-wide setting. */
  target: z.string().nullable(),
  action: AuditAction,
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Broadcast after a change is committed and applied: pages reload what they list from it. */
export interface SettingsChanged {
  readonly area: SettingsArea;
  readonly target: string | null;
  readonly at: string;
}

// Setting up the hall from the screens (issue 14): the same rules as the site file's agencies, services, counters.
const HallName = cleanText(200);
const HallLocalized = z.strictObject({ id: HallName, en: HallName });
const ServicePrefix = z.string().regex(/^[A-Z]{1,2}$/, 'one or two capital letters');
const ServiceSummaryInput = z.strictObject({
  requirements: z.array(HallLocalized).max(30).default([]),
  fee: HallLocalized,
  duration: HallLocalized,
});
/** The whole minutes of the service's Standar Pelayanan (steps 1–8), or null to time it by the SOP's steps. */
const ServiceStandardMinutes = z
  .number()
  .int()
  .min(1)
  .max(24 * 60);

export const CreateAgencyRequest = z.strictObject({
  id: Id,
  name: HallLocalized,
  shortName: cleanText(10).optional(),
});
export type CreateAgencyRequest = z.input<typeof CreateAgencyRequest>;
export const UpdateAgencyRequest = z
  .strictObject({
    name: HallLocalized.optional(),
    shortName: cleanText(10).optional(),
    retired: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');

export const CreateServiceRequest = z.strictObject({
  id: Id,
  agencyId: Id,
  prefix: ServicePrefix,
  name: HallLocalized,
  summary: ServiceSummaryInput,
  standardMinutes: ServiceStandardMinutes.optional(),
});
export type CreateServiceRequest = z.input<typeof CreateServiceRequest>;
/** The prefix is not here: it stays the service's for good (numbers issued today keep it). */
export const UpdateServiceRequest = z
  .strictObject({
    agencyId: Id.optional(),
    name: HallLocalized.optional(),
    summary: ServiceSummaryInput.optional(),
    standardMinutes: ServiceStandardMinutes.nullable().optional(),
    retired: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');
export type UpdateServiceRequest = z.input<typeof UpdateServiceRequest>;

export const CreateCounterRequest = z.strictObject({
  id: Id,
  name: cleanText(100),
  serviceIds: CounterServiceIds,
});
export type CreateCounterRequest = z.input<typeof CreateCounterRequest>;
export const UpdateCounterRequest = z
  .strictObject({ name: cleanText(100).optional(), retired: z.boolean().optional() })
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');

/** What the settings page lists of the hall beyond `SettingsView`'s services and counters. */
export const HallView = z.object({
  agencies: z.array(
    z.object({ id: z.string(), name: Localized, shortName: z.string().nullable(), retired: z.boolean() }),
  ),
  services: z.array(
    z.object({
      id: z.string(),
      agencyId: z.string(),
      prefix: z.string(),
      name: Localized,
      summary: z.object({ requirements: z.array(Localized), fee: Localized, duration: Localized }),
      standardMinutes: z.number().nullable(),
      retired: z.boolean(),
    }),
  ),
  counters: z.array(
    z.object({ id: z.string(), name: z.string(), serviceIds: z.array(z.string()), retired: z.boolean() }),
  ),
});
export type HallView = z.infer<typeof HallView>;
