import type { Target } from './run-all.ts';

/**
 * A latency target as a ratio to the baseline measured in the same run: an absolute figure moves with the
 * machine and whatever else shares its cores, the ratio shows what the hub itself adds.
 */
export function ratioTarget(
  figure: string,
  value: number,
  baseline: number,
  maxRatio: number,
  baselineLabel: string,
): Target {
  const ratio = value / baseline;
  return {
    label: `${figure} ≤ ${String(maxRatio)}× ${baselineLabel}`,
    pass: Number.isFinite(ratio) && ratio <= maxRatio,
    detail: `${value.toFixed(1)} ms vs ${baseline.toFixed(1)} ms = ${Number.isFinite(ratio) ? ratio.toFixed(2) : '—'}×`,
  };
}
