import type { ConnectionState, HubClient } from '@giliran/ui';
import type {
  CompensationView,
  CounterView,
  HubWarning,
  LiveDelta,
  LiveSnapshot,
  PresentOfficer,
  ServiceView,
  TimingView,
} from '../wire.ts';
import { detectAlerts, type LiveAlert } from './alerts.ts';

export interface LiveView {
  readonly connection: ConnectionState;
  readonly services: readonly ServiceView[];
  readonly counters: readonly CounterView[];
  readonly presence: readonly PresentOfficer[];
  /** Every active ticket; a row keeps its object until the hub reports that ticket changed. */
  readonly timings: readonly TimingView[];
  readonly compensations: readonly CompensationView[];
  /** Ticket numbers by id, for compensation records and alerts. */
  readonly numbers: ReadonlyMap<string, string>;
  /** Newest first. */
  readonly alerts: readonly LiveAlert[];
  readonly clockOffsetMs: number;
  /** The hub's service day (site zone), e.g. 2025-03-10; null before the first snapshot. */
  readonly serviceDay: string | null;
  /** Bumped when the day's figures may have changed, at most every few seconds: the figures panel reloads. */
  readonly version: number;
  /** Hub clock (ms) of the last second's tick. */
  readonly tickedAt: number;
}

const COMPENSATIONS_DELAY_MS = 250;
const FIGURES_EVERY_MS = 5000;
/** Services open and close with the clock, not only with events: their list is read again this often. */
const SERVICES_EVERY_MS = 60_000;
const MAX_ALERTS = 60;
const RESYNC_RETRY_MS = 3000;

/**
 * The hall as the MOD sees it, kept the way the display keeps its board: one snapshot of the live table at an
 * event id (`GET /api/live`) on connect, then each committed batch's changes (`live:delta`) applied in order.
 * A delta that does not follow on from the page's position means one was missed: the page takes a snapshot
 * again and applies what arrived meanwhile. The hub stays the one judge of timing: rows come from it, and in
 * between only the clocks run on locally.
 */
export class LiveFeed {
  private view: LiveView = {
    connection: 'connecting',
    services: [],
    counters: [],
    presence: [],
    timings: [],
    compensations: [],
    numbers: new Map(),
    alerts: [],
    clockOffsetMs: 0,
    serviceDay: null,
    version: 0,
    tickedAt: 0,
  };
  private readonly listeners = new Set<(view: LiveView) => void>();
  private readonly seen = new Set<string>();
  private readonly rows = new Map<string, TimingView>();
  /** Event id the table stands at; null until the first snapshot. */
  private position: number | null = null;
  /** Hub clock (ms) at which the snapshot's day ends: the page asks again then, as no event may come overnight. */
  private dayEndsAt = Number.POSITIVE_INFINITY;
  /** Deltas that arrived while a snapshot was on its way; null when none is. */
  private held: LiveDelta[] | null = null;
  private compensationsTimer: ReturnType<typeof setTimeout> | null = null;
  private figuresTimer: ReturnType<typeof setTimeout> | null = null;
  /** The next try after a failed snapshot: one at a time, dropped on close and when a reconnect tries at once. */
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly timers: ReturnType<typeof setInterval>[] = [];
  private closed = false;

