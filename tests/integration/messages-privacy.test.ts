import { BookingOptions, BookingView, MessagesView, type MessageView } from '@giliran/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyLog } from '../../apps/hub/src/db/log-rebuild.ts';
import { sql } from '../../apps/hub/src/db/statements.ts';
import type { Channel } from '../../apps/hub/src/messages/channels/channel.ts';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';
import { appendForeignEvents, bookingEvent, outboxSettled } from '../support/message-world.ts';

// UU 27/2022: numbers and e-mail addresses are kept only as long as the visit needs them, and no list shows one whole.

const TUESDAY_0900_WIB = '2026-03-03T02:00:00.000Z';
const DAY_MS = 86_400_000;

let t: TestHub | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

/** A provider that takes everything at once: this test is about what the hub keeps, not about delivery. */
const accepting: Channel = {
  name: 'whatsapp',
  send: () => Promise.resolve({ ok: true, providerId: 'wamid.test' }),
};
const mailbox: Channel = { ...accepting, name: 'email' };

describe('personal data of messages', () => {
  it('is masked in the list and erased the configured number of days after the visit, from every place', async () => {
    const clock = new ManualClock(TUESDAY_0900_WIB);
    t = await startTestHub({
      clock,
      hub: {
        messageChannels: new Map([
          ['whatsapp', accepting],
          ['email', mailbox],
        ]),
      },
    });
    const hub = t;
    const issued = await hub.api<{ id: string }>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'ktp-el' },
    });
    expect(
      (
        await hub.api('POST', '/messages/contacts', {
          token: KIOSK_TOKEN,
          body: { ticketId: issued.body.id, phone: '081234567890' },
        })
      ).status,
    ).toBe(201);
    // A booking for this morning (its reminders' times have passed: only the confirmation is due).
    appendForeignEvents(hub.hub, [
      bookingEvent('booking:made', {
        code: 'BKPRIV',
        date: '2026-03-03',
        start: '09:30',
        end: '11:00',
        phone: '081311112222',
        email: 'siti@example.id',
      }),
    ]);
    await outboxSettled(hub.hub);

    // Lists: the number and the address are masked for every role that may see the outbox.
    const mod = await hub.login('mod');
    const list = MessagesView.parse((await hub.api('GET', '/messages', { token: mod })).body);
    const shown = JSON.stringify(list);
    for (const whole of ['6281234567890', '081234567890', '081311112222', '6281311112222', 'siti@example.id'])
      expect(shown).not.toContain(whole);
    expect(list.messages.map((m: MessageView) => m.to).sort()).toEqual(
      ['62812•••••890', '08131••••222', 's•••@example.id'].sort(),
    );

    const kept = () => ({
      contacts: sql(hub.hub.db, 'SELECT COUNT(*) AS n FROM message_contacts WHERE address IS NOT NULL').get(),
      recipients: sql(
        hub.hub.db,
        'SELECT COUNT(*) AS n FROM message_outbox WHERE recipient IS NOT NULL',
      ).get(),
      bookingPhones: sql(
        hub.hub.db,
        "SELECT COUNT(*) AS n FROM events WHERE type LIKE 'booking:%' AND json_extract(payload, '$.phone') != ''",
      ).get(),
    });
    // Thirty days after the visit everything is still there; the day after, nothing is.
    clock.advance(30 * DAY_MS);
    hub.hub.messages.eraser.eraseNow();
    expect(kept()).toEqual({ contacts: { n: 1 }, recipients: { n: 3 }, bookingPhones: { n: 1 } });
    // The eraser's own hourly round does it (the clock's timers fire as it advances).
    clock.advance(DAY_MS);
    expect(kept()).toEqual({ contacts: { n: 0 }, recipients: { n: 0 }, bookingPhones: { n: 0 } });
    const bodies = sql(hub.hub.db, "SELECT COUNT(*) AS n FROM message_outbox WHERE body != ''").get();
    expect(bodies).toEqual({ n: 0 });
    const after = MessagesView.parse(
      (await hub.api('GET', '/messages', { token: await hub.login('mod') })).body,
    );
    expect(after.messages.every((m) => m.to === '(dihapus)')).toBe(true);
  });

  it("is erased from a booking's events and its row alike, and the log still rebuilds the same rows", async () => {
    const clock = new ManualClock(TUESDAY_0900_WIB);
    t = await startTestHub({ clock, hub: { messageChannels: new Map([['whatsapp', accepting]]) } });
    const hub = t;
    const options = BookingOptions.parse((await hub.api('GET', '/booking/options')).body);
    const kk = options.services.find((s) => s.id === 'kk');
    const date = kk?.dates[1] ?? '';
    const made = await hub.api('POST', '/bookings', {
      body: { serviceId: 'kk', date, sessionId: 's1', name: 'Budi', phone: '081277770099' },
    });
    expect(made.status).toBe(201);
    const { code } = BookingView.parse(made.body);
    const phoneOf = () =>
      sql(hub.hub.db, 'SELECT phone FROM bookings WHERE code = ?').get(code) as { phone: string };
    expect(phoneOf().phone).toBe('6281277770099');

    // A day past the thirty after the booked day: the number is gone from the row and from every event.
    clock.advance(Date.parse(`${date}T00:00:00.000Z`) - clock.now() + 32 * DAY_MS);
    hub.hub.messages.eraser.eraseNow();
    expect(phoneOf().phone).toBe('');
    const logged = sql(
      hub.hub.db,
      "SELECT COUNT(*) AS n FROM events WHERE type LIKE 'booking:%' AND payload LIKE '%81277770099%'",
    ).get();
    expect(logged).toEqual({ n: 0 });
    expect(verifyLog(hub.hub.db).differences).toEqual([]);
  });
});
