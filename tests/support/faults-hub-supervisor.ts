import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./faults-hub-child.ts', import.meta.url));
const START_TIMEOUT_MS = 30_000;

interface Child {
  readonly process: ChildProcess;
  readonly exited: Promise<void>;
  readonly lines: string[];
  alive: boolean;
  /** Resolves with the first log line whose `msg` is this. */
  waitFor(msg: string): Promise<Record<string, unknown>>;
}

function spawnChild(env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { msg: string; resolve: (entry: Record<string, unknown>) => void }[] = [];
  const state: Child = {
    process: child,
    lines,
    alive: true,
    exited: new Promise<void>((resolve) => {
      child.once('exit', () => {
        state.alive = false;
        resolve();
      });
    }),
    waitFor: (msg) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`hub child: no "${msg}" within ${START_TIMEOUT_MS} ms\n${lines.join('\n')}`));
        }, START_TIMEOUT_MS);
        void state.exited.then(() => {
          clearTimeout(timer);
          reject(new Error(`hub child exited before "${msg}"\n${lines.join('\n')}`));
        });
        waiters.push({
          msg,
          resolve: (entry) => {
            clearTimeout(timer);
            resolve(entry);
          },
        });
      }),
  };
  let buffer = '';
  // Drain stdout for the child's whole life: a full pipe would block its synchronous logger.
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffer += chunk;
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      lines.push(line);
      if (lines.length > 40) lines.shift();
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        continue;
      }
      for (const waiter of waiters.filter((w) => w.msg === entry.msg)) waiter.resolve(entry);
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    lines.push(chunk.trimEnd());
  });
  return state;
}

/**
 * Runs the real hub as a child process on a fixed port and data folder, keeping the next one loaded on standby,
 * so that `kill()` followed by `start()` restarts it as fast as a service manager would.
 */
export class HubSupervisor {
  private current: Child | null = null;
  private readonly standbys: { child: Child; ready: Promise<unknown> }[] = [];
  /** The hub's own start-up time (open, migrate, fold today's events, listen) of each start. */
  readonly startupMs: number[] = [];

  constructor(
    private readonly env: {
      dataDir: string;
      siteFile: string;
      port: number;
      logLevel?: string;
      /** Hubs kept loaded ahead: loading takes seconds on a busy machine, a restart should not wait for it. */
      standbys?: number;
    },
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.env.port}`;
  }

  isAlive(): boolean {
    return this.current?.alive ?? false;
  }

  tail(): string {
    return this.current?.lines.join('\n') ?? '';
  }

  /** Tops the standby pool up. */
  private prepare(): void {
    while (this.standbys.length < Math.max(1, this.env.standbys ?? 2))
      this.standbys.push(this.spawnStandby());
  }

  private spawnStandby(): { child: Child; ready: Promise<unknown> } {
    const child = spawnChild({
      PORT: String(this.env.port),
      HOST: '127.0.0.1',
      DATA_DIR: this.env.dataDir,
      SITE_CONFIG: this.env.siteFile,
      // 'info' at least: the supervisor waits for the hub's "hub listening" line.
      LOG_LEVEL: this.env.logLevel ?? 'info',
    });
    // Always observe the promise: a standby never used (the test ended) must not surface as unhandled.
    const ready = child.waitFor('hub standby');
    ready.catch(() => undefined);
    return { child, ready };
  }

  /** Resolves once the next hub has loaded its modules, so a restart now is only the hub's own start-up. */
  async standbyReady(): Promise<void> {
    this.prepare();
    await this.standbys[0]?.ready;
  }

  /** Starts the standby hub on the data folder and resolves once it listens; a new standby loads behind it. */
  async start(): Promise<void> {
    if (this.current?.alive) throw new Error('a hub is still running');
    this.prepare();
    const standby = this.standbys.shift();
    if (!standby) throw new Error('no standby hub');
    await standby.ready;
    const listening = standby.child.waitFor('hub listening');
    standby.child.process.stdin?.write('start\n');
    const entry = await listening;
    this.startupMs.push(typeof entry.startupMs === 'number' ? entry.startupMs : Number.NaN);
    this.current = standby.child;
    this.prepare();
  }

  /** SIGKILL: no shutdown handler runs, nothing is flushed, like a crash or `kill -9`. */
  async kill(): Promise<void> {
    const child = this.current;
    if (!child) return;
    child.process.kill('SIGKILL');
    await child.exited;
  }

  /** Stops the running hub gracefully (SIGTERM) and the standby; resolves with the running hub's exit code. */
  async stop(): Promise<number | null> {
    for (const standby of this.standbys.splice(0)) {
      standby.child.process.kill('SIGKILL');
      await standby.child.exited;
    }
    const child = this.current;
    if (!child?.alive) return child?.process.exitCode ?? null;
    child.process.kill('SIGTERM');
    await child.exited;
    return child.process.exitCode;
  }
}
