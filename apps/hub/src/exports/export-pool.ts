import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { HubError } from '../hub-error.ts';
import type { ExportJob } from './export-worker.ts';

export interface ExportPoolOptions {
  /** Worker threads rendering at once; one leaves the other core of a small hub PC to the queue. */
  readonly threads?: number;
  /** Exports accepted at once, rendering and waiting; the next is answered 429 with Retry-After. */
  readonly maxInFlight?: number;
}

const WORKER = new URL('./export-worker.ts', import.meta.url);
/** Seconds a refused export is told to wait: about one PDF's render time with a few ahead of it. */
const RETRY_AFTER_SECONDS = 5;

/** Worker threads load TypeScript through tsx, as the hub itself runs (a dependency of the hub). */
function tsxLoader(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}

/**
 * PDF and XLSX exports rendered in worker threads, at most `maxInFlight` accepted at once: sixty staff asking for
 * reports together get files in turn or a 429, and the kiosks keep issuing tickets on the main loop.
 */
export class ExportPool {
  private readonly pool: Piscina;
  private readonly maxInFlight: number;
  private inFlight = 0;

  constructor(options: ExportPoolOptions = {}) {
    const threads = options.threads ?? 1;
    this.maxInFlight = options.maxInFlight ?? 2;
    this.pool = new Piscina({
      filename: WORKER.href,
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: 60_000,
      execArgv: ['--import', tsxLoader()],
    });
  }

  /** Renders one file off the event loop, or refuses at once with EXPORT_BUSY (429, Retry-After). */
  async render(job: ExportJob): Promise<Buffer> {
    if (this.inFlight >= this.maxInFlight) throw new HubError('EXPORT_BUSY', undefined, RETRY_AFTER_SECONDS);
    this.inFlight++;
    try {
      const bytes = (await this.pool.run(job)) as Uint8Array;
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } finally {
      this.inFlight--;
    }
  }

  /** Files rendered by the worker threads so far. */
  get rendered(): number {
    return this.pool.completed;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
