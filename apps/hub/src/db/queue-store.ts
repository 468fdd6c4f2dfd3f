import {
  eventTime,
  isQueueEvent,
  type CompensationState,
  type HubEvent,
  type RecordEvent,
  type CounterState,
  type QueueEvent,
  type QueueState,
  type TicketState,
} from '@giliran/domain';
import type { Db } from './database.ts';
import { sql } from './statements.ts';
import { ReportColumns } from './report-ticket-columns.ts';
import { projectRecord } from './record-projection.ts';

export interface IdempotencyRecord {
  readonly actor: string;
  readonly key: string;
  readonly command: string;
  readonly resultRef: string | null;
}

/** One decided command waiting for the next group commit. */
export interface PendingCommit {
  readonly events: readonly QueueEvent[];
  readonly idempotency: IdempotencyRecord | null;
  readonly now: string;
  /** Another feature's events decided with the command (a booking checked in as this ticket), after its own. */
  readonly records?: readonly RecordEvent[];
}

export interface TicketRow {
  id: string;
  code: string;
  service_day: string;
  number: string;
  seq: number;
  service_id: string;
  priority: string | null;
  channel: string;
  status: string;
  print_status: string;
  issued_by: string;
  counter_id: string | null;
  issued_at: string;
  first_called_at: string | null;
  called_at: string | null;
  finished_at: string | null;
  outcome: string | null;
  recalls: number;
  late_tier: number;
  steps: string;
}

interface CompensationRow {
  id: string;
  kind: string;
  ticket_id: string | null;
  counter_id: string | null;
  tier: number | null;
  remedy: string;
  officer_consequence: string;
  note: string | null;
  raised_at: string;
  raised_by: string;
  resolution: string | null;
}

/** Ids of the records an event touched: those rows are rewritten from the folded state in the same transaction. */
function touched(event: QueueEvent): { ticketId?: string; counterId?: string; compensationId?: string } {
  return {
    ...('ticketId' in event && event.ticketId !== null ? { ticketId: event.ticketId } : {}),
    ...('counterId' in event && event.counterId !== null ? { counterId: event.counterId } : {}),
    ...('compensationId' in event ? { compensationId: event.compensationId } : {}),
  };
}

/**
 * What else a feature writes in the transaction that appends events (the message outbox): it sees the events with
 * their ids and, for the queue's group commit, the state they were folded into.
 */
export type AppendHook = (
  events: readonly { id: number; event: HubEvent }[],
  state: QueueState | null,
) => void;

/** The hub's only writer: the append-only event log plus read-model tables, committed together. */
export class QueueStore {
  private readonly appendHooks: AppendHook[] = [];
  private readonly insertEvent;
  private readonly upsertTicket;
  private readonly upsertCounter;
  private readonly upsertCompensation;
  private readonly insertIdempotency;
  private readonly reportColumns;
  private readonly commitTx;
  private readonly recordTx;

