import type { QueueCommand, QueueConfig, QueueEvent, QueueState } from '@giliran/domain';
import type { CommandName, CommandPayload, Role } from '@giliran/protocol';
import type { Actor } from '../auth/actor.ts';
import { MANAGERS } from '../auth/roles.ts';

/** What a command's answer is built from; a replayed request (same idempotency key) rebuilds it from the same ref. */
export type ResultKind = 'issued' | 'ticket' | 'ticket-or-none' | 'counter' | 'compensation';

export interface CommandContext {
  readonly actor: Actor;
  readonly now: string;
  readonly state: QueueState;
  readonly config: QueueConfig;
  readonly newId: () => string;
  readonly newCode: () => string;
}

export interface CommandSpec<K extends CommandName> {
  readonly roles: readonly Role[];
  /** For officers and kiosks: whether the payload concerns their own counter or ticket (403 otherwise). */
  readonly owns: (payload: CommandPayload<K>, ctx: CommandContext) => boolean;
  readonly toCommand: (payload: CommandPayload<K>, ctx: CommandContext) => QueueCommand;
  readonly result: ResultKind;
  readonly ref: (
    payload: CommandPayload<K>,
    events: readonly QueueEvent[],
    command: QueueCommand,
  ) => string | null;
}

const COUNTER_STAFF: readonly Role[] = ['officer', ...MANAGERS];
const FLOOR_STAFF: readonly Role[] = ['officer', 'fo', ...MANAGERS];

const atOwnCounter = (p: { counterId: string }, ctx: CommandContext): boolean =>
  p.counterId === ctx.actor.counterId;

/** An officer may act on the ticket at their desk, or on a waiting (or no-show) one their counter serves. */
function ticketNearOfficer(p: { ticketId: string }, ctx: CommandContext): boolean {
  const ticket = ctx.state.tickets.get(p.ticketId);
  if (!ticket) return true; // let the domain answer 404 rather than leak existence through 403
  if (ticket.counterId !== null && ticket.counterId === ctx.actor.counterId) return true;
  const atDesk = ticket.status === 'called' || ticket.status === 'serving';
  const counter = ctx.config.counters.find((c) => c.id === ctx.actor.counterId);
  return !atDesk && counter !== undefined && counter.serviceIds.includes(ticket.serviceId);
}

/** Cancel and transfer: an officer only the ticket called or served at their own counter (FO and MOD any). */
function ticketAtOfficerDesk(p: { ticketId: string }, ctx: CommandContext): boolean {
  const ticket = ctx.state.tickets.get(p.ticketId);
  if (!ticket) return true; // let the domain answer 404 rather than leak existence through 403
  const atDesk = ticket.status === 'called' || ticket.status === 'serving';
  return atDesk && ticket.counterId !== null && ticket.counterId === ctx.actor.counterId;
}

/**
 * The domain's own rule (packages/domain decide.ts) behind `ticketAtOfficerDesk`: an officer asks from their counter
 * (an officer without one holds no ticket, hence ''); floor staff from none.
 */
const deskOf = (ctx: CommandContext): string | null =>
  ctx.actor.role === 'officer' ? (ctx.actor.counterId ?? '') : null;

const base = (ctx: CommandContext) => ({ now: ctx.now, by: ctx.actor.id });

const ticketRef = (p: { ticketId: string }): string => p.ticketId;

type Table = { readonly [K in CommandName]: CommandSpec<K> };

