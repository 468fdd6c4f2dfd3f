import type { SopStandards, SopStep } from './config.ts';

const STEPS = [1, 2, 3, 4, 5, 6, 7, 8] as const satisfies readonly SopStep[];
/** Standards are fitted in quarter minutes (15 s): exact in binary, so every sum × 60 is a whole second. */
const QUARTERS_PER_MINUTE = 4;

/**
 * A service's own Standar Pelayanan as a total for steps 1–8 (e.g. 15 minutes for a letter) becomes the standard
 * that is timed: the steps the service does not set itself share what is left of the total in proportion to the
 * site's table, in quarter minutes, largest remainders first so the parts add up to the total exactly.
 * Null when the steps the service sets leave less than a quarter minute for each of the others.
 */
export function fitStandardsToTotal(
  base: SopStandards,
  fixed: Readonly<Partial<Record<SopStep, number>>>,
  totalMinutes: number,
): SopStandards | null {
  const free = STEPS.filter((step) => fixed[step] === undefined);
  const fixedMinutes = STEPS.reduce((sum, step) => sum + (fixed[step] ?? 0), 0);
  const quarters = Math.round((totalMinutes - fixedMinutes) * QUARTERS_PER_MINUTE);
  if (free.length === 0) return fixedMinutes === totalMinutes ? { ...base, ...fixed } : null;
  if (quarters < free.length) return null;
  const weight = free.reduce((sum, step) => sum + base[step], 0);
  const exact = free.map((step) => ({ step, share: (base[step] / weight) * quarters }));
  const parts = new Map(exact.map(({ step, share }) => [step, Math.max(1, Math.floor(share))]));
  let left = quarters - [...parts.values()].reduce((sum, q) => sum + q, 0);
  const byRemainder = [...exact].sort((a, b) => (b.share % 1) - (a.share % 1) || a.step - b.step);
  for (let i = 0; left > 0; i = (i + 1) % byRemainder.length, left--) {
    const step = byRemainder[i]?.step ?? 1;
    parts.set(step, (parts.get(step) ?? 0) + 1);
  }
  // A step raised to its one-quarter floor is paid for by the largest parts.
  for (const step of [...free].sort((a, b) => (parts.get(b) ?? 0) - (parts.get(a) ?? 0)))
    while (left < 0 && (parts.get(step) ?? 0) > 1) {
      parts.set(step, (parts.get(step) ?? 0) - 1);
      left++;
    }
  const fitted = { ...base, ...fixed };
  for (const step of free) fitted[step] = (parts.get(step) ?? 1) / QUARTERS_PER_MINUTE;
  return fitted;
}
