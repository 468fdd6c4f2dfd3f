import type { ProcessRunner } from '@giliran/speech';
import { BackgroundProcess, hostUrl } from '../exports/background-process.ts';
import type { SpeechJob } from './speech-host.ts';

const HOST = hostUrl('speech-host', import.meta.url);

/** What an announcement's rendering hands off: running the speech program, and levelling its WAV. */
export interface SpeechWork {
  readonly run: ProcessRunner;
  normalize(wav: Buffer): Promise<Buffer>;
}

/**
 * The speech host (speech-host.ts), a small process at the lowest priority that starts the speech programs and
 * levels their WAVs, so that the hub itself never forks while it issues tickets: sixty displays asking at once were
 * sixty forks of the hub, each stalling its loop. Calls are rendered one at a time anyway (AnnouncementAudio). If
 * the host dies, what it was doing fails and the announcement falls back to the next engine, as for any failure.
 */
export class SpeechProcess implements SpeechWork {
  private readonly host = new BackgroundProcess<SpeechJob>(HOST, 'speech host');

  readonly run: ProcessRunner = (command, args, options) =>
    this.host.request({ kind: 'run', command, args: [...args], timeoutMs: options.timeoutMs });

  normalize(wav: Buffer): Promise<Buffer> {
    return this.host.request({ kind: 'normalize', wav });
  }

  /** The host's process id once started, and how many hosts were started: for tests. */
  get pid(): number | undefined {
    return this.host.pid;
  }

  get started(): number {
    return this.host.started;
  }

  close(): Promise<void> {
    return this.host.close();
  }
}