  constructor(private readonly db: Db) {
    this.reportColumns = new ReportColumns(db);
    this.insertEvent = db.prepare<[string, string, string, string]>(
      'INSERT INTO events (service_day, type, at, payload) VALUES (?, ?, ?, ?)',
    );
    // Positional parameters, in TICKET_COLUMNS order: every issued ticket writes this row, and binding twenty
    // named parameters looks each one up on an object.
    this.upsertTicket = db.prepare<TicketParams>(`
      INSERT INTO tickets (${TICKET_COLUMNS.join(', ')})
      VALUES (${TICKET_COLUMNS.map(() => '?').join(', ')})
      ON CONFLICT (id) DO UPDATE SET service_id = excluded.service_id, status = excluded.status,
        print_status = excluded.print_status,
        counter_id = excluded.counter_id, first_called_at = excluded.first_called_at, called_at = excluded.called_at,
        finished_at = excluded.finished_at, outcome = excluded.outcome, recalls = excluded.recalls,
        late_tier = excluded.late_tier, steps = excluded.steps`);
    this.upsertCounter = db.prepare(`
      INSERT INTO counters (id, service_day, paused_reason, paused_since, active_ticket_id)
      VALUES (@id, @serviceDay, @pausedReason, @pausedSince, @activeTicketId)
      ON CONFLICT (id) DO UPDATE SET service_day = excluded.service_day, paused_reason = excluded.paused_reason,
        paused_since = excluded.paused_since, active_ticket_id = excluded.active_ticket_id`);
    this.upsertCompensation = db.prepare(`
      INSERT INTO compensations (id, service_day, kind, ticket_id, counter_id, tier, remedy, officer_consequence,
        note, raised_at, raised_by, resolved_at, resolution)
      VALUES (@id, @serviceDay, @kind, @ticketId, @counterId, @tier, @remedy, @officerConsequence,
        @note, @raisedAt, @raisedBy, @resolvedAt, @resolution)
      ON CONFLICT (id) DO UPDATE SET tier = excluded.tier, remedy = excluded.remedy,
        resolved_at = excluded.resolved_at, resolution = excluded.resolution`);
    this.insertIdempotency = db.prepare<[string, string, string, string | null, string]>(
      'INSERT INTO idempotency (actor, key, command, result_ref, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.commitTx = db.transaction(
      (batch: readonly PendingCommit[], state: QueueState, serviceDay: string) => {
        const appended: { id: number; event: HubEvent }[] = [];
        const ids = batch.map((entry) => {
          const ids: number[] = [];
          for (const event of entry.events) {
            const result = this.insertEvent.run(
              serviceDay,
              event.type,
              eventTime(event),
              JSON.stringify(event),
            );
            ids.push(Number(result.lastInsertRowid));
            appended.push({ id: Number(result.lastInsertRowid), event });
            this.writeTouched(event, state, serviceDay);
          }
          for (const event of entry.records ?? []) {
            const result = this.insertEvent.run(serviceDay, event.type, event.at, JSON.stringify(event));
            projectRecord(db, event);
            ids.push(Number(result.lastInsertRowid));
          }
          const idem = entry.idempotency;
          if (idem) this.insertIdempotency.run(idem.actor, idem.key, idem.command, idem.resultRef, entry.now);
          return ids;
        });
        this.runAppendHooks(appended, state);
        return ids;
      },
    );
    this.recordTx = db.transaction(
      (
        events: readonly RecordEvent[],
        serviceDay: string,
        idem: IdempotencyRecord | null,
        now: string,
        alongside?: () => void,
      ) => {
        const ids = events.map((event) => {
          const result = this.insertEvent.run(serviceDay, event.type, event.at, JSON.stringify(event));
          projectRecord(db, event);
          return Number(result.lastInsertRowid);
        });
        if (idem) this.insertIdempotency.run(idem.actor, idem.key, idem.command, idem.resultRef, now);
        alongside?.();
        this.runAppendHooks(
          events.map((event, i) => ({ id: ids[i] ?? 0, event })),
          null,
        );
        return ids;
      },
    );
  }

  /** Runs `hook` inside every transaction that appends events, after they and their rows are written. */
  onAppend(hook: AppendHook): void {
    this.appendHooks.push(hook);
  }

  private runAppendHooks(events: readonly { id: number; event: HubEvent }[], state: QueueState | null): void {
    if (events.length === 0) return;
    for (const hook of this.appendHooks) hook(events, state);
  }

  /** The queue's rows an event changes, from the state it was folded into: `db:rebuild` writes them so too. */
  projectQueue(event: QueueEvent, state: QueueState, serviceDay: string): void {
    this.writeTouched(event, state, serviceDay);
  }

  /**
   * Appends one command's events of a feature besides the queue (complaints, survey, report chain, settings,
   * accounts, calendar), writes the rows they change and its idempotency record in one transaction. `alongside`
   * runs in the same transaction for what is not a projection of the log (sessions a change ends).
   */
  commitRecords(
    events: readonly RecordEvent[],
    serviceDay: string,
    idempotency: IdempotencyRecord | null,
    now: string,
    alongside?: () => void,
  ): number[] {
    return this.recordTx(events, serviceDay, idempotency, now, alongside);
  }

  /**
   * Appends the events of a batch of commands and rewrites the rows they touched from `state` (already evolved),
   * in one transaction: one fsync for every command that arrived together. Returns each command's event ids.
   */
  commit(batch: readonly PendingCommit[], state: QueueState, serviceDay: string): number[][] {
    return this.commitTx(batch, state, serviceDay);
  }

  private writeTouched(event: QueueEvent, state: QueueState, serviceDay: string): void {
    const { ticketId, counterId, compensationId } = touched(event);
    const ticket = ticketId === undefined ? undefined : state.tickets.get(ticketId);
    if (ticket) this.upsertTicket.run(...ticketParams(ticket));
    this.reportColumns.record(event);
    const counter = counterId === undefined ? undefined : state.counters.get(counterId);
    if (counter) this.upsertCounter.run(counterParams(counter, serviceDay));
    const compensation = compensationId === undefined ? undefined : state.compensations.get(compensationId);
    if (compensation) this.upsertCompensation.run(compensationParams(compensation, serviceDay));
  }

