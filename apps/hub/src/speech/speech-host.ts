// The speech host: a small process of the hub's own (speech-process.ts) that starts espeak-ng and levels its WAVs,
// at the lowest priority. Starting a program forks the process that starts it: forked from here, not from the hub,
// a spoken call costs the hub's loop two messages.
import { normalizeWavLoudness, runProcess } from '@giliran/speech';
import { serveRequests } from '../exports/background-host.ts';

/** One piece of an announcement's rendering, as a message the host receives (structured clone). */
export type SpeechJob =
  | {
      readonly kind: 'run';
      readonly command: string;
      readonly args: readonly string[];
      readonly timeoutMs: number;
    }
  | { readonly kind: 'normalize'; readonly wav: Uint8Array };

async function work(job: SpeechJob): Promise<Buffer> {
  if (job.kind === 'run') return runProcess(job.command, job.args, { timeoutMs: job.timeoutMs });
  return normalizeWavLoudness(Buffer.from(job.wav.buffer, job.wav.byteOffset, job.wav.byteLength));
}

serveRequests(work);
