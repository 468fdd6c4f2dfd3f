import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClientToServerEvents, ServerToClientEvents } from '@giliran/protocol';
import { pino } from 'pino';
import type { z } from 'zod';
import { io as connect, type Socket } from 'socket.io-client';
import {
  createHub,
  loadSiteConfig,
  type Clock,
  type Hub,
  type HubOptions,
  type SiteConfig,
} from '../../apps/hub/src/index.ts';

export const DEMO_SITE_PATH = fileURLToPath(new URL('../../assets/demo-site/site.json', import.meta.url));
export const KIOSK_TOKEN = 'demo-kiosk';
export const DISPLAY_TOKEN = 'demo-display';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestHub {
  readonly hub: Hub;
  readonly dataDir: string;
  /** With `schema`, a 2xx body is also checked against the wire contract. */
  api<T = unknown>(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string>; schema?: z.ZodType<T> },
  ): Promise<{ status: number; body: T; headers: Headers }>;
  login(username: string, pin?: string): Promise<string>;
  socket(token: string): Promise<ClientSocket>;
  stop(): Promise<void>;
}

/**
 * The demo site, with the kiosk and sign-in rate limits lifted and the complaint form's proof of work off, so
 * load-driving tests can issue, sign in and file freely (their own tests set them).
 */
export function demoSite(overrides: Partial<SiteConfig> = {}): SiteConfig {
  return {
    ...loadSiteConfig(DEMO_SITE_PATH),
    kioskMaxTicketsPerMinute: 10_000,
    loginsPerMinutePerAddress: 10_000,
    complaintProofOfWorkBits: 0,
    ...overrides,
  };
}

/**
 * The demo site with its services timed by the site's SOP step table alone, as before services stated their own
 * totals (only izin-keramaian keeps its 15 minutes): for tests whose figures are worked out from the table's minutes.
 */
export function sopTableSite(overrides: Partial<SiteConfig> = {}): SiteConfig {
  const site = demoSite(overrides);
  for (const service of site.services) if (service.id !== 'izin-keramaian') delete service.standardMinutes;
  return site;
}

/** A real hub on port 0 with a fresh SQLite file in a temporary folder. */
export async function startTestHub(
  options: {
    clock?: Clock;
    site?: SiteConfig;
    dataDir?: string;
    port?: number;
    logger?: pino.Logger;
    speechPlatform?: NodeJS.Platform;
    centralTiming?: HubOptions['centralTiming'];
    /** Anything else the hub takes (bind address, public address, network interfaces). */
    hub?: Partial<
      Pick<HubOptions, 'host' | 'publicUrl' | 'networkInterfaces' | 'messageChannels' | 'exports'>
    >;
  } = {},
): Promise<TestHub> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'giliran-test-'));
  const hub = await createHub({
    dataDir,
    site: options.site ?? demoSite(),
    port: options.port ?? 0,
    logger: options.logger ?? pino({ level: 'silent' }),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.speechPlatform ? { speechPlatform: options.speechPlatform } : {}),
    ...(options.centralTiming ? { centralTiming: options.centralTiming } : {}),
    ...options.hub,
  });
  const sockets: ClientSocket[] = [];

  const api: TestHub['api'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${hub.url}/api${path}`, {
      method,
      headers,
      ...(opts.body !== undefined
        ? { body: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) }
        : {}),
    });
    const text = await response.text();
    const body: unknown = text ? JSON.parse(text) : null;
    if (opts.schema && response.ok) opts.schema.parse(body);
    return { status: response.status, body: body as never, headers: response.headers };
  };

  return {
    hub,
    dataDir,
    api,
    async login(username, pin = '1234') {
      const res = await api<{ token: string }>('POST', '/auth/login', { body: { username, pin } });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status}`);
      return res.body.token;
    },
    async socket(token) {
      const socket: ClientSocket = connect(hub.url, {
        auth: { token },
        transports: ['websocket'],
        reconnection: false,
      });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => {
          resolve();
        });
        socket.once('connect_error', reject);
      });
      return socket;
    },
    async stop() {
      for (const s of sockets) s.disconnect();
      await hub.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves with the next `count` payloads of a broadcast on this socket. */
export function collect<T>(
  socket: ClientSocket,
  event: string,
  count: number,
  timeoutMs = 5000,
): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const got: T[] = [];
    const timer = setTimeout(() => {
      reject(new Error(`timed out waiting for ${count} × ${event}, got ${got.length}`));
    }, timeoutMs);
    const listener = (payload: T) => {
      got.push(payload);
      if (got.length === count) {
        clearTimeout(timer);
        (socket as unknown as { off(e: string, l: (p: T) => void): void }).off(event, listener);
        resolve(got);
      }
    };
    (socket as unknown as { on(e: string, l: (p: T) => void): void }).on(event, listener);
  });
}

/** Emits a command and resolves with its ack. */
export function command<T = unknown>(socket: ClientSocket, event: string, payload: unknown): Promise<T> {
  return (socket as unknown as { emitWithAck(e: string, p: unknown): Promise<T> }).emitWithAck(
    event,
    payload,
  );
}
