import { mayRoleSign, secondsBetween, type ReportChainStage } from '@giliran/domain';
import type { GeraiRecapView, ReportChainStepView, ReportChainView } from '@giliran/protocol';
import type { Lang } from '@giliran/ui';

/** The stages the signed-in role may sign now; the hub still has the last word (e.g. an officer's own gerai). */
export function mySignable(view: ReportChainView, role: string): ReportChainStage[] {
  return view.signable.filter((stage) => mayRoleSign(stage, role));
}

/** The hub's clock now, from the view's `now` and how long ago it arrived: never the PC's own clock. */
export function hubNowIso(view: ReportChainView, receivedAtMs: number, nowMs: number): string {
  return new Date(Date.parse(view.now) + Math.max(0, nowMs - receivedAtMs)).toISOString();
}

export interface Timing {
  readonly elapsedSeconds: number;
  readonly standardSeconds: number;
  readonly late: boolean;
}

/** A step's time against its standard: as recorded once signed, running while open, none while waiting. */
export function stepTiming(step: ReportChainStepView, hubNow: string): Timing | null {
  if (step.status === 'open' && step.clockStartedAt !== null) {
    const elapsedSeconds = secondsBetween(step.clockStartedAt, hubNow);
    return {
      elapsedSeconds,
      standardSeconds: step.standardSeconds,
      late: elapsedSeconds > step.standardSeconds,
    };
  }
  if (step.record?.elapsedSeconds == null) return null;
  return {
    elapsedSeconds: step.record.elapsedSeconds,
    standardSeconds: step.standardSeconds,
    late: step.record.late === true,
  };
}

/** A gerai's recap clock runs from its close until it hands in. */
export function geraiTiming(gerai: GeraiRecapView, standardSeconds: number, hubNow: string): Timing | null {
  if (gerai.status === 'due') {
    const elapsedSeconds = secondsBetween(gerai.closesAt, hubNow);
    return { elapsedSeconds, standardSeconds, late: elapsedSeconds > standardSeconds };
  }
  if (gerai.record?.elapsedSeconds == null) return null;
  return { elapsedSeconds: gerai.record.elapsedSeconds, standardSeconds, late: gerai.record.late === true };
}

const UNITS: Readonly<Record<Lang, { h: string; m: string; s: string }>> = {
  id: { h: 'jam', m: 'mnt', s: 'dtk' },
  en: { h: 'h', m: 'min', s: 's' },
};

/** "6 mnt 20 dtk": at most two units, the larger first, a zero second unit left out. */
export function formatDuration(totalSeconds: number, lang: Lang): string {
  const u = UNITS[lang];
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return m > 0 ? `${h} ${u.h} ${m} ${u.m}` : `${h} ${u.h}`;
  if (m > 0) return s > 0 ? `${m} ${u.m} ${s} ${u.s}` : `${m} ${u.m}`;
  return `${s} ${u.s}`;
}

/** Where a sign-off goes: the SOP step, or the Kepala Dinas's receipt. */
export function signPath(date: string, stage: ReportChainStage): string {
  return stage === 'receipt'
    ? `/api/report-chain/${date}/receipt`
    : `/api/report-chain/${date}/steps/${stage}`;
}
