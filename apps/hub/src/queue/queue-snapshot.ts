import type { Snapshot } from '@giliran/protocol';
import type { QueueEngine } from '../commands/queue-engine.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { QueueStore } from '../db/queue-store.ts';
import { callView, compensationView, counterView, ticketView } from '../views/views.ts';

/** Calls a snapshot carries for the displays' history: more than any screen lists. */
const SNAPSHOT_CALLS = 100;

/** The whole queue as a screen receives it on connecting; the socket narrows it per audience. */
export function snapshotOf(engine: QueueEngine, store: QueueStore, site: SiteConfig): Snapshot {
  // Commit what waits for the next group commit first: a snapshot shows only what is on disk, exactly up to
  // its lastEventId, so a crash can never take back something a screen has already shown.
  engine.flush();
  const { state, config } = engine;
  const now = engine.nowIso();
  return {
    lastEventId: store.lastEventId(),
    now,
    serviceDay: engine.serviceDay,
    tickets: [...state.tickets.values()].map((t) => ticketView(t, config, now)),
    counters: site.counters.map((c) => counterView(site, c.id, state)),
    compensations: [...state.compensations.values()].map(compensationView),
    calls: state.calls.slice(-SNAPSHOT_CALLS).map((c) => callView(c, state)),
  };
}
