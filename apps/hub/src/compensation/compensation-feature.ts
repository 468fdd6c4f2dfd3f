import { isQueueEvent } from '@giliran/domain';
import type { HubContext } from '../hub-context.ts';
import { DeadlineScheduler } from './deadline-scheduler.ts';

/**
 * Late service raises its compensation by itself: the scheduler wakes at the next deadline of the queue.
 * Its routes are queue commands (`compensation:raise`, `compensation:resolve`) and are served with the queue's.
 */
export function registerCompensation(ctx: HubContext): DeadlineScheduler {
  const { engine, bus, clock, logger } = ctx;
  const scheduler = new DeadlineScheduler(engine, bus, clock, logger);
  bus.onCommitted((batch) => {
    scheduler.onCommitted(batch.map((b) => b.event).filter(isQueueEvent));
  });
  // Tickets that became late while the hub was down are raised at once.
  ctx.onStart(() => scheduler.fire());
  ctx.onClose(() => {
    scheduler.stop();
  });
  return scheduler;
}
