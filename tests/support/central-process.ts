import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CENTRAL_MAIN = fileURLToPath(new URL('../../apps/central/src/main.ts', import.meta.url));
const SPAWN_TIMEOUT_MS = 30_000;

export interface CentralProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
  kill9(): Promise<void>;
  /** SIGTERM: central closes its server and pool (and writes a CPU profile when started with --cpu-prof). */
  stop(): Promise<void>;
  /** The last few kilobytes the process wrote, for a failure's message. */
  output(): string;
}

/** The real `npm run central` entry point as a child process on a given port, resolved once it listens. */
export function spawnCentral(
  databaseUrl: string,
  port: number,
  extra: { env?: Record<string, string>; nodeArgs?: readonly string[] } = {},
): Promise<CentralProcess> {
  const child = spawn(process.execPath, [...(extra.nodeArgs ?? []), '--import', 'tsx', CENTRAL_MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      CENTRAL_PORT: String(port),
      LOG_LEVEL: 'warn',
      ...extra.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  let output = '';
  const handle: CentralProcess = {
    child,
    exited,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
    output: () => output,
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`central did not start\n${output}`));
    }, SPAWN_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4000);
    };
    child.stderr.on('data', onData);
    child.stdout.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`central exited before listening\n${output}`));
    });
    // main.ts logs at warn here, so the first sign of life is the port answering its health check.
    const poll = async (): Promise<void> => {
      while (child.exitCode === null) {
        const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) {
          clearTimeout(timer);
          resolve(handle);
          return;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    void poll();
  });
}
