import type { Ack, Broadcast, Snapshot } from '@giliran/protocol';
import {
  applyEvent,
  EMPTY_DESK,
  fromSnapshot,
  type DeskState,
} from '../../apps/counter/renderer/desk-state.ts';
import { HubClient } from '../../packages/ui/src/hub-client.ts';
import { waitUntil } from './faults-util.ts';

const SNAPSHOT_TIMEOUT_MS = 5000;
const SNAPSHOT_RETRY_MS = 200;

function isBroadcast(payload: unknown): payload is Broadcast {
  return (
    typeof payload === 'object' &&
    payload !== null &&
    typeof (payload as { eventId?: unknown }).eventId === 'number' &&
    typeof (payload as { type?: unknown }).type === 'string'
  );
}

/**
 * A screen as the pages build one: the shared HubClient (its own reconnection with backoff and jitter) feeding
 * the counter page's desk reducer, which takes a snapshot after every (re)connect and whenever a broadcast is
 * missing. Nothing here reconnects or resyncs on a test's behalf: what it shows after a fault is what a real
 * screen would show.
 */
export class SyncedClient {
  readonly hub: HubClient;
  desk: DeskState = EMPTY_DESK;
  /** A snapshot was applied since the last (re)connect. */
  synced = false;
  /** `performance.now()` of every successful connect, the first included. */
  readonly connectedAt: number[] = [];
  /** `performance.now()` of every snapshot applied. */
  readonly syncedAt: number[] = [];
  broadcasts = 0;
  /** Refusals a screen would show as an error: a test expects none. */
  readonly errors: string[] = [];
  private closed = false;

  constructor(
    readonly label: string,
    hubUrl: string,
    token: string,
  ) {
    this.hub = new HubClient({
      hubUrl,
      token,
      onConnection: (state) => {
        if (state === 'online') this.connectedAt.push(performance.now());
        else this.synced = false;
      },
      onResync: () => {
        this.resync();
      },
    });
    this.hub.socket.onAny((_name: string, payload: unknown) => {
      if (isBroadcast(payload)) this.receive(payload);
    });
  }

  get online(): boolean {
    return this.hub.socket.connected;
  }

  /** Resolves once the screen is online and resynced: what the counter page waits for before retrying. */
  whenSynced(timeoutMs = 30_000): Promise<void> {
    return waitUntil(
      () => this.synced,
      timeoutMs,
      () => `${this.label} never resynced`,
    );
  }

  close(): void {
    this.closed = true;
    this.hub.close();
  }

  private receive(event: Broadcast): void {
    this.broadcasts++;
    const result = applyEvent(this.desk, event);
    if (result.kind === 'applied') this.desk = result.state;
    else if (result.kind === 'resync') this.resync();
  }

  private resync(): void {
    if (this.closed) return;
    this.hub.socket
      .timeout(SNAPSHOT_TIMEOUT_MS)
      .emitWithAck('sync:snapshot', {})
      .then(
        (ack: Ack<Snapshot>) => {
          if (!ack.ok) {
            this.errors.push(`snapshot refused: ${ack.error.code}`);
            return;
          }
          this.desk = fromSnapshot(ack.data);
          this.synced = true;
          this.syncedAt.push(performance.now());
        },
        () => {
          setTimeout(() => {
            if (!this.closed && this.hub.socket.connected) this.resync();
          }, SNAPSHOT_RETRY_MS);
        },
      );
  }
}