  lastEventId(): number {
    const row = sql(this.db, 'SELECT MAX(id) AS id FROM events').get() as { id: number | null };
    return row.id ?? 0;
  }

  eventsOfDay(serviceDay: string): QueueEvent[] {
    const rows = sql(this.db, 'SELECT payload FROM events WHERE service_day = ? ORDER BY id').all(
      serviceDay,
    ) as { payload: string }[];
    // The log holds every feature's events; the live queue folds only its own.
    return rows.map((r) => JSON.parse(r.payload) as HubEvent).filter(isQueueEvent);
  }

  /** Compensations raised (and escalated) on earlier days and still open: they stay live until resolved. */
  openCompensationsBefore(serviceDay: string): QueueEvent[] {
    const rows = sql(
      this.db,
      `SELECT e.payload FROM compensations c
         JOIN events e ON e.type IN ('compensation:raised', 'compensation:escalated')
           AND json_extract(e.payload, '$.compensationId') = c.id
         WHERE c.resolved_at IS NULL AND c.service_day < ? ORDER BY e.id`,
    ).all(serviceDay) as { payload: string }[];
    return rows.map((r) => JSON.parse(r.payload) as QueueEvent);
  }

  eventsAfter(eventId: number, limit: number): { id: number; event: HubEvent }[] {
    const rows = sql(this.db, 'SELECT id, payload FROM events WHERE id > ? ORDER BY id LIMIT ?').all(
      eventId,
      limit,
    ) as { id: number; payload: string }[];
    return rows.map((r) => ({ id: r.id, event: JSON.parse(r.payload) as HubEvent }));
  }

  ticketRowByCode(code: string): TicketRow | undefined {
    return sql(this.db, 'SELECT * FROM tickets WHERE code = ?').get(code) as TicketRow | undefined;
  }

  ticketRow(id: string): TicketRow | undefined {
    return sql(this.db, 'SELECT * FROM tickets WHERE id = ?').get(id) as TicketRow | undefined;
  }

  compensationRows(openOnly: boolean, limit = 500): CompensationRow[] {
    const where = openOnly ? 'WHERE resolved_at IS NULL' : '';
    return sql(this.db, `SELECT * FROM compensations ${where} ORDER BY raised_at DESC LIMIT ?`).all(
      limit,
    ) as CompensationRow[];
  }

  findIdempotency(actor: string, key: string): IdempotencyRecord | undefined {
    const row = sql(
      this.db,
      'SELECT actor, key, command, result_ref AS resultRef FROM idempotency WHERE actor = ? AND key = ?',
    ).get(actor, key) as IdempotencyRecord | undefined;
    return row;
  }
}

const TICKET_COLUMNS = [
  'id',
  'code',
  'service_day',
  'number',
  'seq',
  'service_id',
  'priority',
  'channel',
  'status',
  'print_status',
  'counter_id',
  'issued_at',
  'issued_by',
  'first_called_at',
  'called_at',
  'finished_at',
  'outcome',
  'recalls',
  'late_tier',
  'steps',
] as const;

type TicketParams = [
  string,
  string,
  string,
  string,
  number,
  string,
  string | null,
  string,
  string,
  string,
  string | null,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  number,
  number,
  string,
];

function ticketParams(t: TicketState): TicketParams {
  return [
    t.id,
    t.code,
    t.serviceDay,
    t.number,
    t.seq,
    t.serviceId,
    t.priority,
    t.channel,
    t.status,
    t.printStatus,
    t.counterId,
    t.issuedAt,
    t.issuedBy,
    t.firstCalledAt,
    t.calledAt,
    t.finishedAt,
    t.outcome,
    t.recalls,
    t.lateTier,
    JSON.stringify(t.steps),
  ];
}

function counterParams(c: CounterState, serviceDay: string) {
  return {
    id: c.id,
    serviceDay,
    pausedReason: c.pausedReason,
    pausedSince: c.pausedSince,
    activeTicketId: c.activeTicketId,
  };
}

function compensationParams(c: CompensationState, serviceDay: string) {
  return {
    id: c.id,
    serviceDay,
    kind: c.kind,
    ticketId: c.ticketId,
    counterId: c.counterId,
    tier: c.tier,
    remedy: JSON.stringify(c.remedy),
    officerConsequence: c.officerConsequence,
    note: c.note,
    raisedAt: c.raisedAt,
    raisedBy: c.raisedBy,
    resolvedAt: c.resolution?.at ?? null,
    resolution: c.resolution ? JSON.stringify(c.resolution) : null,
  };
}

export type { CompensationRow };
