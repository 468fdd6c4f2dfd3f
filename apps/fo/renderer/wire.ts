// The page's view of the wire contract: types only, so no schema code is bundled into the page.
export type {
  Ack,
  BookingView,
  CounterView,
  IssuedTicket,
  ServiceView,
  SiteView,
  Snapshot,
  TicketView,
} from '@giliran/protocol';

export const FO_PRIORITIES = ['lansia', 'disabilitas', 'ibu_hamil', 'anak', 'korban_bencana'] as const;
export type PriorityCategory = (typeof FO_PRIORITIES)[number];
