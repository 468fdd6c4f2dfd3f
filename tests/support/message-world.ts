import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import type { Hub } from '../../apps/hub/src/index.ts';
import type { OutboxRow } from '../../apps/hub/src/messages/outbox-store.ts';
import { sql } from '../../apps/hub/src/db/statements.ts';

export const WA_PHONE_ID = '1029384756';
export const WA_TOKEN = 'EAAG-test-whatsapp-token-5f1c9e';
export const SMS_KEY = 'sms-test-key-7d2a41';
export const SMTP_USER = 'giliran';
export const SMTP_PASS = 'smtp-test-pass-93b7c0';

/** A logger whose lines a test can read: what the hub logged, to check that no secret is among them. */
export function capturedLogger(): { logger: Logger; lines: () => string } {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), lines: () => text };
}

export function outboxRows(hub: Hub): OutboxRow[] {
  return sql(hub.db, 'SELECT * FROM message_outbox ORDER BY id').all() as OutboxRow[];
}

/** Resolves once nothing waits or is in flight in the outbox (reminders not yet due aside). */
export async function outboxSettled(hub: Hub, timeoutMs = 15_000): Promise<OutboxRow[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const rows = outboxRows(hub);
    const now = new Date().toISOString();
    const open = rows.filter(
      (r) => r.status === 'sending' || (r.status === 'pending' && r.not_before <= now),
    );
    if (open.length === 0 && rows.length > 0) return rows;
    if (Date.now() > until)
      throw new Error(
        `outbox not settled: ${JSON.stringify(open.map((r) => [r.id, r.status, r.attempts, r.last_error]))}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Appends events of another feature (the booking feature's `booking:*`, issue 18a) to the log the way the store
 * appends a record command's: the event rows and the message policy's outbox rows in one transaction.
 */
export function appendForeignEvents(hub: Hub, events: readonly Record<string, unknown>[]): number[] {
  return hub.db.transaction(() => {
    const appended = events.map((event) => {
      const result = sql(
        hub.db,
        'INSERT INTO events (service_day, type, at, payload) VALUES (?, ?, ?, ?)',
      ).run(hub.engine.serviceDay, String(event.type), String(event.at), JSON.stringify(event));
      return { id: Number(result.lastInsertRowid), event: event as never };
    });
    hub.messages.onAppended(appended, null);
    return appended.map((a) => a.id);
  })();
}

/** A booking event as issue 18a logs it (the contract between the two halves of issue 18). */
export function bookingEvent(
  type: 'booking:made' | 'booking:moved' | 'booking:cancelled' | 'booking:checked-in' | 'booking:no-show',
  fields: Partial<Record<string, string>> & { code: string; date: string; start: string; end: string },
): Record<string, unknown> {
  return {
    type,
    serviceId: 'ktp-el',
    sessionId: 's1',
    name: 'Siti Aminah',
    phone: '081234567890',
    locale: 'id',
    at: new Date().toISOString(),
    ...fields,
  };
}
