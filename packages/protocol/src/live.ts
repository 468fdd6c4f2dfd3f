import { z } from 'zod';
import { CounterView, ServiceView, TimingView } from './views.ts';

const EventId = z.number().int().nonnegative();
const Instant = z.string();

/**
 * The MOD page's live table at one point of the hub's log (`GET /api/live`): every active ticket's timing, the
 * counters and the services' waiting counts, exactly as of `lastEventId`.
 */
export const LiveSnapshot = z.object({
  lastEventId: EventId,
  /** The hub's service day: a delta of another day means the day rolled over, and the page starts afresh. */
  serviceDay: z.string().nullable(),
  /**
   * Local midnight after `serviceDay`: the queue closes then even if no event follows (overnight nothing
   * happens), so an open page takes a new snapshot at that instant rather than showing yesterday's rows.
   */
  dayEndsAt: Instant,
  now: Instant,
  timings: z.array(TimingView),
  counters: z.array(CounterView),
  services: z.array(ServiceView),
});
export type LiveSnapshot = z.infer<typeof LiveSnapshot>;

/**
 * What one committed batch of queue events changed in the live table (`live:delta`, to floor managers only):
 * the rows of the tickets it touched (`timings`, put by ticket id), the tickets it ended (`removed`), and the
 * counters and services it touched. `afterEventId` is the end of the hub's previous delta: a page whose own
 * position is older than that has missed one and takes a snapshot again.
 */
export const LiveDelta = z.object({
  afterEventId: EventId,
  lastEventId: EventId,
  serviceDay: z.string().nullable(),
  now: Instant,
  timings: z.array(TimingView),
  removed: z.array(z.string()),
  counters: z.array(CounterView),
  services: z.array(ServiceView),
});
export type LiveDelta = z.infer<typeof LiveDelta>;
