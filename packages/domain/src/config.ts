import type { BookingCallRule } from './booking-rules.ts';
import type { OFFICER_CONSEQUENCES } from './value-lists.ts';
import type { Weekday } from './local-time.ts';
import type { ReportChainStandards } from './report-chain.ts';
import type { WaitHistory } from './wait-history.ts';

/** SOP steps 1–8 of the MPP SOP are timed per ticket (docs/domain/sop.md). */
export type SopStep = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
/** Steps the counter officer walks through after the call. */
export const COUNTER_STEPS = [4, 5, 6, 7, 8] as const satisfies readonly SopStep[];
export type CounterStep = (typeof COUNTER_STEPS)[number];

/** Standard minutes per step (mutu baku waktu), seed 002. */
export type SopStandards = Readonly<Record<SopStep, number>>;

export const DEFAULT_SOP_STANDARDS: SopStandards = { 1: 1, 2: 1, 3: 1, 4: 2, 5: 2, 6: 5, 7: 5, 8: 1 };

export interface OpeningWindow {
  readonly open: string;
  readonly close: string;
}

export type OpeningHours = Readonly<Partial<Record<Weekday, readonly OpeningWindow[]>>>;

export interface ServiceConfig {
  readonly id: string;
  readonly agencyId: string;
  readonly prefix: string;
  /** Per-service overrides of the SOP standard minutes (its own Standar Pelayanan). */
  readonly sopStandards?: Partial<Record<SopStep, number>>;
  readonly openingHours?: OpeningHours;
}

export interface CounterConfig {
  readonly id: string;
  readonly serviceIds: readonly string[];
}

export interface LocalizedText {
  readonly id: string;
  readonly en: string;
}

export interface LateServiceTier {
  /** Minutes beyond the pre-service standard (steps 2–3) at which this tier is reached. */
  readonly minutesLate: number;
  readonly remedy: LocalizedText;
}

export type ManualCompensationKind =
  'fee_mismatch' | 'complaint_late' | 'officer_incompetent' | 'sop_not_followed' | 'wrong_product';

export type CompensationKind = 'late_service' | ManualCompensationKind;

/** What the officer faces: the rule names the kind (`teguran`); the MOD records which reprimand was given. */
export type OfficerConsequence = (typeof OFFICER_CONSEQUENCES)[number];

export interface CompensationRule {
  readonly remedy: LocalizedText;
  readonly officerConsequence: OfficerConsequence;
}

export interface CompensationRules {
  /** Tiers in ascending order; the first is the threshold that raises the record (SK 108/2024: 15 min). */
  readonly lateService: readonly LateServiceTier[];
  readonly manual: Readonly<Record<ManualCompensationKind, CompensationRule>>;
}

/** `null` means strict: priority tickets always first. Otherwise `priority` calls, then `regular` calls, in turn. */
export interface PriorityRatio {
  readonly priority: number;
  readonly regular: number;
}

export interface QueueConfig {
  readonly timeZone: string;
  readonly numberWidth: number;
  readonly sopStandards: SopStandards;
  readonly services: readonly ServiceConfig[];
  readonly counters: readonly CounterConfig[];
  readonly openingHours: OpeningHours;
  readonly priorityRatio: PriorityRatio | null;
  /** How checked-in bookings are called among walk-ins (booking-rules.ts); by issue time like walk-ins when absent. */
  readonly bookingCallRule?: BookingCallRule | null;
  /** How many recalls a called ticket must have had before it may be marked no-show. */
  readonly noShowAfterRecalls: number;
  /** Share of a step's standard at which its timing turns from ok to warning. */
  readonly warningRatio: number;
  /** Minutes a called applicant has to reach the counter before the call shows as late. */
  readonly callAnswerMinutes: number;
  readonly compensation: CompensationRules;
  /** Standard minutes of the end-of-day report chain, SOP steps 9–13; the seed-002 values when absent. */
  readonly reportChainStandards?: ReportChainStandards;
  /** What the wait estimator learned from the hall's closed days; none (SOP standards and today only) when absent. */
  readonly waitHistory?: WaitHistory;
  /**
   * Counters nobody has sat at for a while (the hub's presence of officers, after a grace period): the estimate
   * does not count on them while other counters of their services are staffed. Absent: every counter counts.
   */
  readonly unstaffedCounters?: ReadonlySet<string>;
}

export function standardsFor(
  config: Pick<QueueConfig, 'sopStandards'>,
  service: ServiceConfig,
): SopStandards {
  return { ...config.sopStandards, ...service.sopStandards };
}

/** What a report reads of a site's queue settings: a hub's own config, or the profile a hub sent central. */
export type ReportConfig = Pick<QueueConfig, 'timeZone' | 'sopStandards' | 'services' | 'counters'>;

export function findService(config: QueueConfig, serviceId: string): ServiceConfig | undefined {
  return config.services.find((s) => s.id === serviceId);
}

export function findCounter(config: QueueConfig, counterId: string): CounterConfig | undefined {
  return config.counters.find((c) => c.id === counterId);
}
