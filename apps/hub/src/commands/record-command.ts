import type { ChangedBy, RecordEvent } from '@giliran/domain';
import type { z } from 'zod';
import type { Actor } from '../auth/actor.ts';

/** What a feature command is decided with: the hub's clock, today's service day and fresh ids, passed in. */
export interface RecordContext {
  readonly actor: Actor;
  readonly now: string;
  readonly serviceDay: string;
  readonly newId: () => string;
  readonly newCode: () => string;
  /** `now` and the actor as every change records them. */
  readonly by: ChangedBy;
}

export interface RecordDecision {
  readonly events: readonly RecordEvent[];
  /** What the answer is rebuilt from, now and when a retry with the same key replays it. */
  readonly ref: string;
  /** Writes in the same transaction that are not projections of the log (sessions a change ends). */
  readonly alongside?: () => void;
}

/**
 * A command of a feature besides the live queue (complaints, the survey, the report chain, settings, accounts,
 * the calendar). It takes the bus's one path: allowed → schema → own → (prepare) → decide → one transaction →
 * answer → broadcast. `decide` loads what the feature's pure domain rule rests on and calls it; it runs in the
 * same synchronous turn as the commit, so nothing can change in between.
 */
export interface RecordCommand<P, R, X = undefined> {
  /** The name its idempotency records carry: a key reused for another command is a conflict. */
  readonly name: string;
  readonly allowed: (actor: Actor) => boolean;
  readonly schema: z.ZodType<P>;
  /** Slow work that must not run inside the commit (hashing a PIN); its result goes to `decide`. */
  readonly prepare?: (payload: P) => Promise<X>;
  readonly decide: (payload: P, ctx: RecordContext, prepared: X) => RecordDecision;
  readonly answer: (ref: string, actor: Actor) => R;
  /** A replayed key must be for the same target (the same complaint, the same step). */
  readonly sameTarget?: (payload: P, ref: string) => boolean;
  /** In-memory consequences once committed, before the answer (the live site, alarms). */
  readonly applied?: (events: readonly RecordEvent[], ctx: RecordContext, payload: P) => void | Promise<void>;
}
