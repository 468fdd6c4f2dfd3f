// What several benches share: percentile summaries, the built pages they load, and Socket.IO clients.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@giliran/protocol';
import { io as connect, type Socket } from 'socket.io-client';
import { percentile, progress } from './run-all.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface Summary {
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly n: number;
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    n: sorted.length,
  };
}

/** The hub serves the built pages: build them once when `page` is missing (the build's output goes to stderr). */
export function ensureWebBuild(page: string): void {
  if (existsSync(page)) return;
  progress('dist/web is missing: running `npm run build:web`');
  const build = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: ['ignore', 2, 'inherit'] });
  if (build.status !== 0 || !existsSync(page)) {
    throw new Error(`npm run build:web failed (exit ${String(build.status)})`);
  }
}

export function connectClient(url: string, token: string): Promise<HubSocket> {
  const socket: HubSocket = connect(url, { auth: { token }, transports: ['websocket'], reconnection: false });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.disconnect();
      reject(new Error('socket connect timed out'));
    }, 10_000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A counter command's answer, as the counter app gets it over its socket; throws on a refusal or no ack in time. */
export async function answer<T>(name: string, acked: Promise<Ack<T>>, timeoutMs = 5000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`${name}: no ack in ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    const ack = await Promise.race([acked, timeout]);
    if (!ack.ok) throw new Error(`${name}: ${JSON.stringify(ack.error)}`);
    return ack.data;
  } finally {
    clearTimeout(timer);
  }
}
