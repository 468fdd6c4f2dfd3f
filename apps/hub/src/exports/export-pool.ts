import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { HubError } from '../hub-error.ts';

export interface ExportPoolOptions {
  /** Worker threads rendering at once; one leaves the other core of a small hub PC to the queue. */
  readonly threads?: number;
  /** Exports accepted at once, rendering and waiting; the next is answered 429 with Retry-After. */
  readonly maxInFlight?: number;
}

/**
 * One file to render, as data a worker thread can receive (structured clone): a kind the worker renders, a plain-JSON
 * view, and what is cloned beside it. The worker entry that knows the kinds is the reports feature's
 * (reports/export-worker.ts), handed to the pool by its file: this module names no feature.
 */
export interface ExportJob {
  readonly kind: string;
  readonly view: object;
  readonly letterhead?: unknown;
  readonly photos?: readonly unknown[];
}

/** What crosses to the worker thread: the view as JSON bytes in shared memory (`encode` says why). */
interface ExportTask {
  readonly kind: string;
  readonly view: Uint8Array;
  readonly letterhead?: unknown;
  readonly photos?: readonly unknown[];
}
/** Seconds a refused export is told to wait: about one PDF's render time with a few ahead of it. */
const RETRY_AFTER_SECONDS = 5;
/**
 * The one refusal, made once: an error built per refusal captures a stack trace each time, and sixty browsers
 * retrying every second make hundreds of refusals a minute on the loop that issues tickets.
 */
const BUSY = new HubError('EXPORT_BUSY', undefined, RETRY_AFTER_SECONDS);

/**
 * A worker thread's file: beside this module in the sources (`./name.ts`), or beside the bundle's main.js, where
 * `npm run build:hub` writes each worker as an entry of its own (`./name.js`).
 */
export function workerUrl(name: string, here: string): URL {
  return new URL(here.endsWith('.ts') ? `./${name}.ts` : `./${name}.js`, here);
}

/** Worker threads load TypeScript through tsx, as the hub itself runs (a dependency of the hub). */
export function tsxLoader(): string {
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
  private readonly encoded = new WeakMap<ExportJob['view'], Uint8Array>();
  /** Views encoded for the worker so far: for tests. */
  viewsEncoded = 0;

  /** `worker`: the worker entry's file (`workerUrl`), whose default export renders an `ExportTask`. */
  constructor(worker: URL, options: ExportPoolOptions = {}) {
    const threads = options.threads ?? 1;
    this.maxInFlight = options.maxInFlight ?? 2;
    this.pool = new Piscina({
      filename: worker.href,
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: 60_000,
      // Rendering is background work: each worker thread lowers itself to nice 19 (background-thread.ts).
      execArgv: ['--import', tsxLoader()],
    });
  }

  /**
   * Takes one of the export slots for `work` (which gathers its view on the hub, then renders through the pool),
   * or refuses at once with EXPORT_BUSY (429, Retry-After) before any of that work is done: a refused request
   * must cost the hub's loop nothing, or sixty retrying browsers would stall the hall through their refusals.
   */
  async exclusive<T>(work: (render: (job: ExportJob) => Promise<Buffer>) => Promise<T>): Promise<T> {
    if (this.inFlight >= this.maxInFlight) throw BUSY;
    this.inFlight++;
    try {
      return await work((job) => this.render(job));
    } finally {
      this.inFlight--;
    }
  }

  /** Renders one file in a worker thread. */
  private async render(job: ExportJob): Promise<Buffer> {
    const letterhead = 'letterhead' in job ? job.letterhead : undefined;
    const photos = 'photos' in job ? job.photos : undefined;
    const task: ExportTask = {
      kind: job.kind,
      view: this.encode(job.view),
      ...(letterhead ? { letterhead } : {}),
      ...(photos ? { photos } : {}),
    };
    const bytes = (await this.pool.run(task)) as Uint8Array;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /**
   * A view as JSON in shared memory, encoded once however many files are rendered from it: sixty exports of the
   * same figures would otherwise copy the whole view into the worker sixty times, each copy made on the hub's loop.
   */
  private encode(view: ExportJob['view']): Uint8Array {
    const known = this.encoded.get(view);
    if (known) return known;
    const json = Buffer.from(JSON.stringify(view));
    const shared = new Uint8Array(new SharedArrayBuffer(json.byteLength));
    shared.set(json);
    this.encoded.set(view, shared);
    this.viewsEncoded++;
    return shared;
  }

  /** Files rendered by the worker threads so far. */
  get rendered(): number {
    return this.pool.completed;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