  constructor(private readonly hub: HubClient) {
    const socket = hub.socket;
    const onConnect = () => {
      this.update({ connection: 'online' });
      void this.resync();
    };
    socket.on('connect', onConnect);
    socket.on('disconnect', () => {
      this.update({ connection: 'offline' });
    });
    if (socket.connected) onConnect();
    socket.on('live:delta', (delta) => {
      this.onDelta(delta);
    });
    socket.on('counter:presence', (change) => {
      const others = this.view.presence.filter((p) => p.counterId !== change.counterId);
      this.update({ presence: change.officer ? [...others, change.officer] : others });
    });
    socket.on('hub:alert', (alert) => {
      this.addAlerts([hubAlert(`hub:${alert.kind}:${alert.at}`, Date.parse(alert.at), alert.message)]);
    });
    socket.on('ticket:issued', (e) => {
      this.update({ numbers: new Map(this.view.numbers).set(e.ticketId, e.number) });
    });
    socket.on('ticket:print-failed', (e) => {
      this.addAlerts([this.printFailedAlert(e.ticketId, e.reason, e.at)]);
    });
    socket.on('compensation:raised', (e) => {
      this.addAlerts([this.compensationAlert(e.compensationId, e.ticketId, e.kind, e.at)]);
      this.reloadCompensations();
    });
    socket.on('compensation:escalated', () => {
      this.reloadCompensations();
    });
    socket.on('compensation:resolved', () => {
      this.reloadCompensations();
    });
    this.timers.push(
      setInterval(() => {
        this.tick();
      }, 1000),
      setInterval(() => {
        void this.reloadServices();
      }, SERVICES_EVERY_MS),
    );
  }

  get current(): LiveView {
    return this.view;
  }

  hubNow(): number {
    return Date.now() + this.view.clockOffsetMs;
  }

