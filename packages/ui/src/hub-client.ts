import type {
  Ack,
  ApiErrorBody,
  ClientToServerEvents,
  CommandName,
  CommandPayload,
  CommandResults,
  ServerToClientEvents,
} from '@giliran/protocol';
import { io, type Socket } from 'socket.io-client';

export type ConnectionState = 'connecting' | 'online' | 'offline';

/** A failed request: the hub's coded bilingual error, or NETWORK when the hub could not be reached at all. */
export class HubRequestError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly body: ApiErrorBody | null,
    /** A 429's Retry-After in seconds (a locked-out sign-in, a busy export); null when the answer gave none. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(code);
    this.name = 'HubRequestError';
  }
}

/**
 * Retry-After in whole seconds, rounded up: a number of seconds, or an HTTP date counted from `now`; null when the
 * header is absent, unreadable or already past.
 */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds > 0 ? Math.ceil(seconds) : null;
  const at = Date.parse(header);
  return Number.isFinite(at) && at > now ? Math.ceil((at - now) / 1000) : null;
}

/**
 * A refused answer as the hub's coded error with its Retry-After: the one reading of a refusal for every page's
 * requests and downloads (hub and central answer alike). A body that is not the coded JSON leaves the code HTTP.
 */
export async function hubErrorFrom(response: Response): Promise<HubRequestError> {
  const parsed = (await response.json().catch(() => null)) as unknown;
  const body =
    typeof parsed === 'object' && parsed !== null && 'error' in parsed ? (parsed as ApiErrorBody) : null;
  return new HubRequestError(
    body?.error.code ?? 'HTTP',
    response.status,
    body,
    retryAfterSeconds(response.headers.get('retry-after')),
  );
}

export interface HubClientOptions {
  readonly hubUrl: string;
  readonly token: string;
  /** Called on every connection change; the page shows its offline screen from this. */
  readonly onConnection?: (state: ConnectionState) => void;
  /** Called after each (re)connect: the page reloads what it shows, so nothing missed while offline stays missing. */
  readonly onResync?: () => void;
}

/**
 * The screens' one way to the hub: REST for reads, Socket.IO for commands and live events.
 * Reconnection backs off exponentially with jitter so a restarted hub is not hit by every screen at once.
 */
export class HubClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;

  constructor(private readonly options: HubClientOptions) {
    this.socket = io(options.hubUrl, {
      auth: { token: options.token },
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 10_000,
      randomizationFactor: 0.5,
    });
    options.onConnection?.('connecting');
    this.socket.on('connect', () => {
      options.onConnection?.('online');
      options.onResync?.();
    });
    this.socket.on('disconnect', () => options.onConnection?.('offline'));
    this.socket.on('connect_error', () => options.onConnection?.('offline'));
  }

  async get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  async post<T>(path: string, body?: unknown, idempotencyKey?: string): Promise<T> {
    return this.request<T>('POST', path, body, idempotencyKey);
  }

  /** Replaces a setting or an account's fields (the MOD page's settings). */
  async put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  private async request<T>(
    method: string,
    path: string,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.options.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    let response: Response;
    try {
      response = await fetch(new URL(path, this.options.hubUrl), {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      throw new HubRequestError('NETWORK', 0, null);
    }
    if (!response.ok) throw await hubErrorFrom(response);
    const text = await response.text();
    return (text ? JSON.parse(text) : null) as T;
  }

  /** Sends a command over the socket and resolves with its data, or rejects with the hub's error. */
  async command<K extends CommandName>(
    name: K,
    payload: CommandPayload<K>,
    timeoutMs = 8000,
  ): Promise<CommandResults[K]> {
    if (!this.socket.connected) throw new HubRequestError('NETWORK', 0, null);
    // The typed emitWithAck cannot take a union of event names; CommandResults holds the contract instead.
    const socket = this.socket.timeout(timeoutMs) as unknown as {
      emitWithAck(event: string, payload: unknown): Promise<Ack<CommandResults[K]>>;
    };
    let ack: Ack<CommandResults[K]>;
    try {
      ack = await socket.emitWithAck(name, payload);
    } catch {
      throw new HubRequestError('NETWORK', 0, null);
    }
    if (!ack.ok) throw new HubRequestError(ack.error.code, 0, { error: ack.error });
    return ack.data;
  }

  /** Resolves once the socket is connected (at once if it is); rejects as NETWORK after `timeoutMs`. */
  whenConnected(timeoutMs = 30_000): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onConnect = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.socket.off('connect', onConnect);
        reject(new HubRequestError('NETWORK', 0, null));
      }, timeoutMs);
      this.socket.once('connect', onConnect);
    });
  }

  close(): void {
    this.socket.close();
  }
}
