import type { ConnectionState, HubClient } from '@giliran/ui';
import type {
  Ack,
  CompensationView,
  CounterView,
  HubWarning,
  PresentOfficer,
  ServiceView,
  Snapshot,
  TimingView,
} from '../wire.ts';
import { detectAlerts, type LiveAlert } from './alerts.ts';

export interface LiveView {
  readonly connection: ConnectionState;
  readonly services: readonly ServiceView[];
  readonly counters: readonly CounterView[];
  readonly presence: readonly PresentOfficer[];
  readonly timings: readonly TimingView[];
  /** Hub clock (ms) at which `timings` were true: elapsed times run on from there. */
  readonly timingsAt: number;
  readonly compensations: readonly CompensationView[];
  /** Ticket numbers by id, for compensation records and alerts. */
  readonly numbers: ReadonlyMap<string, string>;
  /** Newest first. */
  readonly alerts: readonly LiveAlert[];
  readonly clockOffsetMs: number;
  /** The hub's service day (site zone), e.g. 2025-03-10; null before the first snapshot. */
  readonly serviceDay: string | null;
  /** Bumped by every queue event: what depends on the day's figures reloads when it changes. */
  readonly version: number;
  /** Hub clock (ms) of the last second's tick. */
  readonly tickedAt: number;
}

const REFRESH_MS = 250;
const SAFETY_REFRESH_MS = 15_000;
const MAX_ALERTS = 60;

/**
 * The hall as the MOD sees it. The hub stays the one judge of timing: after any queue event (at most every
 * 250 ms) the feed reloads timings, counters and waiting counts, and in between runs the clocks on locally.
 */
export class LiveFeed {
  private view: LiveView = {
    connection: 'connecting',
    services: [],
    counters: [],
    presence: [],
    timings: [],
    timingsAt: 0,
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
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly timers: ReturnType<typeof setInterval>[] = [];
  private compensationsStale = false;
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
    socket.onAny((name: string, payload: unknown) => {
      this.onEvent(name, payload);
    });
    this.timers.push(
      setInterval(() => {
        this.tick();
      }, 1000),
      setInterval(() => {
        this.scheduleRefresh(true);
      }, SAFETY_REFRESH_MS),
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
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
  }

  /** Compensation records changed elsewhere (e.g. resolved on this page): reload them now. */
  reloadCompensations(): void {
    this.scheduleRefresh(true);
  }

  private onEvent(name: string, payload: unknown): void {
    if (name === 'counter:presence') {
      const change = payload as { counterId: string; officer: PresentOfficer | null };
      const others = this.view.presence.filter((p) => p.counterId !== change.counterId);
      this.update({ presence: change.officer ? [...others, change.officer] : others });
      return;
    }
    if (name === 'hub:alert') {
      const alert = payload as { kind: string; message: string; at: string };
      this.addAlerts([hubAlert(`hub:${alert.kind}:${alert.at}`, Date.parse(alert.at), alert.message)]);
      return;
    }
    if (name === 'ticket:issued') {
      const e = payload as { ticketId: string; number: string };
      this.update({ numbers: new Map(this.view.numbers).set(e.ticketId, e.number) });
    }
    if (name === 'ticket:print-failed') {
      const e = payload as { ticketId: string; reason: string; at: string };
      this.addAlerts([this.printFailedAlert(e.ticketId, e.reason, e.at)]);
    }
    if (name === 'compensation:raised') {
      const e = payload as { compensationId: string; ticketId: string | null; kind: string; at: string };
      this.addAlerts([this.compensationAlert(e.compensationId, e.ticketId, e.kind, e.at)]);
    }
    if (name.startsWith('ticket:') || name.startsWith('counter:') || name.startsWith('compensation:')) {
      this.update({ version: this.view.version + 1 });
      this.scheduleRefresh(name.startsWith('compensation:'));
    }
  }

  private async resync(): Promise<void> {
    const socket = this.hub.socket.timeout(10_000) as unknown as {
      emitWithAck(event: 'sync:snapshot', payload: object): Promise<Ack<Snapshot>>;
    };
    try {
      const ack = await socket.emitWithAck('sync:snapshot', {});
      if (ack.ok) {
        this.update({
          clockOffsetMs: Date.parse(ack.data.now) - Date.now(),
          serviceDay: ack.data.serviceDay,
          numbers: new Map(ack.data.tickets.map((t) => [t.id, t.number])),
        });
      }
      const [presence, warnings] = await Promise.all([
        this.hub.get<PresentOfficer[]>('/api/counters/presence'),
        this.hub.get<HubWarning[]>('/api/hub/warnings'),
      ]);
      this.update({ presence });
      this.addAlerts(warnings.map((w) => warningAlert(w, this.hubNow())));
    } catch {
      // The next reconnect or the safety refresh tries again.
    }
    this.scheduleRefresh(true);
  }

  private scheduleRefresh(withCompensations: boolean): void {
    this.compensationsStale ||= withCompensations;
    if (this.refreshTimer || this.closed) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      void this.refresh();
    }, REFRESH_MS);
  }

  private async refresh(): Promise<void> {
    const withCompensations = this.compensationsStale;
    this.compensationsStale = false;
    try {
      const at = this.hubNow();
      const [timings, counters, services, compensations] = await Promise.all([
        this.hub.get<TimingView[]>('/api/timings'),
        this.hub.get<CounterView[]>('/api/counters'),
        this.hub.get<ServiceView[]>('/api/services'),
        withCompensations
          ? this.hub.get<CompensationView[]>('/api/compensations')
          : Promise.resolve(this.view.compensations),
      ]);
      this.update({ timings, timingsAt: at, counters, services, compensations });
      // One raised while this page was offline still deserves its alert.
      this.addAlerts(
        compensations
          .filter((c) => c.resolution === null)
          .map((c) => this.compensationAlert(c.id, c.ticketId, c.kind, c.raisedAt)),
      );
      this.tick();
    } catch {
      this.compensationsStale ||= withCompensations;
    }
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
    this.addAlerts(detectAlerts(this.view.timings, this.view.timingsAt, this.hubNow(), this.seen));
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