  subscribe(listener: (view: LiveView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearInterval(timer);
    if (this.compensationsTimer) clearTimeout(this.compensationsTimer);
    if (this.figuresTimer) clearTimeout(this.figuresTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  /** Compensation records changed (raised, escalated, or resolved on this page): reload them shortly. */
  reloadCompensations(): void {
    if (this.compensationsTimer || this.closed) return;
    this.compensationsTimer = setTimeout(() => {
      this.compensationsTimer = null;
      void this.loadCompensations();
    }, COMPENSATIONS_DELAY_MS);
  }

  private onDelta(delta: LiveDelta): void {
    if (this.held) {
      this.held.push(delta);
      return;
    }
    if (this.position === null || delta.lastEventId <= this.position) return;
    if (delta.afterEventId > this.position || delta.serviceDay !== this.view.serviceDay) {
      // A batch went by unseen (or the day rolled over): the rows may be stale, so start from a snapshot again.
      this.held = [delta];
      void this.resync();
      return;
    }
    this.apply(delta);
  }

  private apply(delta: LiveDelta): void {
    this.position = delta.lastEventId;
    for (const id of delta.removed) this.rows.delete(id);
    for (const row of delta.timings) this.rows.set(row.ticketId, row);
    this.update({
      timings: [...this.rows.values()],
      counters: replaceById(this.view.counters, delta.counters),
      services: replaceById(this.view.services, delta.services),
    });
    this.figuresChanged();
  }

  private async resync(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.held ??= [];
    try {
      const snapshot = await this.hub.get<LiveSnapshot>('/api/live');
      this.takeSnapshot(snapshot);
      const [presence, warnings] = await Promise.all([
        this.hub.get<PresentOfficer[]>('/api/counters/presence'),
        this.hub.get<HubWarning[]>('/api/hub/warnings'),
      ]);
      this.update({ presence });
      this.addAlerts(warnings.map((w) => warningAlert(w, this.hubNow())));
    } catch {
      // Still connected but the snapshot failed (a hub restarting, say): try again shortly.
      this.held = null;
      this.position = null;
      this.retryLater();
      return;
    }
    await this.loadCompensations();
  }

  private retryLater(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => void this.resync(), RESYNC_RETRY_MS);
  }

  private takeSnapshot(snapshot: LiveSnapshot): void {
    const held = this.held ?? [];
    this.held = null;
    this.rows.clear();
    for (const row of snapshot.timings) this.rows.set(row.ticketId, row);
    this.position = snapshot.lastEventId;
    this.dayEndsAt = Date.parse(snapshot.dayEndsAt);
    const numbers = new Map(this.view.serviceDay === snapshot.serviceDay ? this.view.numbers : []);
    for (const row of snapshot.timings) numbers.set(row.ticketId, row.number);
    this.update({
      clockOffsetMs: Date.parse(snapshot.now) - Date.now(),
      serviceDay: snapshot.serviceDay,
      numbers,
      timings: [...this.rows.values()],
      counters: snapshot.counters,
      services: snapshot.services,
      version: this.view.version + 1,
    });
    // What came while the snapshot was on its way, from where the snapshot stands.
    for (const delta of held) this.onDelta(delta);
    this.tick();
  }

  private async loadCompensations(): Promise<void> {
    try {
      const compensations = await this.hub.get<CompensationView[]>('/api/compensations');
      this.update({ compensations });
      // One raised while this page was offline still deserves its alert.
      this.addAlerts(
        compensations
          .filter((c) => c.resolution === null)
          .map((c) => this.compensationAlert(c.id, c.ticketId, c.kind, c.raisedAt)),
      );
    } catch {
      // The next compensation event or reconnect reloads them.
    }
  }

  private async reloadServices(): Promise<void> {
    if (this.closed || this.position === null) return;
    try {
      this.update({ services: await this.hub.get<ServiceView[]>('/api/services') });
    } catch {
      // Offline: the snapshot after reconnecting brings them.
    }
  }

  /** The day's figures follow the queue, but a recap every few seconds is as good as one per event. */
  private figuresChanged(): void {
    if (this.figuresTimer || this.closed) return;
    this.figuresTimer = setTimeout(() => {
      this.figuresTimer = null;
      this.update({ version: this.view.version + 1 });
    }, FIGURES_EVERY_MS);
  }

  private printFailedAlert(ticketId: string, reason: string, at: string): LiveAlert {
    const number = this.view.numbers.get(ticketId) ?? null;
    return {
      ...hubAlert(`print-failed:${ticketId}:${at}`, Date.parse(at), reason),
      kind: 'print-failed',
      number,
    };
  }

  private compensationAlert(id: string, ticketId: string | null, kind: string, at: string): LiveAlert {
    return {
      key: `compensation:${id}`,
      kind: 'compensation',
      at: Date.parse(at),
      number: ticketId ? (this.view.numbers.get(ticketId) ?? null) : null,
      counterId: null,
      step: null,
      minutesLeft: null,
      text: kind,
    };
  }

  /** Time passing alone crosses standards and deadlines: look for new alerts, and run the clocks on, every second. */
  private tick(): void {
    if (this.hubNow() >= this.dayEndsAt && !this.held) {
      // Midnight passed in the site's zone: yesterday's rows go, whether or not an event has come since.
      this.dayEndsAt = Number.POSITIVE_INFINITY;
      void this.resync();
    }
    this.addAlerts(detectAlerts(this.view.timings, this.hubNow(), this.seen));
    // A new view object, so that the screen re-renders with the clocks one second on.
    this.update({ tickedAt: this.hubNow() });
  }

  private addAlerts(alerts: readonly LiveAlert[]): void {
    const fresh = alerts.filter((a) => !this.seen.has(a.key));
    if (fresh.length === 0) return;
    for (const a of fresh) this.seen.add(a.key);
    this.update({ alerts: [...fresh, ...this.view.alerts].slice(0, MAX_ALERTS) });
  }

  private update(change: Partial<LiveView>): void {
    this.view = { ...this.view, ...change };
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.view);
  }
}

/** `list` with each item of `changed` put in its place (by id), order kept; new ids appended. */
function replaceById<T extends { readonly id: string }>(
  list: readonly T[],
  changed: readonly T[],
): readonly T[] {
  if (changed.length === 0) return list;
  const byId = new Map(changed.map((item) => [item.id, item]));
  const result = list.map((item) => byId.get(item.id) ?? item);
  const known = new Set(list.map((item) => item.id));
  return [...result, ...changed.filter((item) => !known.has(item.id))];
}

/** A standing problem of the installation: shown once per page load, keyed by its kind. */
function warningAlert(warning: HubWarning, at: number): LiveAlert {
  return {
    ...hubAlert(`warning:${warning.kind}`, at, warning.message.id),
    kind: 'warning',
    textEn: warning.message.en,
  };
}

function hubAlert(key: string, at: number, text: string): LiveAlert {
  return { key, kind: 'hub', at, number: null, counterId: null, step: null, minutesLeft: null, text };
}
