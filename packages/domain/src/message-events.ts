import type { ChangedBy } from './record-events.ts';

/**
 * A citizen left a number at the kiosk (or the front office) after their ticket, for its messages. The number itself
 * is not in the log: it lives in `message_contacts` beside it, which is erased after the visit (UU 27/2022), while
 * the log is kept for years.
 */
export interface MessageContactGiven extends ChangedBy {
  readonly type: 'message:contact-given';
  readonly ticketId: string;
  readonly channel: 'phone';
  readonly locale: 'id' | 'en';
}
