import type { ComplaintStore } from './complaint-store.ts';

export interface TicketReference {
  /** As the citizen or officer typed it (upper-cased). */
  readonly ref: string;
  readonly id: string | null;
  readonly number: string | null;
}

const DAY_MS = 86_400_000;
// A complaint about a visit more than a month old names its date in the text; the number alone is ambiguous by then.
const LOOKBACK_DAYS = 30;
const TICKET_CODE = /^[A-Z0-9]{10}$/;
const TICKET_NUMBER = /^([A-Z]{1,3})[\s-]?0*(\d{1,6})$/;

/**
 * The ticket a complaint is about: by the code of its QR (unique), or by its number (A012, also typed a12 or A-12)
 * on the most recent day up to the day of receipt. An unknown reference is kept as typed, never refused: the
 * citizen may have mistyped it, and the register keeps what they said.
 */
export function resolveTicket(
  store: ComplaintStore,
  typed: string | null,
  receivedOn: string,
  numberWidth: number,
): TicketReference | null {
  if (!typed) return null;
  const ref = typed.toUpperCase();
  let found: { id: string; number: string } | undefined;
  const number = TICKET_NUMBER.exec(ref);
  if (number) {
    const fromDay = new Date(Date.parse(`${receivedOn}T00:00:00Z`) - LOOKBACK_DAYS * DAY_MS).toISOString();
    found = store.findTicket({
      number: `${number[1] ?? ''}${(number[2] ?? '').padStart(numberWidth, '0')}`,
      fromDay: fromDay.slice(0, 10),
      toDay: receivedOn,
    });
  } else if (TICKET_CODE.test(ref)) {
    found = store.findTicket({ code: ref });
  }
  return { ref, id: found?.id ?? null, number: found?.number ?? null };
}
