import { HubClient, HubRequestError, type ConnectionState } from '@giliran/ui';
import { applyEvent, EMPTY_DESK, fromSnapshot, type DeskState } from './desk-state.ts';
import type { Session } from './session.ts';
import type {
  Ack,
  Broadcast,
  CounterFigures,
  CounterView,
  LogAdvanced,
  ServiceView,
  SiteView,
  PresentOfficer,
  Snapshot,
  TicketView,
} from './wire.ts';

export interface DeskView {
  readonly connection: ConnectionState;
  /** The hub no longer accepts the session (expired, signed out elsewhere): back to sign-in. */
  readonly sessionEnded: boolean;
  /** True once the first snapshot after the latest (re)connect has been applied. */
  readonly synced: boolean;
  readonly site: SiteView | null;
  readonly services: readonly ServiceView[];
  readonly counters: readonly CounterView[];
  readonly desk: DeskState;
  /** The ticket at this desk as the hub reports it, with its SOP timeline. */
  readonly active: TicketView | null;
  readonly figures: CounterFigures | null;
  /** Counters where an officer is signed in and connected now: only those are "ready". */
  readonly staffed: ReadonlySet<string>;
  /** Hub clock minus this PC's clock: timers run on the hub's time even when the PC's clock is off. */
  readonly clockOffsetMs: number;
}

const SNAPSHOT_TIMEOUT_MS = 10_000;
const RETRY_MS = 3000;

/**
 * Everything the desk knows, kept from the hub: the snapshot after every (re)connect, the broadcasts in
 * between (a gap in their ids forces a fresh snapshot), and the desk's own ticket and figures by REST.
 */
export class DeskFeed {
  readonly hub: HubClient;
  private view: DeskView = {
    connection: 'connecting',
    sessionEnded: false,
    synced: false,
    site: null,
    services: [],
    counters: [],
    desk: EMPTY_DESK,
    active: null,
    figures: null,
    staffed: new Set(),
    clockOffsetMs: 0,
  };
  private readonly listeners = new Set<(view: DeskView) => void>();
  private readonly onlineWaiters = new Set<() => void>();
  private closed = false;
  private activeRequest = 0;

  constructor(private readonly session: Session) {
    this.hub = new HubClient({
      hubUrl: session.hubUrl,
      token: session.token,
      onConnection: (connection) => {
        this.update({ connection, ...(connection === 'online' ? {} : { synced: false }) });
      },
      onResync: () => {
        this.resync();
      },
    });
    this.hub.socket.on('connect_error', (error) => {
      if (error.message === 'UNAUTHENTICATED') this.update({ sessionEnded: true });
    });
    this.hub.socket.on('counter:presence', ({ counterId, officer }) => {
      const staffed = new Set(this.view.staffed);
      if (officer) staffed.add(counterId);
      else staffed.delete(counterId);
      this.update({ staffed });
    });
    this.hub.socket.onAny((name: string, payload: unknown) => {
      if (isBroadcast(payload)) this.receive(payload);
      // The MOD may have changed which services this counter serves, or their names and hours.
      else if (name === 'settings:changed') void this.loadLists();
    });
  }

  get current(): DeskView {
    return this.view;
  }

  subscribe(listener: (view: DeskView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  hubNow(): number {
    return Date.now() + this.view.clockOffsetMs;
  }

  /** Resolves once the desk is back online and resynced; rejects after `timeoutMs`. */
  whenOnline(timeoutMs = 30_000): Promise<void> {
    if (this.view.synced) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.onlineWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(() => {
        this.onlineWaiters.delete(done);
        reject(new HubRequestError('NETWORK', 0, null));
      }, timeoutMs);
      this.onlineWaiters.add(done);
    });
  }

  close(): void {
    this.closed = true;
    this.hub.close();
  }

