import type { ProcessRunner } from '@giliran/speech';
import { Piscina } from 'piscina';
import { tsxLoader, workerUrl } from '../exports/export-pool.ts';
import type { SpeechJob } from './speech-worker.ts';

const WORKER = workerUrl('speech-worker', import.meta.url);

/** What an announcement's rendering hands off: running the speech program, and levelling its WAV. */
export interface SpeechWork {
  readonly run: ProcessRunner;
  normalize(wav: Buffer): Promise<Buffer>;
}

function bufferOf(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * One worker thread, at background priority (Linux nice 19, as espeak-ng itself: background-thread.ts), that starts the speech
 * processes and levels their WAVs: the hub's loop only sends the text and receives the sound. Calls are rendered
 * one at a time anyway (AnnouncementAudio), so one thread is enough; it starts with the first call.
 */
export class SpeechThread implements SpeechWork {
  private readonly pool = new Piscina({
    filename: WORKER.href,
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 10 * 60_000,
    execArgv: ['--import', tsxLoader()],
  });

  readonly run: ProcessRunner = async (command, args, options) =>
    bufferOf(await this.task({ kind: 'run', command, args: [...args], timeoutMs: options.timeoutMs }));

  async normalize(wav: Buffer): Promise<Buffer> {
    return bufferOf(await this.task({ kind: 'normalize', wav }));
  }

  private async task(job: SpeechJob): Promise<Uint8Array> {
    return (await this.pool.run(job)) as Uint8Array;
  }

  /** Pieces of work the thread has done: for tests. */
  get completed(): number {
    return this.pool.completed;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
