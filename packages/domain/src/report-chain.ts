import type { QueueConfig } from './config.ts';
import { serviceDayOf } from './local-time.ts';
import { geraiClockStart, stepTenClockStart } from './report-chain-timing.ts';
import { secondsBetween } from './timing.ts';

/** SOP steps 9–13 (docs/domain/sop.md): the end-of-day chain that turns the day into a report for the Kepala Dinas. */
export const REPORT_CHAIN_STEPS = [9, 10, 11, 12, 13] as const;
export type ReportChainStep = (typeof REPORT_CHAIN_STEPS)[number];
/** A step of the chain, or the Kepala Dinas's acknowledgement of receipt after step 13 (optional, untimed). */
export type ReportChainStage = ReportChainStep | 'receipt';
export const REPORT_CHAIN_STAGES: readonly ReportChainStage[] = [...REPORT_CHAIN_STEPS, 'receipt'];

/** Standard minutes per chain step (mutu baku waktu). */
export type ReportChainStandards = Readonly<Record<ReportChainStep, number>>;

/** Seed 002: gerai → FO/BO 2 min, FO/BO → MOD 1, MOD's report 5, coordinator → Sekdis 1, Sekdis → Kepala Dinas 1. */
export const DEFAULT_REPORT_CHAIN_STANDARDS: ReportChainStandards = { 9: 2, 10: 1, 11: 5, 12: 1, 13: 1 };

export function reportChainStandardsOf(config: QueueConfig): ReportChainStandards {
  return config.reportChainStandards ?? DEFAULT_REPORT_CHAIN_STANDARDS;
}

/** Steps 9–13 out of a site file's `sopStandards` table (keys are strings there); missing ones keep the default. */
export function reportChainStandardsFrom(
  table: Readonly<Partial<Record<string, number>>>,
): ReportChainStandards {
  const merged: Record<ReportChainStep, number> = { ...DEFAULT_REPORT_CHAIN_STANDARDS };
  for (const step of REPORT_CHAIN_STEPS) {
    const minutes = table[String(step)];
    if (minutes !== undefined) merged[step] = minutes;
  }
  return merged;
}

/**
 * Who signs what. Steps 10–13 name one actor each in the SOP, and a sign-off is a personal record of
 * accountability, so nobody else (not even admin) signs in their place. Step 9 is the gerai's, but FO/BO or MOD
 * may hand in a gerai's recap on its behalf when its officer has gone home.
 */
export const REPORT_CHAIN_SIGNERS: Readonly<Record<ReportChainStage, readonly string[]>> = {
  9: ['officer', 'fo', 'mod'],
  10: ['fo'],
  11: ['mod'],
  12: ['coordinator'],
  13: ['sekdis'],
  receipt: ['kadis'],
};

export function mayRoleSign(stage: ReportChainStage, role: string): boolean {
  return REPORT_CHAIN_SIGNERS[stage].includes(role);
}

export type ReportChainErrorCode =
  | 'REPORT_CHAIN_FUTURE_DAY'
  | 'REPORT_CHAIN_NOT_SIGNER'
  | 'REPORT_CHAIN_OUT_OF_ORDER'
  | 'REPORT_CHAIN_ALREADY_SIGNED'
  | 'REPORT_CHAIN_GERAI_MISSING'
  | 'REPORT_CHAIN_AGENCY_REQUIRED'
  | 'REPORT_CHAIN_AGENCY_NOT_FOUND'
  | 'REPORT_CHAIN_REPORT_REQUIRED'
  | 'REPORT_CHAIN_FIELD_NOT_ALLOWED';

export class ReportChainError extends Error {
  constructor(
    readonly code: ReportChainErrorCode,
    /** What exactly was wrong (e.g. which gerai are missing), passed on to the API's error details. */
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'ReportChainError';
  }
}

