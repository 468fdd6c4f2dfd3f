// Parent side of load-hub-child.ts: starts the hub process, moves its clock and samples its memory over IPC.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SiteConfig } from '../../apps/hub/src/index.ts';

export interface MemorySample {
  /** Resident set size as the process ran, before any forced collection. */
  readonly rss: number;
  /** After a full collection when one was asked for. */
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
}

export type ChildRequest =
  | { readonly kind: 'advance'; readonly id: number; readonly to: number }
  | { readonly kind: 'memory'; readonly id: number; readonly gc: boolean }
  | { readonly kind: 'stop'; readonly id: number };

export type ChildReply =
  | { readonly kind: 'ready'; readonly url: string }
  | { readonly kind: 'done'; readonly id: number; readonly now: number }
  | { readonly kind: 'memory'; readonly id: number; readonly sample: MemorySample }
  | { readonly kind: 'error'; readonly id: number; readonly message: string };

export interface LoadHub {
  readonly url: string;
  readonly pid: number;
  /** Its data folder (`giliran.sqlite` inside), removed by `stop`. */
  readonly dataDir: string;
  /** Moves the hub's clock to `at` (epoch ms); resolves once every timer due by then has fired and settled. */
  advanceTo(at: number): Promise<void>;
  memory(gc?: boolean): Promise<MemorySample>;
  stop(): Promise<void>;
}

const CHILD = fileURLToPath(new URL('./load-hub-child.ts', import.meta.url));
const START_TIMEOUT_MS = 30_000;
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * `entry` is the child to run: the hub by default; a bench's baseline server may stand in if it speaks the same
 * IPC (ready, advance, memory, stop).
 */
export async function startLoadHub(site: SiteConfig, start: number, entry = CHILD): Promise<LoadHub> {
  const dataDir = mkdtempSync(join(tmpdir(), 'giliran-load-'));
  const siteFile = join(dataDir, 'site.json');
  writeFileSync(siteFile, JSON.stringify(site));
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', entry], {
    env: { ...process.env, LOAD_DATA_DIR: dataDir, LOAD_SITE_FILE: siteFile, LOAD_START: String(start) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  const waiting = new Map<number, (reply: ChildReply) => void>();
  let nextId = 1;
  let alive = true;
  void exited.then(() => {
    alive = false;
    for (const settle of waiting.values())
      settle({ kind: 'error', id: 0, message: 'the load hub process exited' });
    waiting.clear();
  });

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the load hub did not start within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error('the load hub exited before it was ready'));
    });
    child.on('message', (reply: ChildReply) => {
      if (reply.kind === 'ready') {
        clearTimeout(timer);
        resolve(reply.url);
        return;
      }
      waiting.get(reply.id)?.(reply);
      waiting.delete(reply.id);
    });
  });

  const ask = (request: ChildRequest): Promise<ChildReply> =>
    new Promise((resolve, reject) => {
      if (!alive) {
        reject(new Error('the load hub process is not running'));
        return;
      }
      const timer = setTimeout(() => {
        waiting.delete(request.id);
        reject(new Error(`the load hub did not answer ${request.kind} within ${REQUEST_TIMEOUT_MS} ms`));
      }, REQUEST_TIMEOUT_MS);
      waiting.set(request.id, (reply) => {
        clearTimeout(timer);
        if (reply.kind === 'error') reject(new Error(`load hub: ${reply.message}`));
        else resolve(reply);
      });
      child.send(request);
    });

  return {
    url,
    pid: child.pid ?? 0,
    dataDir,
    async advanceTo(at) {
      await ask({ kind: 'advance', id: nextId++, to: at });
    },
    async memory(gc = false) {
      const reply = await ask({ kind: 'memory', id: nextId++, gc });
      if (reply.kind !== 'memory') throw new Error(`load hub: expected a memory sample, got ${reply.kind}`);
      return reply.sample;
    },
    async stop() {
      try {
        if (alive) await ask({ kind: 'stop', id: nextId++ });
      } finally {
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}
