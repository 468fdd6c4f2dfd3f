import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HUB_MAIN = fileURLToPath(new URL('../../apps/hub/src/main.ts', import.meta.url));
/** `npm run build:hub`'s output, which `npm run start:prod` runs. */
export const HUB_BUNDLE = fileURLToPath(new URL('../../dist/hub/main.js', import.meta.url));
const SPAWN_TIMEOUT_MS = 20_000;

/** The hub from its TypeScript sources through tsx (`npm start`), or the production bundle (`start:prod`). */
export type HubBuild = 'tsx' | 'bundle';

export interface HubProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** The hub's own measure of its start-up, from its "hub listening" log line. */
  readonly startupMs: number;
  readonly exited: Promise<void>;
  isAlive(): boolean;
  tail(): string;
}

/** The real hub (`apps/hub/src/main.ts`) as a child process, resolved once it logs the port it listens on. */
export function spawnHub(
  dataDir: string,
  siteFile: string,
  logLevel = 'info',
  build: HubBuild = 'tsx',
  /** Runs it as this user (the caller must be root), as a service runs it. */
  user?: { readonly uid: number; readonly gid: number },
): Promise<HubProcess> {
  const entry = build === 'tsx' ? ['--import', 'tsx', HUB_MAIN] : ['--enable-source-maps', HUB_BUNDLE];
  // Node options for the hub alone, e.g. `HUB_NODE_ARGS='--cpu-prof --cpu-prof-dir=.tmp/prof'` to profile a
  // bench's hub (NODE_OPTIONS refuses --cpu-prof, and would profile every process).
  const nodeArgs = (process.env.HUB_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
  const child = spawn(process.execPath, [...nodeArgs, ...entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SITE_CONFIG: siteFile,
      LOG_LEVEL: logLevel,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...user,
  });
  const lines: string[] = [];
  const remember = (line: string) => {
    if (line.includes('"msg":"request completed"')) return; // keep the tail for what matters
    lines.push(line);
    if (lines.length > 40) lines.shift();
  };
  let alive = true;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      alive = false;
      resolve();
    });
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const tail = () => `${lines.join('\n')}\n${stderr}`;

  return new Promise((resolve, reject) => {
    let buffer = '';
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      child.kill('SIGKILL');
      reject(new Error(`hub did not start within ${SPAWN_TIMEOUT_MS} ms\n${tail()}`));
    }, SPAWN_TIMEOUT_MS);
    void exited.then(() => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new Error(`hub exited before listening\n${tail()}`));
    });
    // Keep draining stdout for the whole life of the child: a full pipe would block its synchronous logger.
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf('\n');
        remember(line);
        if (settled) continue;
        const listening = listeningLine(line);
        if (listening === null) continue;
        const { port, startupMs } = listening;
        settled = true;
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${port}`, startupMs, exited, isAlive: () => alive, tail });
      }
    });
  });
}

function listeningLine(line: string): { port: number; startupMs: number } | null {
  try {
    const entry = JSON.parse(line) as { msg?: unknown; port?: unknown; startupMs?: unknown };
    if (entry.msg !== 'hub listening' || typeof entry.port !== 'number') return null;
    return {
      port: entry.port,
      startupMs: typeof entry.startupMs === 'number' ? entry.startupMs : Number.NaN,
    };
  } catch {
    return null;
  }
}
