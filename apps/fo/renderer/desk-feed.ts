import type { ConnectionState, HubClient } from '@giliran/ui';
import type { Ack, CounterView, ServiceView, Snapshot, TicketView } from './wire.ts';

export interface DeskView {
  readonly connection: ConnectionState;
  readonly tickets: readonly TicketView[];
  readonly counters: readonly CounterView[];
  readonly services: readonly ServiceView[];
}

const REFRESH_MS = 300;

/**
 * The whole day as the front office needs it: every ticket of the day from the hub's snapshot, reloaded (at most
 * every 300 ms) after any queue event, so what the desk shows is the hub's state and never a guess.
 */
export class DeskFeed {
  private view: DeskView = { connection: 'connecting', tickets: [], counters: [], services: [] };
  private readonly listeners = new Set<(view: DeskView) => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly hub: HubClient) {
    const socket = hub.socket;
    const onConnect = () => {
      this.update({ connection: 'online' });
      this.schedule();
    };
    socket.on('connect', onConnect);
    socket.on('disconnect', () => {
      this.update({ connection: 'offline' });
    });
    if (socket.connected) onConnect();
    socket.onAny((name: string) => {
      if (name.startsWith('ticket:') || name.startsWith('counter:')) this.schedule();
    });
  }

  get current(): DeskView {
    return this.view;
  }

  subscribe(listener: (view: DeskView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reload now (after this desk's own action), not on the next event. */
  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.reload();
    }, REFRESH_MS);
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  private async reload(): Promise<void> {
    const socket = this.hub.socket.timeout(10_000) as unknown as {
      emitWithAck(event: 'sync:snapshot', payload: object): Promise<Ack<Snapshot>>;
    };
    try {
      const [ack, services] = await Promise.all([
        socket.emitWithAck('sync:snapshot', {}),
        this.hub.get<ServiceView[]>('/api/services'),
      ]);
      if (ack.ok) this.update({ tickets: ack.data.tickets, counters: ack.data.counters, services });
    } catch {
      // The next event or reconnect reloads.
    }
  }

  private update(change: Partial<DeskView>): void {
    this.view = { ...this.view, ...change };
    for (const listener of this.listeners) listener(this.view);
  }
}
