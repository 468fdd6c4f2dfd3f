import { hubErrorFrom, HubRequestError } from '@giliran/ui';
import type { StaffSession } from '@giliran/ui/staff-session';
import { io, type Socket } from 'socket.io-client';

/** What central says when a site's batch is stored: the page refreshes that site's row. */
export interface SiteSynced {
  readonly siteId: string;
  readonly ackedSeq: number;
  readonly events: number;
  readonly lastEventAt: string | null;
}

interface CentralEvents {
  'site:synced': (message: SiteSynced) => void;
}

/** Central's REST routes with the session's token, and its live channel (Socket.IO, same origin). */
export class CentralApi {
  readonly socket: Socket<CentralEvents>;

  constructor(readonly session: StaffSession) {
    this.socket = io(session.hubUrl, {
      auth: { token: session.token },
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 10_000,
      randomizationFactor: 0.5,
    });
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  /** A regional admin's decision (a visit scheduled): the body as JSON, the answer or the coded refusal. */
  post<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.session.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(new URL(path, this.session.hubUrl), {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new HubRequestError('NETWORK', 0, null);
    }
    if (!response.ok) throw await hubErrorFrom(response);
    return (await response.json().catch(() => null)) as T;
  }

  close(): void {
    this.socket.close();
  }
}

/**
 * Runs `load` now, and again after it for any calls made meanwhile, never two at once: a hundred sites pushing
 * every second cost one refresh at a time, and the newest change is always shown within one refresh.
 */
export function coalesced(load: () => Promise<void>): () => void {
  let running = false;
  let asked = 0;
  const run = async () => {
    running = true;
    let served: number;
    do {
      served = asked;
      await load().catch(() => undefined);
    } while (served !== asked);
    running = false;
  };
  return () => {
    asked += 1;
    if (!running) void run();
  };
}
