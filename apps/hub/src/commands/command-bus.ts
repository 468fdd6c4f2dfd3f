import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR, type HubEvent, type IssueTicket, type RecordEvent } from '@giliran/domain';
import {
  CommandPayloads,
  type CommandName,
  type CommandPayload,
  type CommandResults,
} from '@giliran/protocol';
import type { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import type { Clock } from '../clock.ts';
import { RateLimiter } from './rate-limiter.ts';
import { newTicketCode } from '../auth/secrets.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { QueueStore } from '../db/queue-store.ts';
import { HubError } from '../hub-error.ts';
import { codeFor } from '../auth/ticket-codes.ts';
import { compensationView, counterView, estimateView, issuedView, ticketView } from '../views/views.ts';
import { COMMAND_TABLE, type CommandContext, type CommandSpec, type ResultKind } from './command-table.ts';
import type { Decided, QueueEngine } from './queue-engine.ts';
import type { RecordCommand, RecordContext } from './record-command.ts';
import { toHubError } from './rule-errors.ts';
import { TableBody } from './table-body.ts';

export type CommittedListener = (events: readonly { id: number; event: HubEvent }[]) => void;

export function validationError(error: z.ZodError): HubError {
  return new HubError(
    'VALIDATION_FAILED',
    error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  );
}

/**
 * The one parse-or-throw: a payload through its wire schema, or VALIDATION_FAILED naming the fields. A command's
 * body from the dispatcher (`TableBody`) opens only with the schema the command table names for it.
 */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value instanceof TableBody ? value.open(schema) : value);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

/** A caller without a token (the public forms) is told apart by its address: its keys are its own. */
export const publicCaller = (ip: string | undefined): string => `public:${ip ?? 'unknown'}`;

/**
 * The one pipeline every command goes through, whichever transport brought it:
 * authorise → validate → domain → persist (one transaction) → answer, then broadcast to listeners.
 */
export class CommandBus {
  private readonly listeners: CommittedListener[] = [];
  private readonly broadcasters: CommittedListener[] = [];
  private readonly unpublished: { id: number; event: HubEvent }[][] = [];
  private readonly inFlight = new Map<string, { readonly name: string; readonly result: Promise<unknown> }>();
  private readonly kioskIssues: RateLimiter;
  /** Tickets issued in this turn of the event loop, waiting for their shared QuoteWait. */
  private issueQuotes: { readonly batch: string[]; readonly done: Promise<void> } | null = null;

  constructor(
    private readonly engine: QueueEngine,
    private readonly store: QueueStore,
    private readonly site: SiteConfig,
    clock: Clock,
    private readonly onListenerError: (error: unknown) => void = () => undefined,
  ) {
    this.kioskIssues = new RateLimiter(site.kioskMaxTicketsPerMinute, 60_000, clock);
  }

  /** Told of committed events at once, before the caller is answered: the hub's own bookkeeping (deadline alarms). */
  onCommitted(listener: CommittedListener): void {
    this.listeners.push(listener);
  }

  /** Told of committed events after the caller is answered: what goes out to screens. */
  onBroadcast(listener: CommittedListener): void {
    this.broadcasters.push(listener);
  }

  async execute<K extends CommandName>(
    actor: Actor,
    name: K,
    rawPayload: unknown,
  ): Promise<CommandResults[K]> {
    const spec = COMMAND_TABLE[name] as CommandSpec<K>;
    if (!spec.roles.includes(actor.role)) throw new HubError('FORBIDDEN');
    const parsed = CommandPayloads[name].safeParse(rawPayload);
    if (!parsed.success) throw validationError(parsed.error);
    const payload = parsed.data as CommandPayload<K>;

    // The state first: reading it rolls the day over at local midnight, and `now` must not be older than that.
    const state = this.engine.state;
    const ctx: CommandContext = {
      actor,
      now: this.engine.nowIso(),
      state,
      config: this.engine.config,
      newId: randomUUID,
      newCode: newTicketCode,
    };
    this.requireToday(payload);
    const scoped = actor.role === 'officer' || actor.role === 'kiosk';
    if (scoped && !spec.owns(payload, ctx)) throw new HubError('FORBIDDEN');

    const key = payload.idempotencyKey;
    if (key === undefined) return this.run(actor, name, spec, payload, ctx);
    return this.once(
      actor.id,
      key,
      name,
      (ref) => this.resultOf(spec.result, ref, actor) as CommandResults[K],
      () => this.run(actor, name, spec, payload, ctx, key),
    );
  }

  /**
   * The one idempotency mechanism, keyed by caller and key: the first attempt runs; a retry while it waits for its
   * commit shares its answer; a retry after rebuilds the answer from the recorded ref; the same key for another
   * command is a conflict.
   */
  private async once<R>(
    caller: string,
    key: string,
    name: string,
    replay: (ref: string | null) => R,
    first: () => Promise<R>,
  ): Promise<R> {
    const slot = `${caller}\u0000${key}`;
    const inFlight = this.inFlight.get(slot);
    if (inFlight) {
      if (inFlight.name !== name) throw new HubError('IDEMPOTENCY_CONFLICT');
      return (await inFlight.result) as R;
    }
    const seen = this.store.findIdempotency(caller, key);
    if (seen && seen.command !== name) throw new HubError('IDEMPOTENCY_CONFLICT');
    if (seen) return replay(seen.resultRef);
    const result = first();
    this.inFlight.set(slot, { name, result });
    try {
      return await result;
    } finally {
      this.inFlight.delete(slot);
    }
  }

