// The speech host: a small Node process of its own, started by the hub (speech-process.ts), that starts espeak-ng
// and levels its WAVs. Starting a program forks the process that starts it: forking the hub (hundreds of MB, with
// its ticket loop running) stalls that loop for milliseconds at every fork, however low the forking thread's
// priority. Forked from this small process instead, a spoken call costs the hub's loop nothing but two messages.
import { execFileSync } from 'node:child_process';
import { normalizeWavLoudness, runProcess } from '@giliran/speech';
import { runInBackground } from '../exports/background-thread.ts';

/** One piece of an announcement's rendering, as a message the host receives (structured clone). */
export type SpeechJob =
  | {
      readonly kind: 'run';
      readonly command: string;
      readonly args: readonly string[];
      readonly timeoutMs: number;
    }
  | { readonly kind: 'normalize'; readonly wav: Uint8Array };

export interface SpeechRequest {
  readonly id: number;
  readonly job: SpeechJob;
}

export type SpeechReply =
  | { readonly id: number; readonly ok: true; readonly bytes: Uint8Array }
  | { readonly id: number; readonly ok: false; readonly message: string };

async function work(job: SpeechJob): Promise<Buffer> {
  if (job.kind === 'run') return runProcess(job.command, job.args, { timeoutMs: job.timeoutMs });
  return normalizeWavLoudness(Buffer.from(job.wav.buffer, job.wav.byteOffset, job.wav.byteLength));
}

/**
 * The lowest priority there is, for every thread of this process and the programs it starts: Linux SCHED_IDLE runs
 * only when no normal thread wants the CPU, and a woken normal thread (the hub's loop) takes the core at once,
 * where nice 19 still shares it in slices. Any user may lower itself to it (`chrt` is util-linux, on every Debian);
 * without it, nice 19 on the thread that starts the programs.
 */
function lowestPriority(): void {
  runInBackground();
  if (process.platform !== 'linux') return;
  try {
    execFileSync('chrt', ['--idle', '--all-tasks', '--pid', '0', String(process.pid)], { stdio: 'ignore' });
  } catch {
    // No chrt here, or not allowed: nice 19 stays.
  }
}

lowestPriority();
process.on('message', (request: SpeechRequest) => {
  void work(request.job).then(
    (bytes) => {
      const reply: SpeechReply = {
        id: request.id,
        ok: true,
        bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      };
      process.send?.(reply);
    },
    (error: unknown) => {
      const reply: SpeechReply = {
        id: request.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      };
      process.send?.(reply);
    },
  );
});
// The hub gone (its end of the channel closed) is this process's end too.
process.on('disconnect', () => process.exit(0));
