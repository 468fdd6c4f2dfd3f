// The 40 officers of the simulated day: what each desk does next, as one command and what its answer means to the
// ledger. A desk is idle (calls when the ledger says someone waits), paused (its break) or holding a citizen, whom
// it recalls and marks a no-show, or steps through SOP 4–8 and finishes, transfers or turns away, by their fate.
import type { SiteConfig } from '../../apps/hub/src/index.ts';
import { send, type Hall, type HubSocket } from './load-clients.ts';
import { lateAfterMs } from './load-expected.ts';
import type { Ledger } from './load-ledger.ts';
import { between, type DayPlan, type Fate, type PlannedTicket, type Random } from './load-plan.ts';

const BREAK_MS = 30 * 60_000;
/** Breaks (istirahat, sholat) from 11:30 in four waves of half an hour, a quarter of the desks at a time. */
const FIRST_BREAK_AFTER_OPENING_MS = 4 * 60 * 60_000;
const SERVED: Fate = { kind: 'served', outcome: 'completed' };

export interface Desk {
  readonly counterId: string;
  readonly services: readonly string[];
  readonly officer: string;
  readonly socket: HubSocket;
  state: 'idle' | 'paused' | 'holding';
  /** When the desk acts next (idle: the earliest it calls again). */
  readyAt: number;
  ticket: PlannedTicket | null;
  ticketId: string;
  /** The citizen's fate at this desk: after a transfer, or once a would-be leaver is called, simply served. */
  fate: Fate;
  steps: number;
  recalled: boolean;
  readonly breakAt: number;
  breakTaken: boolean;
  idleCalls: number;
}

/** One command to send in a tick, and what its answer means to the simulation. */
export interface Action {
  readonly client: string;
  readonly run: () => Promise<void>;
  /** It puts a ticket (back) in a queue: it must be answered before any desk calls in the same instant. */
  readonly feedsQueue?: boolean;
}

