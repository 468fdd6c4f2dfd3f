import type { QueueConfig } from './config.ts';
import type { QueueState, TicketState } from './state.ts';
import { secondsBetween, timeline } from './timing.ts';

export interface CounterFigures {
  readonly counterId: string;
  readonly serviceDay: string | null;
  readonly served: number;
  readonly noShows: number;
  readonly averageServiceSeconds: number | null;
  readonly withinStandard: number;
  readonly withinStandardShare: number | null;
}

/** Service runs from the first counter step (or the call, if the officer never pressed Start) to finish. */
function serviceSeconds(ticket: TicketState): number {
  const start = ticket.steps[0]?.startedAt ?? ticket.calledAt ?? ticket.issuedAt;
  return secondsBetween(start, ticket.finishedAt ?? start);
}

/** Within standard when no counter step (4–8) ran past its standard; the wait is the hall's, not the desk's. */
function keptStandard(ticket: TicketState, config: QueueConfig, now: string): boolean {
  return timeline(ticket, config, now)
    .slice(1)
    .every((entry) => !entry.late);
}

/** Today's figures of one counter: what its officer sees beside the queue. */
export function counterFigures(
  state: QueueState,
  config: QueueConfig,
  counterId: string,
  now: string,
): CounterFigures {
  let served = 0;
  let noShows = 0;
  let totalSeconds = 0;
  let withinStandard = 0;
  for (const ticket of state.tickets.values()) {
    if (ticket.counterId !== counterId) continue;
    if (ticket.status === 'no_show') noShows += 1;
    if (ticket.status !== 'done') continue;
    served += 1;
    totalSeconds += serviceSeconds(ticket);
    if (keptStandard(ticket, config, now)) withinStandard += 1;
  }
  return {
    counterId,
    serviceDay: state.serviceDay,
    served,
    noShows,
    averageServiceSeconds: served === 0 ? null : Math.round(totalSeconds / served),
    withinStandard,
    withinStandardShare: served === 0 ? null : withinStandard / served,
  };
}
