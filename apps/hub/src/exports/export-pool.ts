import { BackgroundProcess } from './background-process.ts';
import { HubError } from '../hub-error.ts';

export interface ExportPoolOptions {
  /** Exports accepted at once, rendering and waiting; the next is answered 429 with Retry-After. */
  readonly maxInFlight?: number;
}

/**
 * One file to render, as data a host process can receive (structured clone): a kind the host renders, a plain-JSON
 * view, and what is cloned beside it. The host entry that knows the kinds is the reports feature's
 * (reports/export-host.ts), handed to the pool by its file: this module names no feature.
 */
export interface ExportJob {
  readonly kind: string;
  readonly view: object;
  readonly letterhead?: unknown;
  readonly photos?: readonly unknown[];
}

/** What crosses to the host: the view as JSON bytes (`encode` says why). */
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
 * PDF and XLSX exports rendered in a host process of their own at the lowest priority (background-process.ts says
 * why not a worker thread), at most `maxInFlight` accepted at once: sixty staff asking for reports together get
 * files in turn or a 429, and the kiosks keep issuing tickets on the hub's loop.
 */
export class ExportPool<J extends ExportJob = ExportJob> {
  private readonly host: BackgroundProcess<ExportTask>;
  private readonly maxInFlight: number;
  private inFlight = 0;
  private readonly encoded = new WeakMap<ExportJob['view'], Uint8Array>();
  /** Views encoded for the export host so far: for tests. */
  viewsEncoded = 0;

  /** `host`: the host entry's file (`hostUrl`), which serves `ExportTask`s (background-host.ts). */
  constructor(host: URL, options: ExportPoolOptions = {}) {
    this.maxInFlight = options.maxInFlight ?? 2;
    this.host = new BackgroundProcess(host, 'export');
  }

  /**
   * Takes one of the export slots for `work` (which gathers its view on the hub, then renders through the pool),
   * or refuses at once with EXPORT_BUSY (429, Retry-After) before any of that work is done: a refused request
   * must cost the hub's loop nothing, or sixty retrying browsers would stall the hall through their refusals.
   */
  async exclusive<T>(work: (render: (job: J) => Promise<Buffer>) => Promise<T>): Promise<T> {
    if (this.inFlight >= this.maxInFlight) throw BUSY;
    this.inFlight++;
    try {
      return await work((job) => this.render(job));
    } finally {
      this.inFlight--;
    }
  }

  /** Renders one file in the host process; the host renders one at a time, in the order asked. */
  private async render(job: ExportJob): Promise<Buffer> {
    const letterhead = 'letterhead' in job ? job.letterhead : undefined;
    const photos = 'photos' in job ? job.photos : undefined;
    const task: ExportTask = {
      kind: job.kind,
      view: this.encode(job.view),
      ...(letterhead ? { letterhead } : {}),
      ...(photos ? { photos } : {}),
    };
    return this.host.request(task);
  }

  /**
   * A view as JSON bytes, encoded once however many files are rendered from it: sixty exports of the same figures
   * would otherwise serialise the whole view sixty times on the hub's loop (sending bytes is a copy, not a walk).
   */
  private encode(view: ExportJob['view']): Uint8Array {
    const known = this.encoded.get(view);
    if (known) return known;
    // A copy of its own: a short Buffer is a slice of Node's shared 8 KB pool, which the message would carry whole.
    const json = new Uint8Array(Buffer.from(JSON.stringify(view)));
    this.encoded.set(view, json);
    this.viewsEncoded++;
    return json;
  }

  /** Files rendered by the host so far. */
  get rendered(): number {
    return this.host.completed;
  }

  /** The host's process id once started: for tests. */
  get pid(): number | undefined {
    return this.host.pid;
  }

  close(): Promise<void> {
    return this.host.close();
  }
}
