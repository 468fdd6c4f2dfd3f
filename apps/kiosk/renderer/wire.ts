// The page's view of the wire contract: types only, so no schema code is bundled into the kiosk.
export type { IssuedTicket, ServiceView, SiteView, TicketContent } from '@giliran/protocol';

export type PriorityCategory = 'lansia' | 'disabilitas' | 'ibu_hamil' | 'anak' | 'korban_bencana';
export const KIOSK_PRIORITIES = ['lansia', 'disabilitas', 'ibu_hamil', 'anak'] as const;
