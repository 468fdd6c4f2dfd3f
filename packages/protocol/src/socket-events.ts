import type { QueueEvent } from '@giliran/domain';
import type { ComplaintChanged } from './complaints.ts';
import type { LiveDelta } from './live.ts';
import type { ApiError } from './errors.ts';
import type { RECORD_COMMANDS, RecordCommandName } from './record-commands.ts';
import type { ReportChainSigned } from './report-chain.ts';
import type { CommandName, CommandPayload, SyncRequest } from './schemas.ts';
import type { SettingsChanged } from './settings.ts';
import type {
  CompensationView,
  CounterView,
  IssuedTicket,
  PresentOfficer,
  PublicTicketStatus,
  Snapshot,
  TicketView,
} from './views.ts';

/** Every command answers through its ack: data on success, a coded bilingual error otherwise. */
export type Ack<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: ApiError };

export interface CommandResults {
  'ticket:issue': IssuedTicket;
  /** `null` when nothing waits for the counter (HTTP 204). */
  'counter:call-next': TicketView | null;
  'counter:call-ticket': TicketView;
  'counter:recall': TicketView;
  'counter:pause': CounterView;
  'counter:resume': CounterView;
  'ticket:step': TicketView;
  'ticket:finish': TicketView;
  'ticket:no-show': TicketView;
  'ticket:reactivate': TicketView;
  'ticket:transfer': TicketView;
  'ticket:cancel': TicketView;
  'ticket:print-result': TicketView;
  'compensation:raise': CompensationView;
  'compensation:resolve': CompensationView;
}

type CommandHandlers = {
  [K in CommandName]: (payload: CommandPayload<K>, ack: (result: Ack<CommandResults[K]>) => void) => void;
};

/** The features' commands a signed-in socket may send (RECORD_COMMANDS with a socket event). */
type RecordCommandHandlers = {
  [K in RecordCommandName as (typeof RECORD_COMMANDS)[K]['socket'] extends string ? K : never]: (
    /** The REST route's path parameters and body fields in one object, and `idempotencyKey`. */
    payload: Readonly<Record<string, unknown>>,
    ack: (result: Ack<unknown>) => void,
  ) => void;
};

export interface ClientToServerEvents extends CommandHandlers, RecordCommandHandlers {
  /** Full state to rebuild from after a (re)connect; `afterEventId` lets a client check it missed nothing. */
  'sync:snapshot': (payload: SyncRequest, ack: (result: Ack<Snapshot>) => void) => void;
}

/** The position of an event of another feature than the queue: screens that check for gaps advance past it. */
export interface LogAdvanced {
  readonly type: 'log:advanced';
  readonly eventId: number;
}

/** A broadcast carries the domain event itself plus its position in the hub's log. */
export type Broadcast<E extends QueueEvent = QueueEvent> = E & { readonly eventId: number };

export type ServerToClientEvents = {
  [E in QueueEvent as E['type']]: (payload: Broadcast<E>) => void;
} & {
  'hub:hello': (payload: { lastEventId: number; serviceDay: string; role: string }) => void;
  /** The log moved on with another feature's event (complaints, survey, settings…), which staff hear about apart. */
  'log:advanced': (payload: LogAdvanced) => void;
  /** MOD changed the running text of the displays. */
  'display:running-text': (payload: { text: string }) => void;
  /** MOD or admin changed a setting (counters' services, hours, standards, thresholds, accounts): reload lists. */
  'settings:changed': (payload: SettingsChanged) => void;
  /** An officer came to or left a counter (their app connected or closed); `officer` is who sits there now. */
  'counter:presence': (payload: { counterId: string; officer: PresentOfficer | null }) => void;
  /** A step of the end-of-day report chain (SOP 9–13) was signed: screens showing that date reload it. */
  'report-chain:signed': (payload: ReportChainSigned) => void;
  /** Something staff should know that is not a queue event, e.g. a speech engine fell back to another. */
  'hub:alert': (payload: { kind: string; message: string; at: string }) => void;
  /** A complaint was filed or changed (staff only): the register reloads it. */
  'complaint:changed': (payload: ComplaintChanged) => void;
  /** What a committed batch changed in the live table (floor managers only): the MOD page applies it. */
  'live:delta': (payload: LiveDelta) => void;
  /** The mobile unit's records changed (staff only; ids, never a visitor's data): `/mobile` reloads what it shows. */
  'visit:changed': (payload: VisitChanged) => void;
};

/** Which visits and requests a committed batch touched; the page asks the REST routes for what it may see. */
export interface VisitChanged {
  readonly visitIds: readonly string[];
  readonly requestIds: readonly string[];
  readonly eventId: number;
}

/** The `/public` namespace: a citizen's phone watches one ticket by its code (handshake `auth: {code}`). */
export interface PublicServerToClientEvents {
  'ticket:status': (status: PublicTicketStatus) => void;
}
