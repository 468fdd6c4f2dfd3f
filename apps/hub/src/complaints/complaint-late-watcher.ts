import { clockText } from '@giliran/protocol/clock-text';
import { localTime } from '@giliran/domain';
import type { Logger } from 'pino';
import { SYSTEM } from '../auth/actor.ts';
import type { Clock } from '../clock.ts';
import type { CommandBus } from '../commands/command-bus.ts';
import type { QueueEngine } from '../commands/queue-engine.ts';
import type { QueueStore } from '../db/queue-store.ts';
import type { ComplaintRow, ComplaintStore } from './complaint-store.ts';
import { registerNo } from './complaint-views.ts';

// Wake at least hourly so a jump of the PC's clock is noticed; retry a failed raise a minute later.
const MAX_SLEEP_MS = 60 * 60_000;
const RETRY_MS = 60_000;

export interface LateWatcherDeps {
  readonly store: ComplaintStore;
  readonly bus: CommandBus;
  readonly engine: QueueEngine;
  readonly queueStore: QueueStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly timeZone: string;
}

/** The key of the one compensation a complaint may raise; it lives in the idempotency table with its result. */
export const lateKey = (complaintId: string): string => `complaint-late:${complaintId}`;

/**
 * Raises the complaint_late compensation (SK 108/2024) when a complaint's deadline passes unanswered: sleeps until
 * the earliest deadline, like the late-service scheduler, and on start raises what fell due while the hub was down.
 * Once per complaint: the command carries an idempotency key per complaint, so even a crash between raising and
 * marking the complaint replays the same compensation instead of raising a second.
 */
export class ComplaintLateWatcher {
  private cancel: (() => void) | null = null;
  private readonly inFlight = new Set<string>();
  private stopped = false;

  constructor(private readonly deps: LateWatcherDeps) {}

  /** Raises every complaint due now, then sleeps until the next deadline. */
  async raiseDue(): Promise<void> {
    const now = this.deps.engine.nowIso();
    // Started here, in the timer's turn: the command is stamped with this instant, the deadline itself.
    const work = this.deps.store
      .dueBy(now)
      .filter((row) => !this.inFlight.has(row.id))
      .map((row) => this.raise(row));
    // Armed in the same turn, before awaiting the commits: a clock that jumps (or a test's manual clock) finds
    // the next alarm already set. What is raised now is due, so the next deadline is strictly after `now`.
    this.arm();
    const outcomes = await Promise.all(work);
    if (outcomes.includes(false)) this.arm(true);
  }

  stop(): void {
    this.stopped = true;
    this.cancel?.();
  }

  private async raise(row: ComplaintRow): Promise<boolean> {
    const { bus, engine, queueStore } = this.deps;
    this.inFlight.add(row.id);
    const at = engine.nowIso();
    try {
      const key = lateKey(row.id);
      // Raised before a restart or on an earlier day: the bus could not rebuild that answer, the id is enough.
      const earlier = queueStore.findIdempotency(SYSTEM.id, key)?.resultRef ?? null;
      const compensationId =
        earlier ??
        (
          await bus.execute(SYSTEM, 'compensation:raise', {
            kind: 'complaint_late',
            // Only a ticket of today's queue can be named; an older one stays in the note.
            ticketId:
              row.ticket_id !== null && engine.state.tickets.has(row.ticket_id) ? row.ticket_id : null,
            note: lateNote(row, this.deps.timeZone),
            idempotencyKey: key,
          })
        ).id;
      // Once per complaint: asked again now, in the same turn as the commit, after the raise's await.
      const current = this.deps.store.byId(row.id);
      if (current?.late_compensation_id === null)
        bus.commitSystem([
          { type: 'complaint:late-marked', complaintId: row.id, compensationId, status: current.status, at },
        ]);
      return true;
    } catch (error) {
      this.deps.logger.error({ err: error, complaintId: row.id }, 'raising a late complaint failed');
      return false;
    } finally {
      this.inFlight.delete(row.id);
    }
  }

  /** Sets the alarm for the next deadline; call again after anything that may move one earlier. */
  arm(retrySoon = false): void {
    this.cancel?.();
    this.cancel = null;
    if (this.stopped) return;
    const now = this.deps.clock.now();
    const next = this.deps.store.nextDeadlineAfter(new Date(now).toISOString());
    let at = now + MAX_SLEEP_MS;
    if (next !== null) at = Math.min(at, Date.parse(next));
    if (retrySoon) at = Math.min(at, now + RETRY_MS);
    this.cancel = this.deps.clock.setTimer(
      () => {
        void this.raiseDue();
      },
      Math.max(0, at - now),
    );
  }
}

/** What MOD reads on the compensation card: which complaint, and the deadline in the site's own time. */
function lateNote(row: ComplaintRow, timeZone: string): string {
  const local = localTime(row.deadline_at, timeZone);
  const clock = clockText(Math.floor(local.minuteOfDay / 60), local.minuteOfDay % 60);
  const deadline = row.deadline_day === null ? `${local.date} ${clock}` : `akhir hari ${row.deadline_day}`;
  const ticket = row.ticket_number ?? row.ticket_ref;
  return `Pengaduan ${registerNo(row)} (kode ${row.code.slice(0, 5)}-${row.code.slice(5)}) belum dijawab sampai tenggat ${deadline}.${ticket ? ` Tiket ${ticket}.` : ''}`;
}
