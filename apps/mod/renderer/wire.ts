// The page's view of the wire contract: types only, so no schema code is bundled into the page.
export type {
  Ack,
  Broadcast,
  CentralPushStatus,
  CompensationView,
  CounterView,
  HubWarning,
  LiveDelta,
  LiveSnapshot,
  MessagesView,
  PresentOfficer,
  ServiceView,
  SiteView,
  Snapshot,
  TimingView,
} from '@giliran/protocol';
