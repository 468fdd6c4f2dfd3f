import { z } from 'zod';
import { ReportBookings } from './report-bookings.ts';
import { Priority, Role } from './schemas.ts';

// Outbound shapes: declared once, used by the hub to build answers and by tests and OpenAPI to check them.
const Instant = z.iso.datetime();
const Localized = z.object({ id: z.string(), en: z.string() });
const TimingStatus = z.enum(['ok', 'warning', 'late']);
const SopStep = z.number().int().min(1).max(8);

export const TicketStatus = z.enum([
  'waiting',
  'called',
  'serving',
  'done',
  'no_show',
  'transferred',
  'cancelled',
]);

export const TimelineEntry = z.object({
  steps: z.array(SopStep),
  startedAt: Instant,
  endedAt: Instant.nullable(),
  elapsedSeconds: z.number().int(),
  standardSeconds: z.number().int(),
  late: z.boolean(),
});

export const TicketView = z.object({
  id: z.string(),
  code: z.string(),
  number: z.string(),
  serviceId: z.string(),
  serviceDay: z.string(),
  priority: Priority.nullable(),
  status: TicketStatus,
  counterId: z.string().nullable(),
  issuedAt: Instant,
  calledAt: Instant.nullable(),
  finishedAt: Instant.nullable(),
  recalls: z.number().int(),
  printStatus: z.enum(['pending', 'printed', 'print_failed']),
  currentStep: SopStep.nullable(),
  timeline: z.array(TimelineEntry),
  /** A checked-in online booking's ticket. */
  booked: z.boolean().optional(),
});
export type TicketView = z.infer<typeof TicketView>;

/**
 * The wait as the citizen is told it: one figure when `low === high`, else a range ("sekitar 20–30 menit").
 * `holdUp` says why nobody calls right now (counters paused, service closed): the wait counts from when they will.
 */
export const WaitEstimateView = z.object({
  minutes: z.number().int().nullable(),
  low: z.number().int().nullable(),
  high: z.number().int().nullable(),
  holdUp: z.enum(['paused', 'closed']).nullable(),
});
export type WaitEstimateView = z.infer<typeof WaitEstimateView>;

export const IssuedTicket = z.object({
  id: z.string(),
  code: z.string(),
  number: z.string(),
  serviceId: z.string(),
  priority: Priority.nullable(),
  issuedAt: Instant,
  ahead: z.number().int(),
  /** The point of `estimate` (the promise logged at issue). */
  estimatedWaitMinutes: z.number().int().nullable(),
  estimate: WaitEstimateView,
  booked: z.boolean().optional(),
});
export type IssuedTicket = z.infer<typeof IssuedTicket>;

const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export const OpeningHoursView = z.partialRecord(
  Weekday,
  z.array(z.object({ open: z.string(), close: z.string() })),
);

export const ServiceSummary = z.object({
  requirements: z.array(Localized),
  fee: Localized,
  duration: Localized,
});

export const ServiceView = z.object({
  id: z.string(),
  prefix: z.string(),
  name: Localized,
  agency: z.object({ id: z.string(), name: Localized }),
  summary: ServiceSummary.nullable(),
  openingHours: OpeningHoursView,
  waiting: z.number().int(),
  /** For a regular ticket taken now: the point of `estimate`. */
  estimatedWaitMinutes: z.number().int().nullable(),
  estimate: WaitEstimateView,
  open: z.boolean(),
  /** The standard minutes of each counter step, "4" … "8", for this service. */
  stepStandardMinutes: z.record(z.string(), z.number()),
});
export type ServiceView = z.infer<typeof ServiceView>;

export const CounterView = z.object({
  id: z.string(),
  name: z.string(),
  serviceIds: z.array(z.string()),
  pausedReason: z.string().nullable(),
  pausedSince: Instant.nullable(),
  activeTicketId: z.string().nullable(),
});
export type CounterView = z.infer<typeof CounterView>;

export const TimingView = z.object({
  ticketId: z.string(),
  number: z.string(),
  serviceId: z.string(),
  counterId: z.string().nullable(),
  phase: z.enum(['waiting', 'called', 'serving']),
  step: SopStep.nullable(),
  since: Instant,
  elapsedSeconds: z.number().int(),
  standardSeconds: z.number().int(),
  status: TimingStatus,
  compensationDueAt: Instant.nullable(),
  /** A checked-in online booking's ticket. */
  booked: z.boolean().optional(),
});
export type TimingView = z.infer<typeof TimingView>;