  private receive(event: Broadcast | LogAdvanced): void {
    const result = applyEvent(this.view.desk, event);
    if (result.kind === 'stale') return;
    if (result.kind === 'resync') {
      this.resync();
      return;
    }
    this.update({ desk: result.state });
    const mine = 'counterId' in event && event.counterId === this.session.counterId;
    const activeId = result.state.counters.get(this.session.counterId)?.activeTicketId ?? null;
    if (mine || ('ticketId' in event && event.ticketId === this.view.active?.id))
      void this.refreshActive(activeId);
    if (mine && (event.type === 'ticket:finished' || event.type === 'ticket:no-show'))
      void this.refreshFigures();
  }

  /** After each (re)connect: reload the lists and rebuild the desk from a snapshot, so nothing missed stays missed. */
  private resync(): void {
    if (this.closed) return;
    this.update({ synced: false });
    const lists = this.loadLists();
    this.hub.socket
      .timeout(SNAPSHOT_TIMEOUT_MS)
      .emitWithAck('sync:snapshot', {})
      .then(
        async (ack: Ack<Snapshot>) => {
          await lists;
          if (!ack.ok) {
            if (ack.error.code === 'UNAUTHENTICATED') this.update({ sessionEnded: true });
            return;
          }
          this.applySnapshot(ack.data);
        },
        () => {
          setTimeout(() => {
            if (!this.closed && this.hub.socket.connected) this.resync();
          }, RETRY_MS);
        },
      );
  }

  private applySnapshot(snapshot: Snapshot): void {
    const desk = fromSnapshot(snapshot);
    const activeId = desk.counters.get(this.session.counterId)?.activeTicketId ?? null;
    const active = activeId === null ? null : (snapshot.tickets.find((t) => t.id === activeId) ?? null);
    this.update({ desk, active, synced: true, clockOffsetMs: Date.parse(snapshot.now) - Date.now() });
    for (const done of [...this.onlineWaiters]) done();
    void this.refreshFigures();
  }

  private async loadLists(): Promise<void> {
    try {
      const [site, services, counters, presence] = await Promise.all([
        this.view.site ? Promise.resolve(this.view.site) : this.hub.get<SiteView>('/api/site'),
        this.hub.get<ServiceView[]>('/api/services'),
        this.hub.get<CounterView[]>('/api/counters'),
        this.hub.get<PresentOfficer[]>('/api/counters/presence'),
      ]);
      this.update({ site, services, counters, staffed: new Set(presence.map((p) => p.counterId)) });
    } catch (error) {
      this.noteFailure(error);
    }
  }

  private async refreshActive(ticketId: string | null): Promise<void> {
    const request = ++this.activeRequest;
    if (ticketId === null) {
      this.update({ active: null });
      return;
    }
    try {
      const ticket = await this.hub.get<TicketView>(`/api/tickets/${encodeURIComponent(ticketId)}`);
      // A later event may have asked for a newer picture meanwhile: the latest request wins.
      if (request === this.activeRequest) this.update({ active: ticket });
    } catch (error) {
      this.noteFailure(error);
    }
  }

  private async refreshFigures(): Promise<void> {
    try {
      const figures = await this.hub.get<CounterFigures>(
        `/api/counters/${encodeURIComponent(this.session.counterId)}/figures`,
      );
      this.update({ figures });
    } catch (error) {
      this.noteFailure(error);
    }
  }

  private noteFailure(error: unknown): void {
    if (error instanceof HubRequestError && error.status === 401) this.update({ sessionEnded: true });
  }

  private update(change: Partial<DeskView>): void {
    this.view = { ...this.view, ...change };
    for (const listener of this.listeners) listener(this.view);
  }
}

function isBroadcast(payload: unknown): payload is Broadcast | LogAdvanced {
  return (
    typeof payload === 'object' &&
    payload !== null &&
    typeof (payload as { eventId?: unknown }).eventId === 'number' &&
    typeof (payload as { type?: unknown }).type === 'string'
  );
}