/** One sign-off as recorded: never changed afterwards. */
export interface ReportChainRecord {
  readonly stage: ReportChainStage;
  /** The gerai whose recap this is (step 9 only). */
  readonly agencyId: string | null;
  readonly signedBy: string;
  readonly signerRole: string;
  readonly signedAt: string;
  /** When this step's clock started (see report-chain-timing.ts); null for the untimed receipt. */
  readonly clockStartedAt: string | null;
  readonly standardSeconds: number | null;
  readonly elapsedSeconds: number | null;
  readonly late: boolean | null;
  readonly note: string | null;
  /** The MPP report text (step 11 only). */
  readonly report: string | null;
  /** Gerai FO/BO compiled without, noted explicitly (step 10 only). */
  readonly missingAgencyIds: readonly string[];
}

/** What the chain of one service day rests on. */
export interface ReportChainDay {
  /** The service day, `YYYY-MM-DD` in the site's zone. */
  readonly date: string;
  /** Gerai that served at least one citizen that day: each owes FO/BO its recap (step 9). */
  readonly servedAgencyIds: readonly string[];
  readonly records: readonly ReportChainRecord[];
}

export interface ReportChainSigner {
  readonly id: string;
  readonly role: string;
  /** The gerai an officer works for (through the services of their counters); empty for other roles. */
  readonly agencyIds: readonly string[];
}

export interface SignReportChain {
  readonly stage: ReportChainStage;
  readonly signer: ReportChainSigner;
  readonly now: string;
  readonly agencyId?: string | null;
  readonly note?: string | null;
  readonly report?: string | null;
  readonly missingAgencyIds?: readonly string[] | null;
}

/** Every gerai of the site, in the order its services are listed. */
export function agencyIdsOf(config: QueueConfig): string[] {
  return [...new Set(config.services.map((s) => s.agencyId))];
}

/** The gerai an officer belongs to: those whose services the officer's counters serve. */
export function agenciesOfCounters(config: QueueConfig, counterIds: readonly string[]): string[] {
  const services = new Set(
    config.counters.filter((c) => counterIds.includes(c.id)).flatMap((c) => c.serviceIds),
  );
  return agencyIdsOf(config).filter((agencyId) =>
    config.services.some((s) => s.agencyId === agencyId && services.has(s.id)),
  );
}

export function findRecord(
  day: ReportChainDay,
  stage: ReportChainStage,
  agencyId: string | null = null,
): ReportChainRecord | undefined {
  return day.records.find((r) => r.stage === stage && (agencyId === null || r.agencyId === agencyId));
}

/** Gerai that owe a recap and have not handed it in. */
export function missingGerai(day: ReportChainDay): string[] {
  return day.servedAgencyIds.filter((id) => !findRecord(day, 9, id));
}

export function isFutureDay(date: string, now: string, config: QueueConfig): boolean {
  return date > serviceDayOf(now, config.timeZone);
}

