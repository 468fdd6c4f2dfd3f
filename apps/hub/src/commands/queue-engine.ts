import {
  decide,
  DomainError,
  applyInPlace,
  fold,
  initialState,
  localTime,
  serviceDayOf,
  type QueueCommand,
  type QueueConfig,
  type QueueEvent,
  type QueueState,
  type RecordEvent,
  type WaitHistory,
} from '@giliran/domain';
import type { Clock } from '../clock.ts';
import type { IdempotencyRecord, PendingCommit, QueueStore } from '../db/queue-store.ts';
import { HubError } from '../hub-error.ts';

const DAY_MS = 86_400_000;

/** Indonesian zones have whole-hour offsets and no daylight saving, so the local minute of day fixes midnight. */
function nextLocalMidnight(now: number, timeZone: string): number {
  const minuteStart = Math.floor(now / 60_000) * 60_000;
  return minuteStart - localTime(new Date(now).toISOString(), timeZone).minuteOfDay * 60_000 + DAY_MS;
}

interface Waiting {
  readonly entry: PendingCommit;
  readonly resolve: (ids: number[]) => void;
  readonly reject: (error: Error) => void;
}

/** A command decided and applied in memory; `eventIds` (its own, then its records') settles once on disk. */
export interface Decided {
  readonly events: readonly QueueEvent[];
  readonly eventIds: Promise<readonly number[]>;
}

/**
 * Holds the live state of today's queue, folded from today's events at start, and applies commands:
 * decide → applyInPlace → commit. If a commit fails the state is rebuilt from the database, which stays the single
 * source of truth.
 */
export class QueueEngine {
  private current: QueueState = initialState();
  private pending: Waiting[] = [];
  private closed = false;
  private day = '';
  /** Epoch ms of the next local midnight: checking it is cheaper than asking Intl for today's date each time. */
  private dayEndsAt = 0;
  private currentConfig: QueueConfig;
  private history: WaitHistory | undefined;
  private unstaffed: ReadonlySet<string> = new Set();
  private changes = 0;

  constructor(
    private readonly store: QueueStore,
    config: QueueConfig,
    private readonly clock: Clock,
  ) {
    this.currentConfig = config;
    this.hydrate(this.today());
  }

  get config(): QueueConfig {
    return this.currentConfig;
  }

  /**
   * Settings changed at run time (standards, late-service tiers, counters' services, hours): the next decision
   * uses them. Past events keep what was decided; the zone cannot change under a running day's numbering.
   */
  reconfigure(config: QueueConfig): void {
    if (config.timeZone !== this.currentConfig.timeZone)
      throw new Error('the time zone cannot change at run time');
    this.currentConfig = this.withEstimateInputs(config);
  }

  /** What the wait estimator learned from the stored day summaries; kept across reconfigurations. */
  useWaitHistory(history: WaitHistory): void {
    this.history = history;
    this.currentConfig = this.withEstimateInputs(this.currentConfig);
    this.changes += 1;
  }

  /** The counters nobody sits at (presence, after its grace): the wait estimate stops counting on them. */
  useUnstaffedCounters(counterIds: ReadonlySet<string>): void {
    this.unstaffed = counterIds;
    this.currentConfig = this.withEstimateInputs(this.currentConfig);
    this.changes += 1;
  }

  /** What the estimate learns outside the site file (history, presence) kept across a settings change. */
  private withEstimateInputs(config: QueueConfig): QueueConfig {
    return {
      ...config,
      ...(this.history ? { waitHistory: this.history } : {}),
      unstaffedCounters: this.unstaffed,
    };
  }

  /** Grows whenever the live state may have changed: caches of what is derived from it compare this. */
  get revision(): number {
    this.rollDay();
    return this.changes;
  }

  get state(): QueueState {
    this.rollDay();
    return this.current;
  }

  get serviceDay(): string {
    this.rollDay();
    return this.day;
  }

  /** When today's queue closes (local midnight, as an instant): an open page takes a new snapshot then. */
  get dayEndsAtIso(): string {
    this.rollDay();
    return new Date(this.dayEndsAt).toISOString();
  }

