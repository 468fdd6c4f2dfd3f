// Memory sampling of the load hub for the soak bench: a sample every so many seconds of wall time, each with the
// RSS as the hub ran and the heap after a forced full collection, printed as it is taken.
import type { LoadHub, MemorySample } from '../../tests/support/load-hub-process.ts';
import { progress } from './run-all.ts';

export interface Sample {
  readonly wallSeconds: number;
  readonly label: string;
  readonly rssMb: number;
  readonly heapMb: number;
  /** Buffers and native objects V8 knows of (sockets' buffers, SQLite results). */
  readonly externalMb: number;
}

const MB = 1024 * 1024;

export function toSample(wallSeconds: number, label: string, m: MemorySample): Sample {
  return { wallSeconds, label, rssMb: m.rss / MB, heapMb: m.heapUsed / MB, externalMb: m.external / MB };
}

export function printSample(s: Sample): void {
  progress(
    `${s.wallSeconds.toFixed(0).padStart(4)} s  ${s.label.padEnd(26)} RSS ${s.rssMb.toFixed(1).padStart(6)} MB` +
      `  heap ${s.heapMb.toFixed(1).padStart(6)} MB  external ${s.externalMb.toFixed(1).padStart(5)} MB`,
  );
}

/** Samples `hub` every `everyMs` until stopped; `label` says where the run is (simulated day and time). */
export class Sampler {
  readonly samples: Sample[] = [];
  private stopped = false;
  private loop: Promise<void> = Promise.resolve();

  constructor(
    private readonly hub: LoadHub,
    private readonly everyMs: number,
    private readonly origin: number,
    private readonly label: () => string,
  ) {}

  start(): void {
    this.loop = (async () => {
      while (this.running()) {
        await new Promise((resolve) => setTimeout(resolve, this.everyMs));
        // stop() may have come during the wait: no sample after it.
        if (this.running()) await this.take(this.label());
      }
    })();
  }

  async take(label: string): Promise<Sample> {
    const sample = toSample((performance.now() - this.origin) / 1000, label, await this.hub.memory(true));
    this.samples.push(sample);
    printSample(sample);
    return sample;
  }

  private running(): boolean {
    return !this.stopped;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }
}

/** Least-squares slope of y over x. */
export function slope(points: readonly (readonly [number, number])[]): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxx === 0 ? Number.NaN : sxy / sxx;
}
