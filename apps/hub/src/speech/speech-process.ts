import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ProcessRunner } from '@giliran/speech';
import { tsxLoader, workerUrl } from '../exports/export-pool.ts';
import type { SpeechJob, SpeechReply, SpeechRequest } from './speech-host.ts';

const HOST = workerUrl('speech-host', import.meta.url);

/** What an announcement's rendering hands off: running the speech program, and levelling its WAV. */
export interface SpeechWork {
  readonly run: ProcessRunner;
  normalize(wav: Buffer): Promise<Buffer>;
}

interface Pending {
  resolve(bytes: Buffer): void;
  reject(error: Error): void;
}

function bufferOf(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The speech host (speech-host.ts): one small process, at the lowest priority, that starts the speech programs and
 * levels their WAVs, so that the hub itself never forks while it issues tickets (a fork of the hub stalls its loop;
 * sixty displays asking at once were sixty forks). Calls are rendered one at a time anyway (AnnouncementAudio).
 * The host starts with the first call and is started again if it dies; what it was doing then fails, and the
 * announcement falls back to the next engine as for any engine failure.
 */
export class SpeechProcess implements SpeechWork {
  private host: ChildProcess | null = null;
  private readonly pending = new Map<number, Pending>();
  private lastId = 0;
  /** Pieces of work the host has done: for tests. */
  completed = 0;
  /** Host processes started so far: for tests. */
  started = 0;

  readonly run: ProcessRunner = async (command, args, options) =>
    this.task({ kind: 'run', command, args: [...args], timeoutMs: options.timeoutMs });

  normalize(wav: Buffer): Promise<Buffer> {
    return this.task({ kind: 'normalize', wav });
  }

  /** The host's process id once started (for tests: what it starts must be its child, not the hub's). */
  get pid(): number | undefined {
    return this.host?.pid;
  }

  private task(job: SpeechJob): Promise<Buffer> {
    const host = this.host ?? this.start();
    const id = ++this.lastId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const request: SpeechRequest = { id, job };
      host.send(request, (error) => {
        if (error) this.settle(id, { id, ok: false, message: error.message });
      });
    });
  }

  private start(): ChildProcess {
    // Structured clone ('advanced') carries the WAV bytes as they are, not as JSON arrays of numbers.
    const host = fork(fileURLToPath(HOST), [], {
      execArgv: ['--import', tsxLoader()],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.started++;
    host.on('message', (reply: SpeechReply) => {
      this.settle(reply.id, reply);
    });
    host.once('exit', (code, signal) => {
      if (this.host === host) this.host = null;
      const why = `the speech host stopped (${signal ?? `exit code ${String(code)}`})`;
      for (const id of [...this.pending.keys()]) this.settle(id, { id, ok: false, message: why });
    });
    host.on('error', () => {
      // 'exit' follows and fails what was pending; a send that failed reports through its own callback.
    });
    this.host = host;
    return host;
  }

  private settle(id: number, reply: SpeechReply): void {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.pending.delete(id);
    if (reply.ok) {
      this.completed++;
      waiting.resolve(bufferOf(reply.bytes));
    } else waiting.reject(new Error(reply.message));
  }

  async close(): Promise<void> {
    const host = this.host;
    this.host = null;
    if (!host || host.exitCode !== null || host.signalCode !== null) return;
    const exited = new Promise<void>((resolve) =>
      host.once('exit', () => {
        resolve();
      }),
    );
    host.disconnect();
    await exited;
  }
}
