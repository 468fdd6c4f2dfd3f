import type { QueueConfig } from './config.ts';
import {
  REPORT_CHAIN_STEPS,
  agencyIdsOf,
  clockStartOf,
  findRecord,
  isFutureDay,
  missingGerai,
  reportChainStandardsOf,
  type ReportChainDay,
  type ReportChainRecord,
  type ReportChainStage,
  type ReportChainStep,
} from './report-chain.ts';
import { geraiClockStart, geraiDueAt } from './report-chain-timing.ts';
import { secondsBetween } from './timing.ts';

/** signed: done; open: its clock runs; waiting: the step before is not done yet. */
export type ReportChainStepStatus = 'signed' | 'open' | 'waiting';

export interface ReportChainStepState {
  readonly step: ReportChainStep;
  readonly standardSeconds: number;
  readonly status: ReportChainStepStatus;
  readonly clockStartedAt: string | null;
  /** As recorded once signed; while open, the time running so far (0 before the clock starts). */
  readonly elapsedSeconds: number | null;
  readonly late: boolean | null;
  readonly record: ReportChainRecord | null;
}

/** A gerai's recap (step 9): submitted, still due, or noted missing by FO/BO at step 10. */
export type GeraiRecapStatus = 'submitted' | 'due' | 'missing';

export interface GeraiRecapState {
  readonly agencyId: string;
  /** It served citizens that day, so it owes a recap; a gerai that did not may still hand one in. */
  readonly served: boolean;
  readonly closesAt: string;
  readonly dueAt: string;
  readonly status: GeraiRecapStatus;
  readonly elapsedSeconds: number | null;
  readonly late: boolean | null;
  readonly record: ReportChainRecord | null;
}

export interface ReportChainState {
  readonly date: string;
  readonly steps: readonly ReportChainStepState[];
  readonly gerai: readonly GeraiRecapState[];
  readonly receipt: ReportChainRecord | null;
  /** Stages a sign-off could be accepted for now, whoever may sign them (roles are checked separately). */
  readonly signable: readonly ReportChainStage[];
  /** Step 13 is signed: the report is with the Kepala Dinas. */
  readonly complete: boolean;
}

/** Every gerai that served has handed in; a day nobody served waits for FO/BO to say so at step 10. */
function allRecapsIn(day: ReportChainDay): boolean {
  return day.servedAgencyIds.length > 0 && missingGerai(day).length === 0;
}

function geraiState(
  day: ReportChainDay,
  agencyId: string,
  config: QueueConfig,
  now: string,
): GeraiRecapState {
  const standards = reportChainStandardsOf(config);
  const record = findRecord(day, 9, agencyId) ?? null;
  const closesAt = geraiClockStart(config, agencyId, day.date);
  const dueAt = geraiDueAt(config, agencyId, day.date, standards);
  const compiled = findRecord(day, 10);
  const status: GeraiRecapStatus = record ? 'submitted' : compiled ? 'missing' : 'due';
  const elapsedSeconds = record
    ? record.elapsedSeconds
    : status === 'due'
      ? secondsBetween(closesAt, now)
      : null;
  const late = record ? record.late : status === 'due' ? Date.parse(now) > Date.parse(dueAt) : true;
  return {
    agencyId,
    served: day.servedAgencyIds.includes(agencyId),
    closesAt,
    dueAt,
    status,
    elapsedSeconds,
    late,
    record,
  };
}

function stepState(
  day: ReportChainDay,
  step: ReportChainStep,
  gerai: readonly GeraiRecapState[],
  config: QueueConfig,
  now: string,
): ReportChainStepState {
  const standardSeconds = reportChainStandardsOf(config)[step] * 60;
  if (step === 9) {
    // Step 9 is one per gerai: its line sums them up, the gerai list carries who and when.
    const done = findRecord(day, 10) !== undefined || allRecapsIn(day);
    return {
      step,
      standardSeconds,
      status: done ? 'signed' : 'open',
      clockStartedAt: null,
      elapsedSeconds: null,
      late: gerai.some((g) => g.late === true),
      record: null,
    };
  }
  const record = findRecord(day, step) ?? null;
  if (record)
    return {
      step,
      standardSeconds,
      status: 'signed',
      clockStartedAt: record.clockStartedAt,
      elapsedSeconds: record.elapsedSeconds,
      late: record.late,
      record,
    };
  const before =
    step === 10 ? allRecapsIn(day) : findRecord(day, (step - 1) as ReportChainStep) !== undefined;
  if (!before)
    return {
      step,
      standardSeconds,
      status: 'waiting',
      clockStartedAt: null,
      elapsedSeconds: null,
      late: null,
      record,
    };
  const clockStartedAt = clockStartOf(day, step, null, config);
  const elapsedSeconds = secondsBetween(clockStartedAt, now);
  return {
    step,
    standardSeconds,
    status: 'open',
    clockStartedAt,
    elapsedSeconds,
    late: elapsedSeconds > standardSeconds,
    record,
  };
}

/** Stages that could be signed next, in SOP order; step 9 stays open for gerai until FO/BO compiles. */
function signableStages(day: ReportChainDay): ReportChainStage[] {
  const stages: ReportChainStage[] = [];
  if (!findRecord(day, 10)) stages.push(9, 10);
  for (const step of [11, 12, 13] as const)
    if (!findRecord(day, step) && findRecord(day, (step - 1) as ReportChainStep)) stages.push(step);
  if (!findRecord(day, 'receipt') && findRecord(day, 13)) stages.push('receipt');
  return stages;
}

/** The whole chain of one service day as the MOD page and the API show it. */
export function reportChainState(day: ReportChainDay, config: QueueConfig, now: string): ReportChainState {
  const recapped = day.records.filter((r) => r.stage === 9).map((r) => r.agencyId);
  // Site order, so the checklist reads the same every day.
  const listed = agencyIdsOf(config).filter(
    (id) => day.servedAgencyIds.includes(id) || recapped.includes(id),
  );
  const gerai = listed.map((id) => geraiState(day, id, config, now));
  return {
    date: day.date,
    steps: REPORT_CHAIN_STEPS.map((step) => stepState(day, step, gerai, config, now)),
    gerai,
    receipt: findRecord(day, 'receipt') ?? null,
    signable: isFutureDay(day.date, now, config) ? [] : signableStages(day),
    complete: findRecord(day, 13) !== undefined,
  };
}
