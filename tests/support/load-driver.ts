// Plays a DayPlan against a load hub as fast as it will go. Time is compressed in ticks: the driver moves the hub's
// clock to the next instant something is due (at least QUANTUM_MS on), then sends everything due then at once, as
// the hall's screens would, and waits for every answer before moving on, so each command is decided at the tick's
// instant and the ledger's times are the hub's.
import type { SiteConfig } from '../../apps/hub/src/index.ts';
import { send, type Hall } from './load-clients.ts';
import {
  apologyAction,
  deskAction,
  holdingAction,
  openDesks,
  type Action,
  type DeskContext,
} from './load-desks.ts';
import type { LoadHub } from './load-hub-process.ts';
import type { Ledger } from './load-ledger.ts';
import { seeded, type DayPlan, type PlannedTicket } from './load-plan.ts';

/**
 * The shortest step of the compressed clock. Each tick costs the hub a group commit and the driver a round trip,
 * so 10 s keeps a 3,000-ticket day to about 3,000 ticks; citizens' and officers' moves land on the next tick.
 */
const QUANTUM_MS = 10_000;
/** A day that has not emptied its queue by then is a driver or hub fault, not a long day. */
const LONGEST_DAY_MS = 16 * 60 * 60_000;

export interface DayStats {
  readonly ticks: number;
  readonly commands: number;
  readonly wallMs: number;
  /** From the first tick to the last on the hub's clock. */
  readonly simulatedMs: number;
  /** Per tick, per batch, which client sent a command: a baseline can replay exactly this traffic. */
  readonly traffic: readonly (readonly (readonly string[])[])[];
}

export async function runDay(
  hub: LoadHub,
  hall: Hall,
  plan: DayPlan,
  ledger: Ledger,
  site: SiteConfig,
  seed: number,
): Promise<DayStats> {
  const started = performance.now();
  const planOf = new Map<string, PlannedTicket>();
  const leaves: { ticketId: string; at: number }[] = [];
  const traffic: string[][][] = [];
  const fo = hall.frontOffice;
  let keySeq = 0;
  const ctx: DeskContext = {
    ledger,
    hall,
    site,
    random: seeded(seed ^ 0x5eed),
    planOf,
    retryMs: QUANTUM_MS,
    // One press, one idempotency key, as the screens send them.
    key: (client) => `${plan.day}:${client}:${keySeq++}`,
  };
  const desks = openDesks(site, hall, plan);
  let nextArrival = 0;
  let commands = 0;

  function nextEventAt(): number {
    let next = plan.tickets[nextArrival]?.at ?? Number.POSITIVE_INFINITY;
    for (const leave of leaves) if (ledger.isWaitingUncalled(leave.ticketId)) next = Math.min(next, leave.at);
    for (const desk of desks)
      if (desk.state !== 'idle' || desk.services.some((s) => ledger.waitingFor(s) > 0))
        next = Math.min(next, desk.readyAt);
    return next;
  }

  function issueAction(planned: PlannedTicket, now: number): Action {
    const client = `kiosk-${planned.kiosk % hall.kiosks.length}`;
    const socket = hall.kiosks[planned.kiosk % hall.kiosks.length];
    if (!socket) throw new Error('no kiosk connected');
    const { serviceId, priority } = planned;
    return {
      client,
      run: async () => {
        const ticket = await send(socket, 'ticket:issue', {
          serviceId,
          priority,
          idempotencyKey: ctx.key(client),
        });
        const at = new Date(now).toISOString();
        if (ticket.issuedAt !== at) throw new Error(`issued at ${ticket.issuedAt}, driver at ${at}`);
        ledger.issued(ticket.id, ticket.number, serviceId, priority !== null, now);
        planOf.set(ticket.id, planned);
        if (planned.fate.kind === 'leave')
          leaves.push({ ticketId: ticket.id, at: now + planned.fate.afterMs });
      },
    };
  }

  /** Front office takes back the tickets of citizens who gave up, if no desk has called them yet. */
  function leaveActions(now: number): Action[] {
    const due = leaves.filter((l) => l.at <= now);
    for (const l of due) leaves.splice(leaves.indexOf(l), 1);
    return due
      .filter((l) => ledger.isWaitingUncalled(l.ticketId))
      .map((l) => ({
        client: 'fo',
        run: async () => {
          await send(fo, 'ticket:cancel', { ticketId: l.ticketId, idempotencyKey: ctx.key('fo') });
          ledger.cancelled(l.ticketId, now);
        },
      }));
  }

  async function runBatch(actions: readonly Action[]): Promise<void> {
    if (actions.length === 0) return;
    traffic.at(-1)?.push(actions.map((a) => a.client));
    commands += actions.length;
    await Promise.all(actions.map((a) => a.run()));
  }

  let now = Number.NEGATIVE_INFINITY;
  let firstTick: number | null = null;
  for (;;) {
    const next = nextEventAt();
    if (next === Number.POSITIVE_INFINITY) break;
    now = Math.max(next, now + QUANTUM_MS);
    if (now > plan.opensAt + LONGEST_DAY_MS) throw new Error(`the day did not end: ${ledger.openCount} open`);
    await hub.advanceTo(now);
    firstTick ??= now;
    traffic.push([]);
    // What feeds or empties the queues first (front office, kiosks, transfers), then the desks' calls and steps:
    // a counter calls only tickets the ledger already knows, never one front office takes away in the same instant.
    const ready = desks.filter((d) => d.state === 'holding' && d.readyAt <= now);
    const apologies = ready.flatMap((d) => apologyAction(ctx, d) ?? []);
    const holding = ready.map((d) => holdingAction(ctx, d, now));
    const first = leaveActions(now);
    while ((plan.tickets[nextArrival]?.at ?? Infinity) <= now) {
      const planned = plan.tickets[nextArrival++];
      if (planned) first.push(issueAction(planned, now));
    }
    await runBatch([...first, ...holding.filter((a) => a.feedsQueue === true)]);
    const then = [...holding.filter((a) => a.feedsQueue !== true), ...apologies];
    const available = new Map(
      site.counters.flatMap((c) => c.serviceIds).map((s) => [s, ledger.waitingFor(s)]),
    );
    for (const desk of desks) {
      const action = deskAction(ctx, desk, now, available);
      if (action) then.push(action);
    }
    await runBatch(then);
  }
  const wallMs = performance.now() - started;
  return { ticks: traffic.length, commands, wallMs, simulatedMs: now - (firstTick ?? now), traffic };
}
