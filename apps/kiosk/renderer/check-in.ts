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

/** Keys closer than this belong to one scan (generous: a loaded kiosk PC delivers a scanner's burst unevenly). */
const SCAN_GAP_MS = 1000;

/**
 * Listens for a keyboard-wedge scanner anywhere on the kiosk: characters typed in a quick burst, ended by Enter.
 * Keys typed into a field are left to the field (the booking code screen reads its own input).
 */
export function listenForScans(onScan: (text: string) => void): () => void {
  let buffer = '';
  let last = 0;
  const onKey = (event: KeyboardEvent) => {
    if (event.target instanceof HTMLInputElement) return;
    const now = performance.now();
    if (now - last > SCAN_GAP_MS) buffer = '';
    last = now;
    if (event.key === 'Enter') {
      if (buffer.length >= 6) onScan(buffer);
      buffer = '';
    } else if (event.key.length === 1) buffer += event.key;
  };
  document.addEventListener('keydown', onKey);
  return () => {
    document.removeEventListener('keydown', onKey);
  };
}