  /**
   * A feature's command (complaints, survey, report chain, settings, accounts, calendar) on the same path as the
   * queue's: allowed → schema → (prepare) → decide → one transaction with its events, rows and idempotency record →
   * in-memory consequences → answer → broadcast. `caller` keys its idempotency: the actor, or the public address.
   */
  async record<P, R, X>(
    actor: Actor,
    command: RecordCommand<P, R, X>,
    rawPayload: unknown,
    key?: string,
    caller: string = actor.id,
  ): Promise<R> {
    if (!command.allowed(actor)) throw new HubError('FORBIDDEN');
    const payload = parse(command.schema, rawPayload);
    if (key === undefined) return this.runRecord(actor, command, payload, caller);
    return this.once(
      caller,
      key,
      command.name,
      (ref) => {
        if (ref === null || (command.sameTarget && !command.sameTarget(payload, ref)))
          throw new HubError('IDEMPOTENCY_CONFLICT');
        return command.answer(ref, actor);
      },
      () => this.runRecord(actor, command, payload, caller, key),
    );
  }

  private async runRecord<P, R, X>(
    actor: Actor,
    command: RecordCommand<P, R, X>,
    payload: P,
    caller: string,
    key?: string,
  ): Promise<R> {
    const prepared = (command.prepare ? await command.prepare(payload) : undefined) as X;
    const serviceDay = this.engine.serviceDay;
    const now = this.engine.nowIso();
    const ctx: RecordContext = {
      actor,
      now,
      serviceDay,
      newId: randomUUID,
      newCode: newTicketCode,
      by: { at: now, by: actor.id, byRole: actor.role },
    };
    const decision = toHubError(() => command.decide(payload, ctx, prepared));
    // What the queue decided before this is committed first, so the log keeps the order things were decided in.
    this.engine.flush();
    const idempotency =
      key === undefined ? null : { actor: caller, key, command: command.name, resultRef: decision.ref };
    const ids = this.store.commitRecords(decision.events, serviceDay, idempotency, now, decision.alongside);
    this.publish(decision.events, ids);
    await command.applied?.(decision.events, ctx, payload);
    return command.answer(decision.ref, actor);
  }

  /** A feature's own bookkeeping (a complaint turned late, seeds from the site file) on the same commit path. */
  commitSystem(events: readonly RecordEvent[]): void {
    if (events.length === 0) return;
    this.engine.flush();
    const ids = this.store.commitRecords(events, this.engine.serviceDay, null, this.engine.nowIso());
    this.publish(events, ids);
  }

  private async run<K extends CommandName>(
    actor: Actor,
    name: K,
    spec: CommandSpec<K>,
    payload: CommandPayload<K>,
    ctx: CommandContext,
    key?: string,
  ): Promise<CommandResults[K]> {
    // A kiosk is a public touch screen: cap what one device can issue (a replayed key above does not count).
    if (name === 'ticket:issue' && actor.role === 'kiosk' && !this.kioskIssues.tryTake(actor.id)) {
      throw new HubError('RATE_LIMITED');
    }
    const command = spec.toCommand(payload, ctx);
    const decided = this.engine.execute(
      command,
      key === undefined
        ? null
        : (events) => ({
            actor: actor.id,
            key,
            command: name,
            resultRef: spec.ref(payload, events, command),
          }),
    );
    // The answer shows the queue right after this command, before later ones in the same group commit.
    const ref = spec.ref(payload, decided.events, command);
    const quoted = name === 'ticket:issue' && ref !== null ? this.quoteIssue(ref) : null;
    const result = this.resultOf(spec.result, ref, actor, quoted === null) as CommandResults[K];
    const ids = await decided.eventIds;
    this.publish(decided.events, ids);
    if (quoted && ref !== null) await quoted;
    // The ticket's count of who is ahead is as of its own issue; its wait is the promise logged for it.
    const promise = ref === null ? undefined : this.engine.state.quotes.get(ref);
    if (name !== 'ticket:issue' || !promise) return result;
    return { ...result, estimatedWaitMinutes: promise.minutes, estimate: estimateView(promise) };
  }

  /**
   * The wait shown on the kiosk and printed on the ticket is a promise: it is logged in the issue's own group commit,
   * so a ticket on disk always has the promise it was given. Issues of the same turn share one QuoteWait (decided in
   * a microtask, before the group commit's flush): one forecast for a burst of tickets, not one each.
   */
  private quoteIssue(ticketId: string): Promise<void> {
    if (this.issueQuotes === null) {
      const batch: string[] = [];
      const done = new Promise<void>((resolve) => {
        queueMicrotask(() => {
          this.issueQuotes = null;
          this.decideQuotes(batch);
          resolve();
        });
      });
      this.issueQuotes = { batch, done };
    }
    this.issueQuotes.batch.push(ticketId);
    return this.issueQuotes.done;
  }

