/** A command failure as the page shows it: the hub's code and its bilingual message, or NETWORK. */
export interface ActionFailure {
  readonly code: string;
  readonly message: { readonly id: string; readonly en: string } | null;
}

export type Send = (key: string) => Promise<unknown>;

export interface ActionRunnerOptions {
  readonly newKey: () => string;
  /** Resolves when the hub can be reached again, or rejects when it gave up waiting. */
  readonly whenOnline: () => Promise<void>;
  readonly isNetworkFailure: (error: unknown) => boolean;
  readonly onBusy: (busy: boolean) => void;
}

/**
 * Runs the officer's actions one at a time. A second press while one is in flight is ignored, and each action
 * carries one idempotency key for all its attempts: when the answer is lost with the connection, the retry
 * after reconnecting gets the hub's first answer back instead of calling a second ticket.
 */
export class ActionRunner {
  private busy = false;

  constructor(private readonly options: ActionRunnerOptions) {}

  get running(): boolean {
    return this.busy;
  }

  /** The action's result, or `undefined` when another action was still running and this press was ignored. */
  async run<T>(send: (key: string) => Promise<T>): Promise<T | undefined> {
    if (this.busy) return undefined;
    this.setBusy(true);
    const key = this.options.newKey();
    try {
      try {
        return await send(key);
      } catch (error) {
        if (!this.options.isNetworkFailure(error)) throw error;
        await this.options.whenOnline();
        return await send(key);
      }
    } finally {
      this.setBusy(false);
    }
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.options.onBusy(busy);
  }
}
