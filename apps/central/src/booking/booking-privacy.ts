import type pg from 'pg';
import type { Clock } from '../hub-shared.ts';

/** Days after the visit that central keeps a booking's name and WhatsApp number (UU 27/2022), as the hall does. */
export const BOOKING_KEEP_DAYS = 30;
const ERASE_EVERY_MS = 60 * 60_000;

/**
 * Blanks the name and number of bookings whose day is more than `keepDays` before `today` (YYYY-MM-DD): central
 * needs them only for the per-phone limit and the no-show block of bookings still to come. Answers how many.
 */
export async function erasePastBookingContacts(
  pool: pg.Pool,
  today: string,
  keepDays = BOOKING_KEEP_DAYS,
): Promise<number> {
  const before = new Date(Date.parse(`${today}T00:00:00Z`) - keepDays * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const { rowCount } = await pool.query(
    `UPDATE central_bookings SET name = '', phone = '' WHERE date < $1 AND (name <> '' OR phone <> '')`,
    [before],
  );
  return rowCount ?? 0;
}

/** Runs the erasure at start and hourly; answers how to stop it. */
export function startBookingEraser(
  pool: pg.Pool,
  clock: Clock,
  onError: (error: unknown) => void,
): () => void {
  let cancel: (() => void) | null = null;
  const round = () => {
    erasePastBookingContacts(pool, new Date(clock.now()).toISOString().slice(0, 10)).catch(onError);
    cancel = clock.setTimer(round, ERASE_EVERY_MS);
  };
  round();
  return () => {
    cancel?.();
  };
}
