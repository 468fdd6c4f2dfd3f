// The page's view of the wire contract: types only, so no schema code is bundled into the counter page.
export type {
  Ack,
  Broadcast,
  CompensationView,
  CounterFigures,
  CounterView,
  LoginResponse,
  PresentOfficer,
  ServiceView,
  SiteView,
  Snapshot,
  TicketView,
} from '@giliran/protocol';
export type { QueueEvent } from '@giliran/domain';

export const PAUSE_REASONS = ['istirahat', 'sholat', 'sholat_jumat', 'urusan_dinas'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];