export const CompensationView = z.object({
  id: z.string(),
  kind: z.string(),
  ticketId: z.string().nullable(),
  counterId: z.string().nullable(),
  tier: z.number().int().nullable(),
  remedy: Localized,
  officerConsequence: z.string(),
  note: z.string().nullable(),
  raisedAt: Instant,
  raisedBy: z.string(),
  resolution: z
    .object({
      at: Instant,
      by: z.string(),
      remedyGiven: z.string(),
      officerConsequence: z.string(),
      note: z.string().nullable(),
    })
    .nullable(),
});
export type CompensationView = z.infer<typeof CompensationView>;

export const SiteView = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  timeZone: z.string(),
  agencies: z.array(z.object({ id: z.string(), name: Localized, shortName: z.string().optional() })),
  kioskMaxTicketsPerMinute: z.number().int(),
  /** Share of a standard after which a running step turns amber (e.g. 0.8). */
  warningRatio: z.number(),
  /** The name of each SOP step, "1" … "13" (the site's own, else the seed's). */
  sopSteps: z.record(z.string(), Localized),
  display: z.object({
    runningText: z.string(),
    media: z.array(z.object({ type: z.enum(['image', 'video']), url: z.string() })),
    announcement: z.object({ style: z.enum(['words', 'digits']), english: z.boolean() }),
    /** The TV names a paused counter's reason (a site may prefer only "paused"). */
    showPauseReason: z.boolean(),
  }),
  /** WhatsApp or SMS is set up: the kiosk offers to send the ticket's link to a number (issue 18). */
  phoneMessages: z.boolean().optional(),
});
export type SiteView = z.infer<typeof SiteView>;

/** What a citizen sees on /t/<code>: no internal ids, nothing about other applicants. */
export const PublicTicketStatus = z.object({
  code: z.string(),
  number: z.string(),
  siteName: z.string(),
  timeZone: z.string(),
  service: Localized,
  agency: Localized,
  priority: Priority.nullable(),
  status: TicketStatus,
  issuedAt: Instant,
  serviceDay: z.string(),
  /** Tickets that will be called before this one; null once it is no longer waiting. */
  ahead: z.number().int().nullable(),
  estimatedWaitMinutes: z.number().int().nullable(),
  /** Null once the ticket is no longer waiting. */
  estimate: WaitEstimateView.nullable(),
  counterName: z.string().nullable(),
  calledAt: Instant.nullable(),
  /** The page tells its citizen the turn is near at this many ahead, as the messages do (issue 18). */
  nearAhead: z.number().int().optional(),
  /** A checked-in online booking's ticket: the page says so. */
  booked: z.boolean().optional(),
});
export type PublicTicketStatus = z.infer<typeof PublicTicketStatus>;

export const LoginResponse = z.object({
  token: z.string(),
  role: Role,
  username: z.string(),
  name: z.string(),
  /** The counter this session works at (officers only). */
  counterId: z.string().optional(),
  /** Every counter the account is assigned to, so the sign-in screen can offer the others. */
  counterIds: z.array(z.string()),
  expiresAt: Instant,
});
export type LoginResponse = z.infer<typeof LoginResponse>;

/** An officer connected at a counter (from their live connection, not their session). */
/** A standing problem of the installation that MOD sees on the live screen until it is fixed. */
export const HubWarning = z.object({
  kind: z.enum(['public-address']),
  message: z.object({ id: z.string(), en: z.string() }),
});
export type HubWarning = z.infer<typeof HubWarning>;

export const PresentOfficer = z.object({
  counterId: z.string(),
  username: z.string(),
  name: z.string(),
  since: Instant,
});
export type PresentOfficer = z.infer<typeof PresentOfficer>;

/** A counter's own figures for the service day, shown to its officer. */
export const CounterFigures = z.object({
  counterId: z.string(),
  serviceDay: z.string().nullable(),
  served: z.number().int(),
  noShows: z.number().int(),
  /** From the start of service (or the call) to finish; null before the first ticket is served. */
  averageServiceSeconds: z.number().int().nullable(),
  withinStandard: z.number().int(),
  /** Share of served tickets whose every counter step kept to its standard, 0–1; null when none served. */
  withinStandardShare: z.number().nullable(),
});
export type CounterFigures = z.infer<typeof CounterFigures>;

