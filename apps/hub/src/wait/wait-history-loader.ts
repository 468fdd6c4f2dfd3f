import { addDays, waitHistoryFrom } from '@giliran/domain';
import type { QueueEngine } from '../commands/queue-engine.ts';
import type { ReportStore } from '../reports/report-store.ts';

/** Eight weeks: eight of each weekday, recent enough that a new officer or system shows within weeks. */
export const WAIT_HISTORY_DAYS = 56;
/** Summaries of closed days are stored as reports are used (background pass): pick them up this often. */
const RELOAD_MS = 60 * 60_000;

/** Feeds the estimator the stored day summaries of the last weeks, now and every hour, until stopped. */
export function keepWaitHistory(engine: QueueEngine, store: ReportStore): () => void {
  const load = (): void => {
    const today = engine.serviceDay;
    engine.useWaitHistory(
      waitHistoryFrom(store.storedDays(addDays(today, -WAIT_HISTORY_DAYS), addDays(today, -1))),
    );
  };
  load();
  const timer = setInterval(load, RELOAD_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
  };
}
