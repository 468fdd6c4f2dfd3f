import {
  HubRequestError,
  newIdempotencyKey,
  type HubClient,
  type KioskBridge,
  type KioskConfig,
  type Localized,
} from '@giliran/ui';
import { print, type IssueOutcome } from './issue-ticket.ts';
import type { IssuedTicket } from './wire.ts';

export type CheckInOutcome =
  IssueOutcome | { readonly kind: 'booking-refused'; readonly message: Localized; readonly late: boolean };

/**
 * A booking's code or its QR token (a keyboard-wedge scanner types it, then Enter) becomes a ticket at the hub,
 * then prints like any other. One idempotency key per scan: a retry after a dropped answer gets the same ticket.
 */
export async function checkInBooking(
  client: HubClient,
  config: KioskConfig,
  bridge: KioskBridge | undefined,
  reference: string,
): Promise<CheckInOutcome> {
  const key = newIdempotencyKey();
  let ticket: IssuedTicket | undefined;
  for (let attempt = 0; attempt < 2 && !ticket; attempt++) {
    try {
      ticket = await client.post<IssuedTicket>(
        `/api/bookings/${encodeURIComponent(reference.trim())}/check-in`,
        {},
        key,
      );
    } catch (error) {
      if (!(error instanceof HubRequestError) || error.code === 'NETWORK') {
        if (attempt === 1) return { kind: 'offline' };
        continue;
      }
      const message = error.body?.error.message;
      if (!message) return { kind: 'refused' };
      return { kind: 'booking-refused', message, late: error.code === 'BOOKING_CHECK_IN_TOO_LATE' };
    }
  }
  if (!ticket) return { kind: 'offline' };
  return (await print(client, config, bridge, ticket))
    ? { kind: 'printed', ticket }
    : { kind: 'print-failed', ticket };
}
