import { COUNTER_STEPS, findService, standardsFor, type QueueConfig } from './config.ts';
import { aheadOf } from './call-order.ts';
import type { QueueState } from './state.ts';

/** Mean service minutes (first counter step to finish) of the service's last finished tickets today. */
export function recentServiceMinutes(state: QueueState, config: QueueConfig, serviceId: string): number {
  const recent = state.recentService.get(serviceId) ?? [];
  if (recent.length === 0) {
    // Nothing served yet today: the SOP's own standard for steps 4–8 is the honest first guess.
    const service = findService(config, serviceId);
    const standards = service ? standardsFor(config, service) : config.sopStandards;
    return COUNTER_STEPS.reduce((sum, step) => sum + standards[step], 0);
  }
  return recent.reduce((a, b) => a + b, 0) / recent.length / 60;
}

export function openCountersFor(state: QueueState, config: QueueConfig, serviceId: string): number {
  return config.counters.filter(
    (c) => c.serviceIds.includes(serviceId) && !state.counters.get(c.id)?.pausedReason,
  ).length;
}

/** Minutes a ticket with `ahead` tickets before it should wait; null when no counter is open for the service. */
export function estimateWaitMinutes(
  state: QueueState,
  config: QueueConfig,
  serviceId: string,
  ahead: number,
): number | null {
  const open = openCountersFor(state, config, serviceId);
  if (open === 0) return null;
  const minutes = Math.ceil((ahead * recentServiceMinutes(state, config, serviceId)) / open);
  // Services finished in seconds (a quick check, a demo) must not promise "± 0 minutes" to someone with a queue.
  return ahead > 0 ? Math.max(1, minutes) : minutes;
}

export interface ServiceLoad {
  readonly waiting: number;
  readonly estimatedWaitMinutes: number | null;
}

export function serviceLoad(state: QueueState, config: QueueConfig, serviceId: string): ServiceLoad {
  const waiting = aheadOf(state, serviceId, false);
  return { waiting, estimatedWaitMinutes: estimateWaitMinutes(state, config, serviceId, waiting) };
}
