/** What became of a call (as the hub's call log says): at the desk, or how it ended. */
export type CallOutcome = 'called' | 'serving' | 'done' | 'no_show' | 'transferred' | 'cancelled';

/** One call as the screen shows it; a ticket called twice (after a transfer or a no-show) has two entries. */
export interface CallEntry {
  /** The call itself: the ticket and the moment it was called. */
  readonly key: string;
  readonly ticketId: string;
  readonly number: string;
  readonly serviceId: string;
  readonly counterId: string;
  readonly calledAt: string;
  /** The call's time, or its last recall: the order of the list. */
  readonly shownAt: string;
  readonly outcome: CallOutcome;
  /** A checked-in online booking's ticket: the screen marks it. */
  readonly booked?: boolean;
}

export interface DisplayState {
  /** The hub's log position this state reflects: a broadcast at or before it is already shown. */
  readonly lastEventId: number;
  readonly serviceDay: string | null;
  /** Newest first (by call or recall), every call of the day up to MAX_CALLS. */
  readonly calls: readonly CallEntry[];
  /** The call (and recall) that just arrived live, not from a resync, to flash once: `flashKey` of it. */
  readonly highlight: string | null;
}

/** A call as the hub's snapshot gives it (CallView). */
export interface SnapshotCall {
  readonly ticketId: string;
  readonly number: string;
  readonly serviceId: string;
  readonly counterId: string;
  readonly calledAt: string;
  readonly shownAt: string;
  readonly outcome: CallOutcome;
  readonly booked?: boolean;
}

export type DisplayAction =
  | {
      readonly type: 'snapshot';
      readonly lastEventId: number;
      readonly serviceDay: string;
      readonly calls: readonly SnapshotCall[];
    }
  | {
      readonly type: 'called' | 'recalled';
      readonly eventId: number;
      readonly ticketId: string;
      readonly number: string;
      readonly serviceId: string;
      readonly counterId: string;
      readonly at: string;
      readonly booked?: boolean;
    }
  /** The ticket's live call is being served, or ended (finished, no-show, transferred, cancelled). */
  | {
      readonly type: 'outcome';
      readonly eventId: number;
      readonly ticketId: string;
      readonly outcome: Exclude<CallOutcome, 'called'>;
    }
  | { readonly type: 'issued'; readonly eventId: number; readonly serviceDay: string };

/** Enough history for any zone's list; the oldest calls of the day fall off. */
export const MAX_CALLS = 120;

export const INITIAL_STATE: DisplayState = { lastEventId: 0, serviceDay: null, calls: [], highlight: null };

const keyOf = (ticketId: string, calledAt: string) => `${ticketId}@${calledAt}`;

/** Changes with each call and each recall: the big panel flashes again. */
export const flashKey = (call: CallEntry): string => `${call.key}#${call.shownAt}`;

export const isLive = (call: CallEntry): boolean => call.outcome === 'called' || call.outcome === 'serving';

const newestFirst = (a: CallEntry, b: CallEntry) =>
  a.shownAt < b.shownAt ? 1 : a.shownAt > b.shownAt ? -1 : a.number.localeCompare(b.number);

/** The big panel: the latest call, and only while it is live (never an earlier call that came back to the top). */
export function currentCall(calls: readonly CallEntry[]): CallEntry | undefined {
  const latest = calls[0];
  return latest && isLive(latest) ? latest : undefined;
}

/** The history under it: every other call, newest first, each with its outcome. */
export function earlierCalls(calls: readonly CallEntry[], current: CallEntry | undefined): CallEntry[] {
  return calls.filter((c) => c !== current);
}

function liveIndex(calls: readonly CallEntry[], ticketId: string): number {
  return calls.findIndex((c) => c.ticketId === ticketId && isLive(c));
}

function onCall(
  state: DisplayState,
  action: Extract<DisplayAction, { type: 'called' | 'recalled' }>,
): DisplayState {
  const live = liveIndex(state.calls, action.ticketId);
  const earlier = live >= 0 ? state.calls[live] : undefined;
  // A recall keeps its call's own time, so a later resync recognises the entry; a new call is a new entry.
  const entry: CallEntry =
    action.type === 'recalled' && earlier
      ? { ...earlier, shownAt: action.at }
      : {
          key: keyOf(action.ticketId, action.at),
          ticketId: action.ticketId,
          number: action.number,
          serviceId: action.serviceId,
          counterId: action.counterId,
          calledAt: action.at,
          shownAt: action.at,
          outcome: 'called',
          ...(action.booked === true ? { booked: true } : {}),
        };
  const others = state.calls.filter((c) => c.key !== entry.key);
  return {
    ...state,
    lastEventId: action.eventId,
    calls: [entry, ...others].sort(newestFirst).slice(0, MAX_CALLS),
    highlight: flashKey(entry),
  };
}

function fromSnapshot(
  state: DisplayState,
  action: Extract<DisplayAction, { type: 'snapshot' }>,
): DisplayState {
  const calls = action.calls
    .map((c): CallEntry => ({ ...c, key: keyOf(c.ticketId, c.calledAt) }))
    .sort(newestFirst)
    .slice(0, MAX_CALLS);
  return {
    lastEventId: action.lastEventId,
    serviceDay: action.serviceDay,
    calls,
    highlight: calls.some((c) => flashKey(c) === state.highlight) ? state.highlight : null,
  };
}

/**
 * The calls on screen, rebuilt from the hub's call log after every (re)connect and kept up to date by the
 * broadcasts. A broadcast the state already reflects (eventId ≤ lastEventId) changes nothing.
 */
export function displayReducer(state: DisplayState, action: DisplayAction): DisplayState {
  if (action.type === 'snapshot') return fromSnapshot(state, action);
  if (action.eventId <= state.lastEventId) return state;
  switch (action.type) {
    case 'called':
    case 'recalled':
      return onCall(state, action);
    case 'outcome': {
      const live = liveIndex(state.calls, action.ticketId);
      const calls = state.calls.map((c, i) => (i === live ? { ...c, outcome: action.outcome } : c));
      return { ...state, lastEventId: action.eventId, calls };
    }
    case 'issued':
      // The first ticket of a new day closes yesterday: its calls leave the screen, as after a resync.
      if (state.serviceDay !== null && action.serviceDay !== state.serviceDay)
        return { lastEventId: action.eventId, serviceDay: action.serviceDay, calls: [], highlight: null };
      return { ...state, lastEventId: action.eventId, serviceDay: action.serviceDay };
  }
}