function clean(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** Each field belongs to one step; sending it elsewhere is a mistake worth saying, not data to drop silently. */
function refuseForeignFields(request: SignReportChain): void {
  const { stage } = request;
  if (stage !== 9 && clean(request.agencyId) !== null)
    throw new ReportChainError('REPORT_CHAIN_FIELD_NOT_ALLOWED', 'agencyId is for step 9');
  if (stage !== 11 && clean(request.report) !== null)
    throw new ReportChainError('REPORT_CHAIN_FIELD_NOT_ALLOWED', 'report is for step 11');
  if (stage !== 10 && (request.missingAgencyIds?.length ?? 0) > 0)
    throw new ReportChainError('REPORT_CHAIN_FIELD_NOT_ALLOWED', 'missingAgencyIds is for step 10');
}

function previousStage(stage: ReportChainStage): ReportChainStage | null {
  if (stage === 'receipt') return 13;
  return stage === 9 ? null : ((stage - 1) as ReportChainStep);
}

/** Step 9's gerai: named, or the officer's only one. */
function geraiOf(request: SignReportChain, config: QueueConfig): string {
  const named = clean(request.agencyId);
  const { signer } = request;
  const agencyId =
    named ?? (signer.role === 'officer' && signer.agencyIds.length === 1 ? signer.agencyIds[0] : null);
  if (agencyId === null || agencyId === undefined) throw new ReportChainError('REPORT_CHAIN_AGENCY_REQUIRED');
  if (!agencyIdsOf(config).includes(agencyId))
    throw new ReportChainError('REPORT_CHAIN_AGENCY_NOT_FOUND', agencyId);
  if (signer.role === 'officer' && !signer.agencyIds.includes(agencyId))
    throw new ReportChainError('REPORT_CHAIN_NOT_SIGNER', `not an officer of ${agencyId}`);
  return agencyId;
}

/** Step 10 goes ahead without a gerai only when FO/BO names exactly the ones missing and says why. */
function checkMissingNoted(day: ReportChainDay, request: SignReportChain): string[] {
  const missing = missingGerai(day);
  const noted = [...new Set(request.missingAgencyIds ?? [])];
  const same = noted.length === missing.length && missing.every((id) => noted.includes(id));
  if (!same) throw new ReportChainError('REPORT_CHAIN_GERAI_MISSING', `missing: ${missing.join(', ')}`);
  if (missing.length > 0 && clean(request.note) === null)
    throw new ReportChainError('REPORT_CHAIN_GERAI_MISSING', 'a note must say why gerai are missing');
  return missing;
}

/**
 * Decides one sign-off of the chain and returns the record to keep, timed against its standard; throws a coded
 * ReportChainError when the rules say no. Pure: the day's facts and `now` come in, nothing is read or written.
 */
export function signReportChain(
  day: ReportChainDay,
  request: SignReportChain,
  config: QueueConfig,
): ReportChainRecord {
  const { stage, signer, now } = request;
  if (isFutureDay(day.date, now, config)) throw new ReportChainError('REPORT_CHAIN_FUTURE_DAY', day.date);
  refuseForeignFields(request);
  if (!mayRoleSign(stage, signer.role)) throw new ReportChainError('REPORT_CHAIN_NOT_SIGNER');

  const agencyId = stage === 9 ? geraiOf(request, config) : null;
  if (findRecord(day, stage, agencyId)) throw new ReportChainError('REPORT_CHAIN_ALREADY_SIGNED');
  // Step 9 closes once FO/BO has compiled the gerai: a recap handed in later would not be in the MPP report.
  if (stage === 9 && findRecord(day, 10)) throw new ReportChainError('REPORT_CHAIN_OUT_OF_ORDER');
  const previous = previousStage(stage);
  // Step 9 is one recap per gerai, not one signature: step 10 checks it below, gerai by gerai.
  if (previous !== null && previous !== 9 && !findRecord(day, previous))
    throw new ReportChainError('REPORT_CHAIN_OUT_OF_ORDER', `step ${String(previous)} is not signed yet`);

  const missing = stage === 10 ? checkMissingNoted(day, request) : [];
  const report = clean(request.report);
  if (stage === 11 && report === null) throw new ReportChainError('REPORT_CHAIN_REPORT_REQUIRED');

  const base = {
    stage,
    agencyId,
    signedBy: signer.id,
    signerRole: signer.role,
    signedAt: now,
    note: clean(request.note),
    report,
    missingAgencyIds: missing,
  };
  if (stage === 'receipt')
    return { ...base, clockStartedAt: null, standardSeconds: null, elapsedSeconds: null, late: null };
  const clockStartedAt = clockStartOf(day, stage, agencyId, config);
  const standardSeconds = reportChainStandardsOf(config)[stage] * 60;
  const elapsedSeconds = secondsBetween(clockStartedAt, now);
  return { ...base, clockStartedAt, standardSeconds, elapsedSeconds, late: elapsedSeconds > standardSeconds };
}

/** When a step's clock starts: the rule is explained in report-chain-timing.ts. */
export function clockStartOf(
  day: ReportChainDay,
  step: ReportChainStep,
  agencyId: string | null,
  config: QueueConfig,
): string {
  if (step === 9) return geraiClockStart(config, agencyId ?? '', day.date);
  const standards = reportChainStandardsOf(config);
  if (step === 10) return stepTenClockStart(config, day, standards);
  const previous = findRecord(day, (step - 1) as ReportChainStep);
  // Only asked once the previous step is signed (the order rule runs first); the fallback keeps the function total.
  return previous?.signedAt ?? stepTenClockStart(config, day, standards);
}
