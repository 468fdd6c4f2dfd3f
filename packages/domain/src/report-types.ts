import type { CompensationKind, SopStep } from './config.ts';
import type { FinishOutcome, PriorityCategory } from './events.ts';
import type { DurationStats, EncodedHistogram } from './report-histogram.ts';
import type { StepRecord, TicketStatus } from './state.ts';

// ── What a report reads ────────────────────────────────────────────────────────────────────────────────────

export interface TicketTransfer {
  readonly fromServiceId: string;
  readonly toServiceId: string;
  /** The counter that held the ticket when it was transferred; null when it was waiting. */
  readonly counterId: string | null;
  readonly by: string;
  readonly at: string;
}

/** A ticket as the report sees it: the fields of the tickets read model plus who closed it and its transfers. */
export interface ReportTicket {
  readonly serviceId: string;
  readonly priority: PriorityCategory | null;
  readonly status: TicketStatus;
  readonly outcome: FinishOutcome | null;
  readonly counterId: string | null;
  readonly issuedAt: string;
  readonly firstCalledAt: string | null;
  readonly calledAt: string | null;
  readonly finishedAt: string | null;
  readonly lateTier: number;
  readonly steps: readonly StepRecord[];
  /** The officer whose finish or no-show closed the ticket (the `by` of that event); null while it is open. */
  readonly servedBy: string | null;
  readonly transfers: readonly TicketTransfer[];
}

export interface CompensationCount {
  readonly kind: CompensationKind;
  readonly raised: number;
  readonly resolved: number;
}

// ── One service day, summarised: what is stored for a closed day and merged for a range ─────────────────────

/** Counts of one group (a service, counter or officer) on one day, with its durations as histograms. */
export interface GroupTally {
  issued: number;
  priority: number;
  served: number;
  handedToAgency: number;
  noShows: number;
  cancelled: number;
  transferred: number;
  open: number;
  lateService: number;
  /** Issue → first call, seconds. */
  wait: EncodedHistogram;
  /** First counter step (or the call) → finish, seconds, of served tickets. */
  service: EncodedHistogram;
}

/** One compliance entry (steps 2–3 as one, or one counter step) of one service on one day. */
export interface StepTally {
  measured: number;
  withinStandard: number;
  late: number;
  /** Step 7 of tickets handed to the agency's own SOP: neither within nor late (docs/domain/sop.md). */
  handedOver: number;
  seconds: number;
}

export interface DaySummary {
  /** Format of this summary: a stored summary of another version is recomputed. */
  readonly version: number;
  readonly services: Readonly<Record<string, GroupTally>>;
  readonly counters: Readonly<Record<string, GroupTally>>;
  readonly officers: Readonly<Record<string, GroupTally>>;
  /** Per service, per compliance entry key (`2-3`, `4` … `8`). */
  readonly compliance: Readonly<Record<string, Readonly<Record<string, StepTally>>>>;
  /** Tickets issued per local hour of the day, 24 entries. */
  readonly arrivals: readonly number[];
  /**
   * Per service, its served tickets by the local hour their service started: 48 numbers, for each hour the count
   * and the sum of their service seconds. The wait estimate learns from them how the pace moves through the day.
   */
  readonly serviceHours: Readonly<Record<string, readonly number[]>>;
}

// ── The recap a report shows ───────────────────────────────────────────────────────────────────────────────

export interface RecapRow {
  readonly key: string;
  /** Tickets issued for it (the service a ticket was issued for); null for counters and officers. */
  readonly issued: number | null;
  readonly priority: number | null;
  readonly served: number;
  readonly handedToAgency: number;
  readonly noShows: number;
  readonly cancelled: number | null;
  /** Transfers out: from this service, at this counter, by this officer. */
  readonly transferred: number;
  /** Not finished when the day closed (today: still waiting, called or being served). */
  readonly open: number | null;
  /** Tickets owed late-service compensation. */
  readonly lateService: number | null;
  readonly wait: DurationStats;
  readonly service: DurationStats;
}

export interface StepCompliance {
  readonly steps: readonly SopStep[];
  readonly measured: number;
  readonly withinStandard: number;
  readonly late: number;
  readonly handedOver: number;
  /** Sum of the measured durations, seconds. */
  readonly seconds: number;
  /** withinStandard / (withinStandard + late), 0–1; null when nothing was measured. */
  readonly share: number | null;
  readonly averageSeconds: number | null;
  /** The service's standard for the entry; null on the total, where services differ. */
  readonly standardSeconds: number | null;
}

export interface CompensationRecapRow {
  readonly kind: CompensationKind;
  readonly raised: number;
  readonly resolved: number;
  readonly open: number;
}

export interface Recap {
  readonly from: string;
  readonly to: string;
  /** Calendar days in the range. */
  readonly days: number;
  readonly total: RecapRow;
  readonly agencies: readonly RecapRow[];
  readonly services: readonly RecapRow[];
  readonly counters: readonly RecapRow[];
  readonly officers: readonly RecapRow[];
  readonly compliance: {
    readonly total: readonly StepCompliance[];
    readonly services: readonly { readonly key: string; readonly steps: readonly StepCompliance[] }[];
  };
  readonly compensations: {
    readonly kinds: readonly CompensationRecapRow[];
    readonly total: Omit<CompensationRecapRow, 'kind'>;
  };
  /** Tickets issued per local hour of the day (site zone), summed over the range; 24 entries. */
  readonly arrivals: readonly number[];
}
