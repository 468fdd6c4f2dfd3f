import type { ChangedBy } from './record-events.ts';

/**
 * The hub's record of an item of central's site feed: logged in the same transaction as whatever the item made the
 * hub do, so the log alone says which items were taken (and a rebuilt database knows it too). It travels up to
 * central with the rest of the log: central sees its decision arrived.
 */
export interface CentralFeedApplied extends ChangedBy {
  readonly type: 'central:feed-applied';
  readonly siteId: string;
  readonly itemId: string;
  readonly kind: string;
  readonly cursor: number;
}

/** An item the hub's own rules refused (a booking for a service the hall closed): logged, so it is taken once. */
export interface CentralFeedRefused extends ChangedBy {
  readonly type: 'central:feed-refused';
  readonly siteId: string;
  readonly itemId: string;
  readonly kind: string;
  readonly cursor: number;
  readonly code: string;
}
