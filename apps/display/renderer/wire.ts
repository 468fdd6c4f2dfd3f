// The page's view of the wire contract: types only, so no schema code is bundled into the display.
export type {
  Ack,
  Broadcast,
  CounterView,
  ServiceView,
  SiteView,
  Snapshot,
  TicketView,
} from '@giliran/protocol';

export type DisplaySettings = import('@giliran/protocol').SiteView['display'];