export const COMMAND_TABLE: Table = {
  'ticket:issue': {
    roles: ['kiosk', 'fo', ...MANAGERS],
    owns: () => true,
    toCommand: (p, ctx) => ({
      type: 'IssueTicket',
      ...base(ctx),
      ticketId: ctx.newId(),
      code: ctx.newCode(),
      serviceId: p.serviceId,
      priority: p.priority ?? null,
      channel: ctx.actor.role === 'kiosk' ? 'kiosk' : ctx.actor.role === 'fo' ? 'fo' : 'mod',
    }),
    result: 'issued',
    ref: (_p, _e, command) => (command.type === 'IssueTicket' ? command.ticketId : null),
  },
  'counter:call-next': {
    roles: COUNTER_STAFF,
    owns: atOwnCounter,
    toCommand: (p, ctx) => ({ type: 'CallNext', ...base(ctx), counterId: p.counterId }),
    result: 'ticket-or-none',
    ref: (_p, events) => events.find((e) => e.type === 'ticket:called')?.ticketId ?? null,
  },
  'counter:call-ticket': {
    roles: COUNTER_STAFF,
    owns: atOwnCounter,
    toCommand: (p, ctx) => ({
      type: 'CallTicket',
      ...base(ctx),
      counterId: p.counterId,
      ticketId: p.ticketId,
    }),
    result: 'ticket',
    ref: ticketRef,
  },
  'counter:recall': {
    roles: COUNTER_STAFF,
    owns: atOwnCounter,
    toCommand: (p, ctx) => ({ type: 'Recall', ...base(ctx), counterId: p.counterId }),
    result: 'ticket',
    ref: (_p, events) => events.find((e) => e.type === 'ticket:recalled')?.ticketId ?? null,
  },
  'counter:pause': {
    roles: COUNTER_STAFF,
    owns: atOwnCounter,
    toCommand: (p, ctx) => ({ type: 'PauseCounter', ...base(ctx), counterId: p.counterId, reason: p.reason }),
    result: 'counter',
    ref: (p) => p.counterId,
  },
  'counter:resume': {
    roles: COUNTER_STAFF,
    owns: atOwnCounter,
    toCommand: (p, ctx) => ({ type: 'ResumeCounter', ...base(ctx), counterId: p.counterId }),
    result: 'counter',
    ref: (p) => p.counterId,
  },
  'ticket:step': {
    roles: COUNTER_STAFF,
    owns: ticketNearOfficer,
    toCommand: (p, ctx) => ({ type: 'AdvanceStep', ...base(ctx), ticketId: p.ticketId }),
    result: 'ticket',
    ref: ticketRef,
  },
  'ticket:finish': {
    roles: COUNTER_STAFF,
    owns: ticketNearOfficer,
    toCommand: (p, ctx) => ({
      type: 'FinishTicket',
      ...base(ctx),
      ticketId: p.ticketId,
      outcome: p.outcome ?? 'completed',
    }),
    result: 'ticket',
    ref: ticketRef,
  },
  'ticket:no-show': {
    roles: COUNTER_STAFF,
    owns: ticketNearOfficer,
    toCommand: (p, ctx) => ({ type: 'MarkNoShow', ...base(ctx), ticketId: p.ticketId }),
    result: 'ticket',
    ref: ticketRef,
  },
  'ticket:reactivate': {
    roles: FLOOR_STAFF,
    owns: ticketNearOfficer,
    toCommand: (p, ctx) => ({ type: 'Reactivate', ...base(ctx), ticketId: p.ticketId }),
    result: 'ticket',
    ref: ticketRef,
  },
  'ticket:transfer': {
    roles: FLOOR_STAFF,
    owns: ticketAtOfficerDesk,
    toCommand: (p, ctx) => ({
      type: 'TransferTicket',
      ...base(ctx),
      ticketId: p.ticketId,
      serviceId: p.serviceId,
      deskCounterId: deskOf(ctx),
    }),
    result: 'ticket',
    ref: ticketRef,
  },
  'ticket:cancel': {
    roles: FLOOR_STAFF,
    owns: ticketAtOfficerDesk,
    toCommand: (p, ctx) => ({
      type: 'CancelTicket',
      ...base(ctx),
      ticketId: p.ticketId,
      deskCounterId: deskOf(ctx),
    }),
    result: 'ticket',
    ref: ticketRef,
  },
  'ticket:print-result': {
    roles: ['kiosk', 'fo', ...MANAGERS],
    owns: (p, ctx) => {
      const ticket = ctx.state.tickets.get(p.ticketId);
      return !ticket || ticket.issuedBy === ctx.actor.id;
    },
    toCommand: (p, ctx) => ({
      type: 'RecordPrint',
      ...base(ctx),
      ticketId: p.ticketId,
      ok: p.ok,
      reason: p.reason ?? null,
    }),
    result: 'ticket',
    ref: ticketRef,
  },
  'compensation:raise': {
    roles: MANAGERS,
    owns: () => false,
    toCommand: (p, ctx) => ({
      type: 'RaiseCompensation',
      ...base(ctx),
      compensationId: ctx.newId(),
      kind: p.kind,
      ticketId: p.ticketId ?? null,
      counterId: p.counterId ?? null,
      note: p.note ?? null,
    }),
    result: 'compensation',
    ref: (_p, _e, command) => (command.type === 'RaiseCompensation' ? command.compensationId : null),
  },
  'compensation:resolve': {
    roles: ['officer', ...MANAGERS],
    // The officer who served the late ticket records the apology and drink given at the desk.
    owns: (p, ctx) => {
      const record = ctx.state.compensations.get(p.compensationId);
      const ticket = record?.ticketId ? ctx.state.tickets.get(record.ticketId) : undefined;
      return (
        record?.kind === 'late_service' &&
        ticket?.counterId === ctx.actor.counterId &&
        ticket.counterId !== null
      );
    },
    toCommand: (p, ctx) => ({
      type: 'ResolveCompensation',
      ...base(ctx),
      compensationId: p.compensationId,
      remedyGiven: p.remedyGiven,
      officerConsequence: p.officerConsequence ?? 'none',
      note: p.note ?? null,
    }),
    result: 'compensation',
    ref: (p) => p.compensationId,
  },
};
