import { normalizeWavLoudness, runProcess } from '@giliran/speech';
import { runInBackground } from '../exports/background-thread.ts';

// The thread, and the espeak-ng processes it starts (they inherit its priority), at the lowest priority.
runInBackground();

/** One piece of an announcement's rendering, as data a worker thread can receive (structured clone). */
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

/**
 * Runs in a worker thread (Piscina calls the default export): starting espeak-ng blocks the starting thread until
 * the program runs, and levelling a WAV walks every sample, both too slow for the loop that issues tickets.
 */
export default async function speechWork(job: SpeechJob): Promise<Uint8Array> {
  const bytes = await work(job);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
