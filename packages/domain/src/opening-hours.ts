import type { OpeningHours, QueueConfig, ServiceConfig } from './config.ts';
import { localTime, parseClock } from './local-time.ts';

export function hoursFor(config: QueueConfig, service: ServiceConfig): OpeningHours {
  return service.openingHours ?? config.openingHours;
}

export function isServiceOpen(config: QueueConfig, service: ServiceConfig, now: string): boolean {
  const local = localTime(now, config.timeZone);
  const windows = hoursFor(config, service)[local.weekday] ?? [];
  return windows.some(
    (w) => local.minuteOfDay >= parseClock(w.open) && local.minuteOfDay < parseClock(w.close),
  );
}
