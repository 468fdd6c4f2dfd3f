// The page's view of the wire contract: types only, so no schema code is bundled into the counter page.
export type {
  Ack,
  Broadcast,
  CompensationView,
  CounterFigures,
  CounterView,
  LogAdvanced,
  LoginResponse,
  PresentOfficer,
  ServiceView,
  SiteView,
  Snapshot,
  TicketView,
} from '@giliran/protocol';
export type { QueueEvent } from '@giliran/domain';

export { DESK_PAUSE_REASONS as PAUSE_REASONS, type PauseReason } from '@giliran/domain';