  nowIso(): string {
    return new Date(this.clock.now()).toISOString();
  }

  private today(): string {
    return serviceDayOf(this.nowIso(), this.config.timeZone);
  }

  private hydrate(day: string): void {
    const state = initialState();
    fold(this.store.openCompensationsBefore(day), state);
    fold(this.store.eventsOfDay(day), state);
    state.serviceDay = day;
    this.current = state;
    this.changes += 1;
    this.day = day;
    this.dayEndsAt = nextLocalMidnight(this.clock.now(), this.config.timeZone);
  }

  /** At local midnight yesterday's queue closes: tickets still waiting stay in history, numbering restarts. */
  private rollDay(): void {
    const now = this.clock.now();
    if (now < this.dayEndsAt && now >= this.dayEndsAt - DAY_MS) return;
    const today = this.today();
    if (today !== this.day) {
      this.flush(); // what was decided yesterday is committed as yesterday's
      this.hydrate(today);
    } else this.dayEndsAt = nextLocalMidnight(now, this.config.timeZone);
  }

  /**
   * Decides and applies a command at once, so the next command sees its effect, but acknowledges it only once
   * it is on disk. Commands that arrive in the same turn of the event loop share one transaction and one fsync
   * (group commit): durability per command is unchanged, the disk is asked once instead of N times.
   * `idempotency` is built from the decided events (which ticket was called) and committed with them.
   */
  execute(
    command: QueueCommand,
    idempotency: ((events: readonly QueueEvent[]) => IdempotencyRecord) | null = null,
    records: readonly RecordEvent[] = [],
  ): Decided {
    if (this.closed) throw new HubError('INTERNAL');
    this.rollDay();
    // A command stamped just before local midnight must not be decided against the new day's queue.
    if (serviceDayOf(command.now, this.config.timeZone) !== this.day)
      throw new HubError('INVALID_TRANSITION');
    let events: QueueEvent[];
    try {
      events = decide(command, this.current, this.config);
    } catch (error) {
      if (error instanceof DomainError) throw new HubError(error.code);
      throw error;
    }
    if (events.length > 0) this.changes += 1;
    try {
      for (const event of events) applyInPlace(this.current, event);
    } catch (error) {
      // Memory now holds a half-applied command: nothing of it, or of what waits with it, may reach the disk.
      // None of those commands was answered yet, so each caller gets the error; memory is rebuilt from the file.
      const failure = error instanceof Error ? error : new Error(String(error));
      this.failPending(failure);
      this.rebuild();
      throw failure;
    }
    const eventIds = new Promise<readonly number[]>((resolve, reject) => {
      this.pending.push({
        entry: {
          events,
          idempotency: idempotency ? idempotency(events) : null,
          now: command.now,
          ...(records.length > 0 ? { records } : {}),
        },
        resolve,
        reject,
      });
      if (this.pending.length === 1)
        setImmediate(() => {
          this.flush();
        });
    });
    return { events, eventIds };
  }

  /** Commits what waits now; also called on shutdown so nothing decided is left behind. */
  flush(): void {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    let ids: number[][];
    try {
      ids = this.store.commit(
        batch.map((p) => p.entry),
        this.current,
        this.day,
      );
    } catch (error) {
      // Nothing of the batch reached the disk: tell every waiting caller, then forget it in memory too.
      for (const p of batch) p.reject(error instanceof Error ? error : new Error(String(error)));
      this.rebuild();
      return;
    }
    batch.forEach((p, i) => {
      p.resolve(ids[i] ?? []);
    });
  }

  private failPending(error: Error): void {
    const batch = this.pending;
    this.pending = [];
    for (const p of batch) p.reject(error);
  }

  /** Back to what the file says; if even that fails the engine refuses all further commands rather than guess. */
  private rebuild(): void {
    try {
      this.hydrate(this.day);
    } catch {
      this.closed = true;
    }
  }

  /** Commits what waits and takes no more commands: called before the database is closed. */
  close(): void {
    this.flush();
    this.closed = true;
  }
}
