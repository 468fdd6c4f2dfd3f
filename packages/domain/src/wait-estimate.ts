import { estimateWaitMinutes } from './estimate.ts';
import { ticketsAhead } from './call-order.ts';
import type { QueueConfig } from './config.ts';
import type { WaitHoldUp } from './events.ts';
import type { QueueState, TicketState } from './state.ts';
import { forecastCalls, prospectiveTicket, type CallForecast, type Forecast } from './wait-forecast.ts';

/** Past this spread (high − low, minutes) one figure would promise more than is known: a range is shown. */
export const RANGE_FROM_MINUTES = 10;
/** Ranges are rounded outward to this many minutes: "sekitar 20–30 menit", not "sekitar 17–31 menit". */
const RANGE_STEP = 5;

/** What the citizen is told. `low === high` means one figure; `minutes` is the point the accuracy report judges. */
export interface WaitEstimate {
  readonly minutes: number | null;
  readonly low: number | null;
  readonly high: number | null;
  /** Counters are paused or the service is closed: the wait counts from when calling resumes, never "0 menit". */
  readonly holdUp: WaitHoldUp | null;
}

export const NO_ESTIMATE: WaitEstimate = { minutes: null, low: null, high: null, holdUp: null };

/**
 * A forecast call as the citizen sees it: one whole figure while the spread is small, else a range of about one
 * standard deviation either side, widened to whole five minutes. While nobody calls (pause, closed) it is at
 * least a minute.
 */
export function presentEstimate(call: CallForecast | undefined, holdUp: WaitHoldUp | null): WaitEstimate {
  if (!call) return { ...NO_ESTIMATE, holdUp };
  const floor = holdUp === null ? 0 : 1;
  const minutes = Math.max(floor, Math.round(call.minutes));
  const low = Math.max(floor, call.minutes - call.sdMinutes);
  const high = call.minutes + call.sdMinutes;
  if (high - low < RANGE_FROM_MINUTES) return { minutes, low: minutes, high: minutes, holdUp };
  const lowStep = Math.max(floor, Math.floor(low / RANGE_STEP) * RANGE_STEP);
  const highStep = Math.max(lowStep + RANGE_STEP, Math.ceil(high / RANGE_STEP) * RANGE_STEP);
  return { minutes: Math.min(highStep, Math.max(lowStep, minutes)), low: lowStep, high: highStep, holdUp };
}

/** The estimate for a waiting ticket; a forecast already computed for this state and instant may be passed in. */
export function estimateTicketWait(
  state: QueueState,
  config: QueueConfig,
  ticket: TicketState,
  now: string,
  forecast: Forecast = forecastCalls(state, config, now, [], [ticket.serviceId], new Set([ticket.id])),
): WaitEstimate {
  return presentEstimate(forecast.calls.get(ticket.id), forecast.holdUps.get(ticket.serviceId) ?? null);
}

/** The estimate for someone who would take a ticket of this service now (kiosk service list). */
export function estimateNewTicketWait(
  state: QueueState,
  config: QueueConfig,
  serviceId: string,
  priority: boolean,
  now: string,
): WaitEstimate {
  const extra = [prospectiveTicket(state, config, serviceId, priority, now)];
  const forecast = forecastCalls(state, config, now, extra, [serviceId], new Set(['']));
  return presentEstimate(forecast.calls.get(''), forecast.holdUps.get(serviceId) ?? null);
}

/** The textbook estimate on the same ticket, for comparison: people ahead × recent mean service ÷ open counters. */
export function naiveTicketWait(
  state: QueueState,
  config: QueueConfig,
  ticket: TicketState,
  ahead = ticketsAhead(state, ticket, config),
): number | null {
  return estimateWaitMinutes(state, config, ticket.serviceId, ahead);
}
