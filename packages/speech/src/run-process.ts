// The module object, looked up at each call: tests replace `spawn` there, the edge the `say` package uses too.
import childProcess from 'node:child_process';
import { setPriority } from 'node:os';

/**
 * Speech is background work: on a small hub PC the queue's own loop must win the CPU (POSIX nice 19, the lowest;
 * started from the hub's speech host it already has it from the host, and setting it again changes nothing).
 */
const BACKGROUND_PRIORITY = 19;

export interface RunOptions {
  readonly timeoutMs: number;
}

/** Runs a program and gives its standard output: `runProcess`, or the same done elsewhere (a worker thread). */
export type ProcessRunner = (
  command: string,
  args: readonly string[],
  options: RunOptions,
) => Promise<Buffer>;

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** Runs a program without a shell; a failure to start, a non-zero exit or a timeout rejects with a readable reason. */
export function runProcess(command: string, args: readonly string[], options: RunOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = childProcess.spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    if (child.pid !== undefined) {
      try {
        setPriority(child.pid, BACKGROUND_PRIORITY);
      } catch {
        // Not permitted or already gone: the process simply runs at normal priority.
      }
    }
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let settled = false;
    const finish = (error: Error | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error === undefined) resolve(Buffer.concat(stdout));
      else reject(error);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(new Error(`${command} did not finish within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => {
      const code = errorCode(error);
      const reason = code === 'ENOENT' ? `${command} is not installed or not on PATH` : error.message;
      finish(new Error(reason, { cause: error }));
    });
    child.on('close', (code, signal) => {
      if (code === 0) finish(undefined);
      else {
        const detail = Buffer.concat(stderr).toString('utf8').trim();
        finish(
          new Error(
            `${command} failed (${signal ?? `exit code ${String(code)}`})${detail ? `: ${detail}` : ''}`,
          ),
        );
      }
    });
  });
}
