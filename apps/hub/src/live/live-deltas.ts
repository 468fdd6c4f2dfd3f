import { isQueueEvent, timingOf, type HubEvent, type QueueEvent } from '@giliran/domain';
import type { LiveDelta, LiveSnapshot } from '@giliran/protocol';
import type { QueueEngine } from '../commands/queue-engine.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { QueueStore } from '../db/queue-store.ts';
import { counterView, serviceViews } from '../views/views.ts';
import { LIVE_ROOM, type HubSocketServer } from '../socket/socket-server.ts';

interface Touched {
  readonly tickets: Set<string>;
  readonly counters: Set<string>;
  readonly services: Set<string>;
}

/**
 * A logged wait promise (`ticket:wait-quoted`, one per issue and per status page view) moves no row, counter or
 * service of the live table: it is a queue event, but it must not cost the floor managers a delta.
 */
function movesLiveTable(event: HubEvent): event is QueueEvent {
  return isQueueEvent(event) && event.type !== 'ticket:wait-quoted';
}

/** The tickets, counters and services a batch of events touched: what the MOD page's live table must redraw. */
function touchedBy(events: readonly QueueEvent[], engine: QueueEngine, site: SiteConfig): Touched {
  const touched: Touched = { tickets: new Set(), counters: new Set(), services: new Set() };
  for (const event of events) {
    if (!movesLiveTable(event)) continue;
    if ('ticketId' in event && typeof event.ticketId === 'string') touched.tickets.add(event.ticketId);
    if ('counterId' in event && typeof event.counterId === 'string') touched.counters.add(event.counterId);
    if ('serviceId' in event) touched.services.add(event.serviceId);
    if (event.type === 'ticket:transferred') touched.services.add(event.fromServiceId).add(event.toServiceId);
  }
  for (const id of touched.tickets) {
    const ticket = engine.state.tickets.get(id);
    if (ticket) touched.services.add(ticket.serviceId);
  }
  // A counter that calls, pauses or resumes changes the waits of every service it serves.
  for (const id of touched.counters) {
    for (const serviceId of site.counters.find((c) => c.id === id)?.serviceIds ?? [])
      touched.services.add(serviceId);
  }
  return touched;
}

/**
 * The live table for floor managers, kept by events instead of refetched: a snapshot at one event id
 * (`GET /api/live`), then after every committed batch the rows, counters and services it touched
 * (`live:delta`), chained by event id so that a page that missed one knows it.
 */
export class LiveDeltas {
  private lastSent: number;

  constructor(
    private readonly io: () => HubSocketServer,
    private readonly engine: QueueEngine,
    private readonly store: QueueStore,
    private readonly site: SiteConfig,
  ) {
    this.lastSent = store.lastEventId();
  }

  snapshot(): LiveSnapshot {
    // As for the socket snapshot: only what is on disk, exactly up to lastEventId.
    this.engine.flush();
    const { state, config } = this.engine;
    const now = this.engine.nowIso();
    return {
      lastEventId: this.store.lastEventId(),
      serviceDay: this.engine.serviceDay,
      dayEndsAt: this.engine.dayEndsAtIso,
      now,
      timings: [...state.tickets.values()].flatMap((t) => timingOf(t, config, now) ?? []),
      counters: this.site.counters.map((c) => counterView(this.site, c.id, state)),
      services: serviceViews(this.site, state, config, now),
    };
  }

  /** After a committed batch: tell the floor managers' pages what it changed (nothing is built for nobody). */
  onBatch(batch: readonly { readonly id: number; readonly event: HubEvent }[]): void {
    // Other features' events (complaints, settings, …) and wait promises change nothing in the live table: no delta
    // for them. A page's snapshot may stand past them; the next delta still follows on, since it starts at or before it.
    const queue = batch.filter((b): b is { id: number; event: QueueEvent } => movesLiveTable(b.event));
    const last = queue.at(-1);
    if (!last) return;
    const afterEventId = this.lastSent;
    this.lastSent = last.id;
    const io = this.io();
    if ((io.sockets.adapter.rooms.get(LIVE_ROOM)?.size ?? 0) === 0) return;
    io.to(LIVE_ROOM).emit(
      'live:delta',
      this.delta(
        afterEventId,
        last.id,
        queue.map((b) => b.event),
      ),
    );
  }

  private delta(afterEventId: number, lastEventId: number, events: readonly QueueEvent[]): LiveDelta {
    const { state, config } = this.engine;
    const now = this.engine.nowIso();
    const touched = touchedBy(events, this.engine, this.site);
    const timings: LiveDelta['timings'][number][] = [];
    const removed: string[] = [];
    for (const id of touched.tickets) {
      const ticket = state.tickets.get(id);
      const timing = ticket ? timingOf(ticket, config, now) : null;
      if (timing) timings.push(timing);
      else removed.push(id);
    }
    return {
      afterEventId,
      lastEventId,
      serviceDay: this.engine.serviceDay,
      now,
      timings,
      removed,
      counters: [...touched.counters].map((id) => counterView(this.site, id, state)),
      services: serviceViews(this.site, state, config, now, touched.services),
    };
  }
}