export interface DeskContext {
  readonly ledger: Ledger;
  readonly hall: Hall;
  readonly site: SiteConfig;
  readonly random: Random;
  /** The plan of each issued ticket, by the id the hub gave it. */
  readonly planOf: ReadonlyMap<string, PlannedTicket>;
  /** After "nothing waits" from the hub, when to try again. */
  readonly retryMs: number;
  key(client: string): string;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function openDesks(site: SiteConfig, hall: Hall, plan: DayPlan): Desk[] {
  return site.counters.map((c, i) => {
    const desk = hall.desks.get(c.id);
    if (!desk) throw new Error(`no officer signed in at ${c.id}`);
    return {
      counterId: c.id,
      services: c.serviceIds,
      officer: desk.officer,
      socket: desk.socket,
      state: 'idle',
      readyAt: plan.opensAt,
      ticket: null,
      ticketId: '',
      fate: SERVED,
      steps: 0,
      recalled: false,
      breakAt: plan.opensAt + FIRST_BREAK_AFTER_OPENING_MS + (i % 4) * BREAK_MS,
      breakTaken: false,
      idleCalls: 0,
    };
  });
}

function release(ctx: DeskContext, desk: Desk, now: number): void {
  desk.state = 'idle';
  desk.ticket = null;
  desk.readyAt = now + between(ctx.random, 2, 20);
}

/** What the officer does next with the citizen at the desk, by the citizen's fate and the steps done. */
export function holdingAction(ctx: DeskContext, desk: Desk, now: number): Action {
  const { ledger } = ctx;
  const { ticketId, fate, socket, counterId, officer } = desk;
  const client = `desk-${counterId}`;
  const planned = desk.ticket;
  if (!planned) throw new Error(`${counterId} holds no planned ticket`);
  const key = () => ctx.key(client);
  const command = <T>(body: () => Promise<T>, after: () => void): Action => ({
    client,
    run: async () => {
      await body();
      after();
    },
  });
  if (fate.kind === 'no-show') {
    if (!desk.recalled)
      return command(
        () => send(socket, 'counter:recall', { counterId, idempotencyKey: key() }),
        () => {
          ledger.recalled(ticketId, counterId);
          desk.recalled = true;
          desk.readyAt = now + fate.noShowAfterMs;
        },
      );
    return command(
      () => send(socket, 'ticket:no-show', { ticketId, idempotencyKey: key() }),
      () => {
        ledger.noShow(ticketId, officer);
        release(ctx, desk, now);
      },
    );
  }
  if (fate.kind === 'transfer' && desk.steps === 1) {
    const serviceId = fate.toServiceId;
    return {
      ...command(
        () => send(socket, 'ticket:transfer', { ticketId, serviceId, idempotencyKey: key() }),
        () => {
          ledger.transferred(ticketId, serviceId, officer);
          release(ctx, desk, now);
        },
      ),
      feedsQueue: true,
    };
  }
  if (fate.kind === 'desk-cancel' && desk.steps === fate.afterSteps)
    return command(
      () => send(socket, 'ticket:cancel', { ticketId, idempotencyKey: key() }),
      () => {
        ledger.cancelled(ticketId, now);
        release(ctx, desk, now);
      },
    );
  if (desk.steps === 5) {
    const outcome = fate.kind === 'served' ? fate.outcome : 'completed';
    return command(
      () => send(socket, 'ticket:finish', { ticketId, outcome, idempotencyKey: key() }),
      () => {
        ledger.finished(ticketId, officer, outcome, now);
        release(ctx, desk, now);
      },
    );
  }
  return command(
    () => send(socket, 'ticket:step', { ticketId, idempotencyKey: key() }),
    () => {
      ledger.stepped(ticketId, now);
      desk.readyAt = now + (planned.stepMs[desk.steps] ?? 0);
      desk.steps += 1;
    },
  );
}

/**
 * A citizen owed late service sits down: the officer gives the apology and drink and records it, as the counter
 * page's banner asks, beside the first step. The hub must have told staff already, exactly when the ledger's own
 * clock says the wait passed the threshold, and never otherwise.
 */
export function apologyAction(ctx: DeskContext, desk: Desk): Action | null {
  const { ticketId, socket, counterId } = desk;
  const ticket = ctx.ledger.tickets.get(ticketId);
  if (!ticket || ticket.firstCalledAt === null || ticket.apologised) return null;
  if (desk.steps !== 0 || desk.fate.kind === 'no-show') return null;
  const owed = ticket.firstCalledAt - ticket.issuedAt >= lateAfterMs(ctx.site, ticket.issuedFor);
  const compensationId = ctx.hall.lateRaised.get(ticketId);
  if (owed !== (compensationId !== undefined))
    throw new Error(
      `${ticket.number}: owed late service ${owed}, staff told ${compensationId !== undefined}`,
    );
  if (compensationId === undefined) return null;
  const client = `desk-${counterId}`;
  return {
    client,
    run: async () => {
      const remedyGiven = 'Permohonan maaf dan minuman gratis';
      await send(socket, 'compensation:resolve', {
        compensationId,
        remedyGiven,
        idempotencyKey: ctx.key(client),
      });
      ctx.ledger.apologised(ticketId);
    },
  };
}

function callAction(ctx: DeskContext, desk: Desk, now: number): Action {
  const { counterId, socket } = desk;
  const client = `desk-${counterId}`;
  return {
    client,
    run: async () => {
      const ticket = await send(socket, 'counter:call-next', { counterId, idempotencyKey: ctx.key(client) });
      if (ticket === null) {
        // Another desk of the same service took the last one in this instant: try again next tick.
        if (++desk.idleCalls > 1000) throw new Error(`${counterId}: the hub keeps saying nothing waits`);
        desk.readyAt = now + ctx.retryMs;
        return;
      }
      desk.idleCalls = 0;
      if (ticket.calledAt !== iso(now))
        throw new Error(`called at ${ticket.calledAt}, driver at ${iso(now)}`);
      const sim = ctx.ledger.called(ticket.id, counterId, now);
      if (!desk.services.includes(sim.serviceId))
        throw new Error(`${counterId} was given ${sim.number} of ${sim.serviceId}, which it does not serve`);
      const planned = ctx.planOf.get(ticket.id);
      if (!planned) throw new Error(`no plan for ${ticket.number}`);
      const fate = sim.transfers.length > 0 || planned.fate.kind === 'leave' ? SERVED : planned.fate;
      desk.state = 'holding';
      desk.ticket = planned;
      desk.ticketId = ticket.id;
      desk.fate = fate;
      desk.steps = 0;
      desk.recalled = false;
      desk.readyAt = now + (fate.kind === 'no-show' ? fate.recallAfterMs : planned.walkMs);
    },
  };
}

/** An idle or paused desk's next move; `available` counts who waits and is not yet claimed in this instant. */
export function deskAction(
  ctx: DeskContext,
  desk: Desk,
  now: number,
  available: Map<string, number>,
): Action | null {
  if (desk.state === 'holding' || desk.readyAt > now) return null;
  const { counterId, socket } = desk;
  const client = `desk-${counterId}`;
  if (desk.state === 'paused')
    return {
      client,
      run: async () => {
        await send(socket, 'counter:resume', { counterId });
        desk.state = 'idle';
      },
    };
  if (!desk.breakTaken && now >= desk.breakAt)
    return {
      client,
      run: async () => {
        await send(socket, 'counter:pause', { counterId, reason: 'istirahat' });
        desk.state = 'paused';
        desk.breakTaken = true;
        desk.readyAt = now + BREAK_MS;
      },
    };
  // Call only when the ledger says someone waits that no other desk has claimed in this instant.
  const service = desk.services.find((s) => (available.get(s) ?? 0) > 0);
  if (service === undefined) return null;
  available.set(service, (available.get(service) ?? 0) - 1);
  return callAction(ctx, desk, now);
}
