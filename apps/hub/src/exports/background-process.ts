import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { HostReply, HostRequest } from './background-host.ts';

/**
 * A host process's file: beside its module in the sources (`./name.ts`), or beside the bundle's main.js, where
 * `npm run build:hub` writes each host as an entry of its own (`./name.js`).
 */
export function hostUrl(name: string, here: string): URL {
  return new URL(here.endsWith('.ts') ? `./${name}.ts` : `./${name}.js`, here);
}

/** Host processes load TypeScript through tsx, as the hub itself runs (a dependency of the hub). */
export function tsxLoader(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}

interface Pending {
  resolve(bytes: Buffer): void;
  reject(error: Error): void;
}

/**
 * A small Node process of the hub's own, at the lowest priority (background-host.ts), that does one kind of slow
 * work on request and answers with bytes: the hub's loop only sends a message and receives one. A process, not a
 * worker thread, because a worker thread shares the hub's process: its programs are forks of the whole hub (a fork
 * stalls the hub's loop), and its garbage collection runs on the process's shared V8 threads at the hub's own
 * priority. Started with the first request, and again after it dies; what it was doing then fails with a reason.
 */
export class BackgroundProcess<T> {
  private child: ChildProcess | null = null;
  private readonly pending = new Map<number, Pending>();
  private lastId = 0;
  /** Requests answered so far: for tests. */
  completed = 0;
  /** Processes started so far: for tests. */
  started = 0;

  /** `entry`: the host's file (`hostUrl`), which calls `serveRequests`; `name` says which host in errors. */
  constructor(
    private readonly entry: URL,
    private readonly name: string,
  ) {}

  /** The process id once started: for tests. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  request(task: T): Promise<Buffer> {
    const child = this.child ?? this.start();
    const id = ++this.lastId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const message: HostRequest<T> = { id, task };
      child.send(message, (error) => {
        if (error) this.settle({ id, ok: false, message: error.message });
      });
    });
  }

  private start(): ChildProcess {
    // Structured clone ('advanced') carries bytes as they are, not as JSON arrays of numbers.
    const child = fork(fileURLToPath(this.entry), [], {
      execArgv: ['--import', tsxLoader()],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.started++;
    child.on('message', (reply: HostReply) => {
      this.settle(reply);
    });
    child.once('exit', (code, signal) => {
      if (this.child === child) this.child = null;
      const message = `the ${this.name} process stopped (${signal ?? `exit code ${String(code)}`})`;
      for (const id of [...this.pending.keys()]) this.settle({ id, ok: false, message });
    });
    child.on('error', () => {
      // 'exit' follows and fails what was pending; a send that failed reports through its own callback.
    });
    this.child = child;
    return child;
  }

  private settle(reply: HostReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (reply.ok) {
      this.completed++;
      waiting.resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength));
    } else waiting.reject(new Error(reply.message));
  }

  async close(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) =>
      child.once('exit', () => {
        resolve();
      }),
    );
    child.disconnect();
    await exited;
  }
}
