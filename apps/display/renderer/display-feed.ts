import { HubClient, HubRequestError, type ConnectionState } from '@giliran/ui';
import { Announcer } from './announcer.ts';
import { BrowserClipPlayer, type LoadedClip } from './audio-player.ts';
import type { DisplayConfig } from './display-config.ts';
import { displayReducer, INITIAL_STATE, type DisplayAction, type DisplayState } from './display-state.ts';
import type { Ack, CounterView, ServiceView, SiteView, Snapshot, TicketView } from './wire.ts';
import { callInZone } from './zone.ts';
import { displayBridge, ShellClipPlayer } from './shell-clip-player.ts';

export interface FeedView {
  readonly connection: ConnectionState;
  /** The hub refused the token: the TV needs a technician, not a retry. */
  readonly unauthorized: boolean;
  readonly site: SiteView | null;
  readonly services: readonly ServiceView[];
  readonly counters: readonly CounterView[];
  readonly runningText: string;
  readonly board: DisplayState;
  /** The browser refused to play sound without a touch first (autoplay policy). */
  readonly soundBlocked: boolean;
}

interface TicketInfo {
  readonly number: string;
  readonly serviceId: string;
  readonly booked: boolean;
}

const RELOAD_THROTTLE_MS = 1000;
const SNAPSHOT_TIMEOUT_MS = 10_000;
const SNAPSHOT_RETRY_MS = 3000;

/**
 * Everything the TV knows, kept from the hub: REST for the site, services and counters, the snapshot after
 * every (re)connect and the broadcasts in between. Broadcasts and snapshots are handled one at a time in
 * arrival order, so the screen's state is the hub's log applied in order; only live calls are announced.
 */
export class DisplayFeed {
  private view: FeedView = {
    connection: 'connecting',
    unauthorized: false,
    site: null,
    services: [],
    counters: [],
    runningText: '',
    board: INITIAL_STATE,
    soundBlocked: false,
  };
  private readonly listeners = new Set<(view: FeedView) => void>();
  private readonly tickets = new Map<string, TicketInfo>();
  private readonly hub: HubClient;
  private readonly announcer: Announcer<LoadedClip>;
  private chain: Promise<void> = Promise.resolve();
  private reloadTimer: ReturnType<typeof setTimeout> | null = null;
  private lastReload = 0;
  private closed = false;

  constructor(private readonly config: DisplayConfig) {
    const hubPlayer = new BrowserClipPlayer(config.hubUrl, config.token);
    const bridge = displayBridge();
    const player = bridge ? new ShellClipPlayer(hubPlayer, bridge, config.hubUrl, config.token) : hubPlayer;
    this.announcer = new Announcer(player, {
      english: () => this.view.site?.display.announcement.english ?? false,
      onSkip: (clip, error) => {
        if (error instanceof DOMException && error.name === 'NotAllowedError')
          this.update({ soundBlocked: true });
        console.warn(`announcement ${clip.kind} skipped`, error);
      },
    });
    this.hub = new HubClient({
      hubUrl: config.hubUrl,
      token: config.token,
      onConnection: (connection) => {
        this.update({ connection });
      },
      onResync: () => {
        this.resync();
      },
    });
    this.listen();
  }

  get current(): FeedView {
    return this.view;
  }

