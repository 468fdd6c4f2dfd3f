import { FakeTcpPrinter, type FakePrintJob } from '@giliran/printing/testing';

/**
 * A thermal printer on the LAN that fails now and then: before each job the test asks it whether this one will
 * fail (a seeded draw), and a failing job finds it switched off or jammed, refusing the connection, which is how
 * the hub can tell (node-thermal-printer reports success once the bytes are in the socket, so a printer that
 * accepts and then drops a job is indistinguishable from one that printed it). It comes back for the next job.
 */
export class FlakyPrinter {
  private readonly retired: FakeTcpPrinter[] = [];
  private current: FakeTcpPrinter | null = null;
  private port = 0;
  failures = 0;

  constructor(
    private readonly failureRate: number,
    private readonly random: () => number,
  ) {}

  async start(): Promise<void> {
    const printer = new FakeTcpPrinter();
    await printer.start();
    this.port = printer.port;
    this.current = printer;
  }

  get printerInterface(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  /** Decides the next job: on (it prints) or off (the connection is refused). Returns whether it will fail. */
  async nextJob(): Promise<boolean> {
    const fail = this.random() < this.failureRate;
    if (fail && this.current) {
      // Let the last job finish arriving before the printer goes off, or its tail would be cut.
      const printer = this.current;
      const deadline = Date.now() + 2000;
      while (printer.connections > printer.jobs.length && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 5));
      await this.current.close();
      this.retired.push(this.current);
      this.current = null;
    } else if (!fail && !this.current) {
      const printer = new FakeTcpPrinter({ port: this.port });
      await printer.start();
      this.current = printer;
    }
    if (fail) this.failures++;
    return fail;
  }

  /** Every job that reached the paper, in order. */
  get jobs(): readonly FakePrintJob[] {
    return [...this.retired, ...(this.current ? [this.current] : [])].flatMap((p) => p.jobs);
  }

  async close(): Promise<void> {
    await this.current?.close();
  }
}
