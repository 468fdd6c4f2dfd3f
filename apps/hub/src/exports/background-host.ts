// The other end of BackgroundProcess: what a host process (speech-host.ts, export-host.ts) calls to serve requests.
import { execFileSync } from 'node:child_process';
import { setPriority } from 'node:os';

/** Nice 19, the lowest: where SCHED_IDLE is not to be had, and for the programs a host starts. */
export const BACKGROUND_NICE = 19;

export interface HostRequest<T> {
  readonly id: number;
  readonly task: T;
}

export type HostReply =
  | { readonly id: number; readonly ok: true; readonly bytes: Uint8Array }
  | { readonly id: number; readonly ok: false; readonly message: string };

/**
 * The lowest priority there is, for every thread of this process and the programs it starts: Linux SCHED_IDLE runs
 * only when no normal thread wants the CPU, and a woken normal thread (the hub's loop) takes the core at once,
 * where nice 19 still shares it in slices. Any user may lower itself to it (`chrt` is util-linux, on every Debian);
 * without it, nice 19 on the thread that does the work and starts the programs.
 */
function lowestPriority(): void {
  try {
    setPriority(0, BACKGROUND_NICE);
  } catch {
    // Not allowed here (a sandbox without setpriority): the work still runs, at the hub's own priority.
  }
  if (process.platform !== 'linux') return;
  try {
    execFileSync('chrt', ['--idle', '--all-tasks', '--pid', '0', String(process.pid)], { stdio: 'ignore' });
  } catch {
    // No chrt here, or not allowed: nice 19 stays.
  }
}

/**
 * Serves the hub's requests with `work` until the hub goes (its end of the channel closes). The tasks come from the
 * hub's BackgroundProcess typed with this host's task (speech-process.ts, export-pool.ts), so they are not parsed.
 */
export function serveRequests(work: (task: never) => Promise<Buffer>): void {
  lowestPriority();
  process.on('message', (request: HostRequest<never>) => {
    const reply = (message: HostReply): void => {
      process.send?.(message);
    };
    void work(request.task).then(
      (bytes) => {
        reply({
          id: request.id,
          ok: true,
          bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        });
      },
      (error: unknown) => {
        reply({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) });
      },
    );
  });
  process.on('disconnect', () => process.exit(0));
}
