/** One call as the screen shows it; a recall brings the same call back to the top. */
export interface CallEntry {
  /** Changes with every call or recall, so the screen can highlight it afresh. */
  readonly key: string;
  readonly ticketId: string;
  readonly number: string;
  readonly serviceId: string;
  readonly counterId: string;
  readonly calledAt: string;
  /** The call's time, or its last recall seen live: the order of the list. */
  readonly shownAt: string;
}

export interface DisplayState {
  /** The hub's log position this state reflects: a broadcast at or before it is already shown. */
  readonly lastEventId: number;
  readonly serviceDay: string | null;
  /** Newest first, one entry per ticket. */
  readonly calls: readonly CallEntry[];
  /** The entry that just arrived live (not from a resync), to flash once. */
  readonly highlight: string | null;
}

/** The part of a snapshot ticket the screen needs (TicketView has these fields). */
export interface CalledTicket {
  readonly id: string;
  readonly number: string;
  readonly serviceId: string;
  readonly counterId: string | null;
  readonly calledAt: string | null;
}

export type DisplayAction =
  | {
      readonly type: 'snapshot';
      readonly lastEventId: number;
      readonly serviceDay: string;
      readonly tickets: readonly CalledTicket[];
    }
  | {
      readonly type: 'called';
      readonly eventId: number;
      readonly ticketId: string;
      readonly number: string;
      readonly serviceId: string;
      readonly counterId: string;
      readonly at: string;
    }
  | {
      readonly type: 'recalled';
      readonly eventId: number;
      readonly ticketId: string;
      readonly number: string;
      readonly serviceId: string;
      readonly counterId: string;
      readonly at: string;
    }
  /** Transferred or reactivated: the ticket is at no counter any more, as a resync would show it. */
  | { readonly type: 'released'; readonly eventId: number; readonly ticketId: string }
  | { readonly type: 'issued'; readonly eventId: number; readonly serviceDay: string };

/** Enough history for any zone's list; the oldest calls of the day fall off. */
export const MAX_CALLS = 120;

export const INITIAL_STATE: DisplayState = { lastEventId: 0, serviceDay: null, calls: [], highlight: null };

const keyOf = (ticketId: string, at: string) => `${ticketId}@${at}`;

const newestFirst = (a: CallEntry, b: CallEntry) =>
  a.shownAt < b.shownAt ? 1 : a.shownAt > b.shownAt ? -1 : a.number.localeCompare(b.number);

function withCall(state: DisplayState, entry: CallEntry, eventId: number): DisplayState {
  const others = state.calls.filter((c) => c.ticketId !== entry.ticketId);
  return {
    ...state,
    lastEventId: eventId,
    calls: [entry, ...others].slice(0, MAX_CALLS),
    highlight: entry.key,
  };
}

/**
 * The calls on screen, rebuilt from a snapshot after every (re)connect and kept up to date by the broadcasts.
 * A broadcast the state already reflects (eventId ≤ lastEventId) changes nothing, so a call is never shown twice.
 */
export function displayReducer(state: DisplayState, action: DisplayAction): DisplayState {
  if (action.type === 'snapshot') {
    const shownBefore = new Map(state.calls.map((c) => [c.ticketId, c]));
    const calls: CallEntry[] = [];
    for (const t of action.tickets) {
      if (t.calledAt === null || t.counterId === null) continue;
      // A recall seen live keeps its place: the snapshot knows only the first call's time.
      const before = shownBefore.get(t.id);
      const recalled =
        before?.calledAt === t.calledAt && before.counterId === t.counterId ? before : undefined;
      calls.push({
        key: recalled?.key ?? keyOf(t.id, t.calledAt),
        ticketId: t.id,
        number: t.number,
        serviceId: t.serviceId,
        counterId: t.counterId,
        calledAt: t.calledAt,
        shownAt: recalled?.shownAt ?? t.calledAt,
      });
    }
    calls.sort(newestFirst);
    const kept = calls.slice(0, MAX_CALLS);
    return {
      lastEventId: action.lastEventId,
      serviceDay: action.serviceDay,
      calls: kept,
      highlight: kept.some((c) => c.key === state.highlight) ? state.highlight : null,
    };
  }
  if (action.eventId <= state.lastEventId) return state;
  switch (action.type) {
    case 'called':
    case 'recalled': {
      // A recall keeps the call's own time, so a later resync recognises the entry.
      const earlier = state.calls.find(
        (c) => c.ticketId === action.ticketId && c.counterId === action.counterId,
      );
      const calledAt = action.type === 'recalled' && earlier ? earlier.calledAt : action.at;
      return withCall(
        state,
        {
          key: keyOf(action.ticketId, action.at),
          ticketId: action.ticketId,
          number: action.number,
          serviceId: action.serviceId,
          counterId: action.counterId,
          calledAt,
          shownAt: action.at,
        },
        action.eventId,
      );
    }
    case 'released':
      return {
        ...state,
        lastEventId: action.eventId,
        calls: state.calls.filter((c) => c.ticketId !== action.ticketId),
      };
    case 'issued':
      // The first ticket of a new day closes yesterday: its calls leave the screen, as after a resync.
      if (state.serviceDay !== null && action.serviceDay !== state.serviceDay)
        return { lastEventId: action.eventId, serviceDay: action.serviceDay, calls: [], highlight: null };
      return { ...state, lastEventId: action.eventId, serviceDay: action.serviceDay };
  }
}