  private decideQuotes(ticketIds: readonly string[]): void {
    let decided: Decided;
    try {
      const now = this.engine.nowIso();
      decided = this.engine.execute({
        type: 'QuoteWait',
        ticketIds,
        channel: 'issue',
        now,
        by: SYSTEM_ACTOR,
      });
    } catch (error) {
      // The tickets are issued whatever happens to their promise (a day rolling over between them): say so only.
      this.onListenerError(error);
      return;
    }
    // Published after the issues' own events (their continuations were queued first), so screens see log order.
    decided.eventIds.then(
      (ids) => {
        this.publish(decided.events, ids);
      },
      (error: unknown) => {
        this.onListenerError(error);
      },
    );
  }

  /**
   * A ticket issued with another feature's events that rest on it (a booking checked in becomes this ticket): one
   * transaction, committed before this turn ends, so a second check-in of the same booking already reads it as
   * used. `decide` runs first and may refuse; nothing is applied then.
   */
  async issueWith(
    actor: Actor,
    name: string,
    decide: (ctx: RecordContext) => {
      readonly command: IssueTicket;
      readonly records: readonly RecordEvent[];
    },
    key?: string,
  ): Promise<CommandResults['ticket:issue']> {
    const answer = (ref: string | null) =>
      this.resultOf('issued', ref, actor) as CommandResults['ticket:issue'];
    const first = async () => {
      const now = this.engine.nowIso();
      const ctx: RecordContext = {
        actor,
        now,
        serviceDay: this.engine.serviceDay,
        newId: randomUUID,
        newCode: newTicketCode,
        by: { at: now, by: actor.id, byRole: actor.role },
      };
      const { command, records } = toHubError(() => decide(ctx));
      const idempotency =
        key === undefined
          ? null
          : () => ({ actor: actor.id, key, command: name, resultRef: command.ticketId });
      const decided = this.engine.execute(command, idempotency, records);
      this.engine.flush();
      const ids = await decided.eventIds;
      const result = answer(command.ticketId);
      this.publish([...decided.events, ...records], ids);
      return result;
    };
    return key === undefined ? first() : this.once(actor.id, key, name, answer, first);
  }

  /** Internal commands (the deadline scheduler) go through the same domain and persistence path. */
  async executeSystem(command: Parameters<QueueEngine['execute']>[0]): Promise<void> {
    const decided = this.engine.execute(command);
    this.publish(decided.events, await decided.eventIds);
  }

  /**
   * Acknowledge, then broadcast: bookkeeping listeners hear the events now, before the answer; the caller's answer
   * is written in this turn's continuations; broadcasters hear the events at the next turn of the event loop, in
   * commit order. The officer who pressed waits for nobody's screens.
   */
  private publish(events: readonly HubEvent[], ids: readonly number[]): void {
    if (events.length === 0) return;
    const batch = events.map((event, i) => ({ id: ids[i] ?? 0, event }));
    this.tell(this.listeners, batch);
    this.unpublished.push(batch);
    if (this.unpublished.length === 1)
      setImmediate(() => {
        for (const waiting of this.unpublished.splice(0)) this.tell(this.broadcasters, waiting);
      });
  }

  /** The events are committed (and maybe answered): a failing listener is reported, it cannot undo them. */
  private tell(
    listeners: readonly CommittedListener[],
    batch: readonly { id: number; event: HubEvent }[],
  ): void {
    for (const listener of listeners) {
      try {
        listener(batch);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  /** A ticket of an earlier day is history: say so instead of "not found". */
  private requireToday(payload: object): void {
    if (!('ticketId' in payload) || typeof payload.ticketId !== 'string') return;
    if (this.engine.state.tickets.has(payload.ticketId)) return;
    if (this.store.ticketRow(payload.ticketId)) throw new HubError('TICKET_NOT_TODAY');
  }

  /**
   * The answer as the asker may see it: an officer's carries no ticket code (ticket-codes.ts). `estimate` false: an
   * issued ticket's wait is filled in by the caller from the promise about to be logged.
   */
  private resultOf(kind: ResultKind, ref: string | null, actor: Actor, estimate = true): unknown {
    const { state, config } = this.engine;
    if (kind === 'counter') return counterView(this.site, ref ?? '', state);
    if (kind === 'compensation') {
      const record = ref === null ? undefined : state.compensations.get(ref);
      if (!record) throw new HubError('COMPENSATION_NOT_FOUND');
      return compensationView(record);
    }
    const ticket = ref === null ? undefined : state.tickets.get(ref);
    if (!ticket) {
      if (kind === 'ticket-or-none') return null;
      throw new HubError('TICKET_NOT_FOUND');
    }
    return codeFor(
      kind === 'issued'
        ? issuedView(ticket, state, config, this.engine.nowIso(), estimate)
        : ticketView(ticket, config, this.engine.nowIso()),
      actor,
    );
  }
}
