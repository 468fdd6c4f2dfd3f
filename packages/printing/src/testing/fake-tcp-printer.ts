import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';

/** Everything one connection sent, from connect to close. */
export interface FakePrintJob {
  readonly bytes: Buffer;
  /** `Date.now()` when the connection was accepted. */
  readonly connectedAt: number;
  /** `Date.now()` of the first byte received, `null` when none came. */
  readonly firstByteAt: number | null;
  /** `Date.now()` when the client closed the connection. */
  readonly closedAt: number;
}

export interface FakeTcpPrinterOptions {
  /**
   * Accept connections but never read from them, like a printer whose buffer is full: the client's
   * bytes pile up in the kernel until its writes stall. Its jobs hold no bytes.
   */
  readonly neverRead?: boolean;
  /** Listen on this port (a printer switched back on keeps its address); an ephemeral one when left out. */
  readonly port?: number;
}

/** A raw-TCP (port 9100 style) printer on 127.0.0.1 that records every connection as a job. */
export class FakeTcpPrinter {
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  readonly #jobs: FakePrintJob[] = [];
  #waiters: { readonly index: number; readonly resolve: (job: FakePrintJob) => void }[] = [];
  #delivered = 0;
  #connections = 0;
  readonly #port: number;

  constructor(options: FakeTcpPrinterOptions = {}) {
    this.#port = options.port ?? 0;
    this.#server = createServer({ pauseOnConnect: options.neverRead === true }, (socket) => {
      this.#accept(socket);
    });
  }

  /** Listens on 127.0.0.1, on the given port or an ephemeral one. */
  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.#port, '127.0.0.1', () => {
        this.#server.off('error', reject);
        resolve();
      });
    });
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  /** `tcp://127.0.0.1:<port>`, ready for `printTicket`. */
  get printerInterface(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  get jobs(): readonly FakePrintJob[] {
    return this.#jobs;
  }

  /** When each job's first byte arrived, in job order. */
  get firstByteAt(): readonly (number | null)[] {
    return this.#jobs.map((job) => job.firstByteAt);
  }

  /** Connections accepted so far, finished or not. */
  get connections(): number {
    return this.#connections;
  }

  /** The next job not yet returned by an earlier call, once its connection has closed. */
  waitForJob(timeoutMs = 2000): Promise<FakePrintJob> {
    const index = this.#delivered++;
    const done = this.#jobs[index];
    if (done) return Promise.resolve(done);
    return new Promise<FakePrintJob>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`No print job #${index + 1} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiters.push({
        index,
        resolve: (job) => {
          clearTimeout(timer);
          resolve(job);
        },
      });
    });
  }

  /** Drops every open connection and stops listening. */
  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    if (!this.#server.listening) return;
    await new Promise<void>((resolve) => {
      this.#server.close(() => {
        resolve();
      });
    });
  }

  #accept(socket: Socket): void {
    this.#connections++;
    this.#sockets.add(socket);
    const connectedAt = Date.now();
    let firstByteAt: number | null = null;
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => {
      firstByteAt ??= Date.now();
      chunks.push(chunk);
    });
    // A client that resets the connection still delivered what arrived before.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.#sockets.delete(socket);
      this.#record({ bytes: Buffer.concat(chunks), connectedAt, firstByteAt, closedAt: Date.now() });
    });
  }

  #record(job: FakePrintJob): void {
    this.#jobs.push(job);
    const index = this.#jobs.length - 1;
    const ready = this.#waiters.filter((waiter) => waiter.index === index);
    this.#waiters = this.#waiters.filter((waiter) => waiter.index !== index);
    for (const waiter of ready) waiter.resolve(job);
  }
}
