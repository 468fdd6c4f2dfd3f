import {
  decide,
  DomainError,
  evolve,
  fold,
  initialState,
  serviceDayOf,
  type QueueCommand,
  type QueueConfig,
  type QueueEvent,
  type QueueState,
} from '@giliran/domain';
import type { Clock } from '../clock.ts';
import type { IdempotencyRecord, QueueStore } from '../db/queue-store.ts';
import { HubError } from '../hub-error.ts';

export interface Committed {
  readonly events: readonly QueueEvent[];
  readonly eventIds: readonly number[];
}

/**
 * Holds the live state of today's queue, folded from today's events at start, and applies commands:
 * decide → evolve → commit in one transaction. If the commit fails the state is rebuilt from the database,
 * which stays the single source of truth.
 */
export class QueueEngine {
  private current: QueueState = initialState();
  private day = '';

  constructor(
    private readonly store: QueueStore,
    readonly config: QueueConfig,
    private readonly clock: Clock,
  ) {
    this.hydrate(this.today());
  }

  get state(): QueueState {
    this.rollDay();
    return this.current;
  }

  get serviceDay(): string {
    this.rollDay();
    return this.day;
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
    this.day = day;
  }

  /** At local midnight yesterday's queue closes: tickets still waiting stay in history, numbering restarts. */
  private rollDay(): void {
    const today = this.today();
    if (today !== this.day) this.hydrate(today);
  }

  /** `idempotency` is built from the decided events (which ticket was called) and committed with them. */
  execute(
    command: QueueCommand,
    idempotency: ((events: readonly QueueEvent[]) => IdempotencyRecord) | null = null,
  ): Committed {
    this.rollDay();
    let events: QueueEvent[];
    try {
      events = decide(command, this.current, this.config);
    } catch (error) {
      if (error instanceof DomainError) throw new HubError(error.code);
      throw error;
    }
    try {
      for (const event of events) evolve(this.current, event);
      const eventIds = this.store.commit(
        events,
        this.current,
        this.day,
        idempotency ? idempotency(events) : null,
        command.now,
      );
      return { events, eventIds };
    } catch (error) {
      this.hydrate(this.day);
      throw error;
    }
  }
}