export const HealthResponse = z.object({
  status: z.literal('ok'),
  site: z.string(),
  serviceDay: z.string(),
  lastEventId: z.number().int(),
  uptimeSeconds: z.number(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

/** One call of the day for the displays' history: where the ticket was called and what became of the call. */
export const CallView = z.object({
  ticketId: z.string(),
  number: z.string(),
  serviceId: z.string(),
  counterId: z.string(),
  calledAt: Instant,
  /** The call or its latest recall. */
  shownAt: Instant,
  outcome: z.enum(['called', 'serving', 'done', 'no_show', 'transferred', 'cancelled']),
  booked: z.boolean().optional(),
});
export type CallView = z.infer<typeof CallView>;

export const Snapshot = z.object({
  lastEventId: z.number().int(),
  /** The hub's clock when it took the snapshot: screens time against it, not against their own PC's clock. */
  now: Instant,
  serviceDay: z.string(),
  tickets: z.array(TicketView),
  counters: z.array(CounterView),
  compensations: z.array(CompensationView),
  /** The day's latest calls, oldest first (at most 100). */
  calls: z.array(CallView),
});
export type Snapshot = z.infer<typeof Snapshot>;

/** A ticket's printed content, already localized: what the kiosk (or the hub) sends to the thermal printer. */
export const TicketContent = z.object({
  siteName: z.string(),
  agencyName: z.string(),
  serviceName: z.string(),
  number: z.string(),
  priorityLabel: z.string().nullable(),
  issuedAtText: z.string(),
  aheadText: z.string(),
  estimateText: z.string().nullable(),
  statusUrl: z.string(),
  /** `Kode survei & status: ABCDE-FGHJK` under the QR (or alone without one), for typing at the SKM survey. */
  codeText: z.string().nullable(),
  footerLines: z.array(z.string()),
  /** `ANTREAN DARING · Kode pesanan … · Sesi 08:00` on a checked-in booking's ticket. */
  bookedLabel: z.string().nullable().optional(),
});
export type TicketContent = z.infer<typeof TicketContent>;

/** Durations of a report row: nearest-rank 90th percentile over every ticket of the range (see README, Reports). */
export const ReportDurations = z.object({
  count: z.number().int(),
  averageSeconds: z.number().int().nullable(),
  p90Seconds: z.number().int().nullable(),
  maxSeconds: z.number().int().nullable(),
});

/** One agency, service, counter or officer (or the total); counters and officers have null where not theirs. */
export const ReportRow = z.object({
  key: z.string(),
  name: Localized,
  issued: z.number().int().nullable(),
  priority: z.number().int().nullable(),
  served: z.number().int(),
  handedToAgency: z.number().int(),
  noShows: z.number().int(),
  cancelled: z.number().int().nullable(),
  transferred: z.number().int(),
  open: z.number().int().nullable(),
  lateService: z.number().int().nullable(),
  wait: ReportDurations,
  service: ReportDurations,
});
export type ReportRow = z.infer<typeof ReportRow>;

export const ReportStepCompliance = z.object({
  steps: z.array(SopStep),
  measured: z.number().int(),
  withinStandard: z.number().int(),
  late: z.number().int(),
  handedOver: z.number().int(),
  seconds: z.number().int(),
  share: z.number().min(0).max(1).nullable(),
  averageSeconds: z.number().int().nullable(),
  standardSeconds: z.number().int().nullable(),
});
export type ReportStepCompliance = z.infer<typeof ReportStepCompliance>;

const ReportCompensationCounts = z.object({
  raised: z.number().int(),
  resolved: z.number().int(),
  open: z.number().int(),
});

/** `GET /api/reports`: the recap of a service day or a range, per agency, service, counter and officer. */
export const ReportView = z.object({
  site: z.object({ id: z.string(), name: z.string(), timeZone: z.string() }),
  /** The site's name of each SOP step, "1" … "13", for column and row labels. */
  sopSteps: z.record(z.string(), Localized),
  from: z.string(),
  to: z.string(),
  days: z.number().int(),
  generatedAt: Instant,
  /** The range includes today: its figures are live and change with the next call. */
  live: z.boolean(),
  total: ReportRow,
  agencies: z.array(ReportRow),
  services: z.array(ReportRow),
  counters: z.array(ReportRow),
  officers: z.array(ReportRow),
  compliance: z.object({
    total: z.array(ReportStepCompliance),
    services: z.array(z.object({ key: z.string(), name: Localized, steps: z.array(ReportStepCompliance) })),
  }),
  compensations: z.object({
    kinds: z.array(ReportCompensationCounts.extend({ kind: z.string(), name: Localized })),
    total: ReportCompensationCounts,
  }),
  /** Tickets issued per local hour (site zone), 0–23, summed over the range. */
  arrivals: z.array(z.number().int()).length(24),
  /** Online booking: absent for a hall that takes no bookings. */
  bookings: ReportBookings.optional(),
});
export type ReportView = z.infer<typeof ReportView>;
