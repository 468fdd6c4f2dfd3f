import type { Clock } from '../clock.ts';
import type { QueueEngine } from '../commands/queue-engine.ts';
import type { CounterPresence } from '../socket/counter-presence.ts';

/**
 * An officer's app reconnecting (Wi-Fi, a reload) leaves the counter empty for seconds: only a counter empty
 * this long stops counting in the wait estimate.
 */
export const UNSTAFFED_AFTER_MS = 2 * 60_000;

/**
 * Tells the queue engine which counters nobody sits at, from the officers' live connections: a counter becomes
 * unstaffed once it has been empty for the grace period (also from start-up, when nobody is there yet), and
 * staffed again the moment someone connects at it.
 */
export class UnstaffedCounters {
  private readonly unstaffed = new Set<string>();
  private readonly timers = new Map<string, () => void>();

  constructor(
    private readonly presence: CounterPresence,
    private readonly engine: QueueEngine,
    private readonly clock: Clock,
    private readonly counterIds: () => readonly string[],
  ) {}

  start(): void {
    this.presence.onChange((counterId) => {
      this.check(counterId);
    });
    for (const id of this.counterIds()) this.check(id);
  }

  stop(): void {
    for (const cancel of this.timers.values()) cancel();
    this.timers.clear();
  }

  private check(counterId: string): void {
    this.timers.get(counterId)?.();
    this.timers.delete(counterId);
    if (this.presence.at(counterId)) {
      if (this.unstaffed.delete(counterId)) this.publish();
      return;
    }
    if (this.unstaffed.has(counterId)) return;
    this.timers.set(
      counterId,
      this.clock.setTimer(() => {
        this.timers.delete(counterId);
        if (this.presence.at(counterId)) return;
        this.unstaffed.add(counterId);
        this.publish();
      }, UNSTAFFED_AFTER_MS),
    );
  }

  private publish(): void {
    this.engine.useUnstaffedCounters(new Set(this.unstaffed));
  }
}