  subscribe(listener: (view: FeedView) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** A touch on the screen lets the browser play sound again. */
  unlockSound(): void {
    if (this.view.soundBlocked) this.update({ soundBlocked: false });
  }

  close(): void {
    this.closed = true;
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.announcer.clear();
    this.hub.close();
  }

  private listen(): void {
    const socket = this.hub.socket;
    socket.on('ticket:issued', (e) => {
      this.run(() => {
        if (this.view.board.serviceDay !== null && e.serviceDay !== this.view.board.serviceDay)
          this.tickets.clear();
        this.tickets.set(e.ticketId, {
          number: e.number,
          serviceId: e.serviceId,
          booked: e.booking !== undefined,
        });
        this.apply({ type: 'issued', eventId: e.eventId, serviceDay: e.serviceDay });
      });
    });
    socket.on('ticket:called', (e) => {
      this.run(() => this.call('called', e));
    });
    socket.on('ticket:recalled', (e) => {
      this.run(() => this.call('recalled', e));
    });
    socket.on('ticket:transferred', (e) => {
      this.run(() => {
        const known = this.tickets.get(e.ticketId);
        if (known) this.tickets.set(e.ticketId, { ...known, serviceId: e.toServiceId });
        this.apply({ type: 'outcome', eventId: e.eventId, ticketId: e.ticketId, outcome: 'transferred' });
      });
    });
    const outcomes = [
      ['ticket:step-started', 'serving'],
      ['ticket:finished', 'done'],
      ['ticket:no-show', 'no_show'],
      ['ticket:cancelled', 'cancelled'],
    ] as const;
    for (const [event, outcome] of outcomes) {
      socket.on(event, (e: { eventId: number; ticketId: string }) => {
        this.run(() => {
          this.apply({ type: 'outcome', eventId: e.eventId, ticketId: e.ticketId, outcome });
        });
      });
    }
    // A paused counter shows as paused at once; the snapshot after a reconnect brings the rest.
    socket.on('counter:paused', (e) => {
      this.patchCounter(e.counterId, { pausedReason: e.reason, pausedSince: e.at });
    });
    socket.on('counter:resumed', (e) => {
      this.patchCounter(e.counterId, { pausedReason: null, pausedSince: null });
    });
    socket.on('display:running-text', ({ text }) => {
      this.update({ runningText: text });
    });
    socket.onAny((event: string) => {
      // Queue events change the waiting counts; a settings change may rename services or change their hours.
      if (event.startsWith('ticket:') || event.startsWith('counter:') || event === 'settings:changed')
        this.reloadServicesSoon();
    });
  }

  private async call(
    type: 'called' | 'recalled',
    e: { ticketId: string; counterId: string; at: string; eventId: number },
  ): Promise<void> {
    if (e.eventId <= this.view.board.lastEventId) return;
    const info = await this.ticketInfo(e.ticketId);
    if (!info) return;
    const before = this.view.board;
    this.apply({ type, eventId: e.eventId, ticketId: e.ticketId, counterId: e.counterId, at: e.at, ...info });
    if (this.view.board === before) return;
    if (
      callInZone(this.config.zone, { counterId: e.counterId, serviceId: info.serviceId }, this.view.services)
    )
      this.announcer.enqueue({ ticketId: e.ticketId, counterId: e.counterId });
  }

  private async ticketInfo(ticketId: string): Promise<TicketInfo | undefined> {
    const known = this.tickets.get(ticketId);
    if (known) return known;
    try {
      const ticket = await this.hub.get<TicketView>(`/api/tickets/${encodeURIComponent(ticketId)}`);
      const info = { number: ticket.number, serviceId: ticket.serviceId, booked: ticket.booked === true };
      this.tickets.set(ticketId, info);
      return info;
    } catch {
      return undefined;
    }
  }

  /** After each (re)connect: reload what the screen shows and rebuild the calls from the hub's snapshot. */
  private resync(): void {
    const rest = this.reload();
    this.hub.socket
      .timeout(SNAPSHOT_TIMEOUT_MS)
      .emitWithAck('sync:snapshot', {})
      .then(
        (ack: Ack<Snapshot>) => {
          this.run(async () => {
            await rest;
            if (ack.ok) this.applySnapshot(ack.data);
          });
        },
        () => {
          setTimeout(() => {
            if (!this.closed && this.hub.socket.connected) this.resync();
          }, SNAPSHOT_RETRY_MS);
        },
      );
  }

  private applySnapshot(snapshot: Snapshot): void {
    this.tickets.clear();
    for (const t of snapshot.tickets)
      this.tickets.set(t.id, { number: t.number, serviceId: t.serviceId, booked: t.booked === true });
    this.update({ counters: snapshot.counters });
    this.apply({
      type: 'snapshot',
      lastEventId: snapshot.lastEventId,
      serviceDay: snapshot.serviceDay,
      calls: snapshot.calls,
    });
  }

  private patchCounter(counterId: string, change: Pick<CounterView, 'pausedReason' | 'pausedSince'>): void {
    this.update({ counters: this.view.counters.map((c) => (c.id === counterId ? { ...c, ...change } : c)) });
  }

  private async reload(): Promise<void> {
    const site = this.hub.get<SiteView>('/api/site').then((s) => {
      this.update({ site: s, runningText: s.display.runningText, unauthorized: false });
    });
    const counters = this.hub.get<CounterView[]>('/api/counters').then((list) => {
      this.update({ counters: list });
    });
    const results = await Promise.allSettled([site, counters, this.reloadServices()]);
    for (const result of results) {
      if (
        result.status === 'rejected' &&
        result.reason instanceof HubRequestError &&
        (result.reason.status === 401 || result.reason.status === 403)
      )
        this.update({ unauthorized: true });
    }
  }

  private async reloadServices(): Promise<void> {
    this.lastReload = Date.now();
    const services = await this.hub.get<ServiceView[]>('/api/services');
    this.update({ services });
  }

  /** Waiting counts follow the queue at most about once a second, however busy the hall is. */
  private reloadServicesSoon(): void {
    if (this.reloadTimer) return;
    const wait = Math.max(0, this.lastReload + RELOAD_THROTTLE_MS - Date.now());
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = null;
      this.reloadServices().catch(() => undefined);
    }, wait);
  }

  private run(task: () => void | Promise<void>): void {
    this.chain = this.chain.then(task).catch((error: unknown) => {
      console.error('display update failed', error);
    });
  }

  private apply(action: DisplayAction): void {
    const board = displayReducer(this.view.board, action);
    if (board !== this.view.board) this.update({ board });
  }

  private update(partial: Partial<FeedView>): void {
    if (this.closed) return;
    this.view = { ...this.view, ...partial };
    for (const listener of this.listeners) listener(this.view);
  }
}
