import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frontOfLine, ticketsAhead } from './call-order.ts';
import {
  messagesFor,
  type MessageAction,
  type MessagePolicyInput,
  type TicketContact,
} from './message-policy.ts';
import { DEFAULT_MESSAGE_TEMPLATES, renderTemplate } from './message-templates.ts';
import { fold, type QueueState } from './state.ts';
import { called, finished, issued } from './testing/builders.ts';
import { testConfig } from './testing/fixtures.ts';

// Given committed events, when the policy runs, then these messages (or withdrawals) and no others.

const NOW = '2031-05-01T03:00:00.000Z'; // 10:00 WIB
const booking = (type: string, fields: Record<string, unknown> = {}) => ({
  type,
  code: 'BK7Q2M',
  serviceId: 'ktp',
  date: '2031-05-06',
  sessionId: 's1',
  start: '08:00',
  end: '10:00',
  name: 'Siti',
  phone: '081234567890',
  locale: 'id',
  at: NOW,
  ...fields,
});

function input(overrides: Partial<MessagePolicyInput> = {}): MessagePolicyInput {
  return {
    now: NOW,
    siteName: 'MPP Kubu Raya',
    timeZone: 'Asia/Jakarta',
    templates: DEFAULT_MESSAGE_TEMPLATES,
    baseUrl: 'https://antrean.example.id/',
    nearAhead: 2,
    phoneChannel: 'whatsapp',
    emailOn: true,
    state: fold([]),
    config: testConfig,
    contacts: new Map(),
    serviceName: (id, locale) => `${id}-${locale}`,
    counterName: (id) => `Loket ${id}`,
    ...overrides,
  };
}

const sent = (actions: readonly MessageAction[]) =>
  actions.flatMap((a) => (a.do === 'send' ? [[a.message.kind, a.message.channel, a.message.notBefore]] : []));

describe('message policy: bookings', () => {
  it('confirms a booking at once and plans the day-before and hour-before reminders, per channel', () => {
    const actions = messagesFor(
      [{ id: 7, event: booking('booking:made', { email: 'siti@example.id' }) }],
      input(),
    );
    expect(sent(actions)).toEqual([
      ['booking-confirmed', 'whatsapp', NOW],
      ['booking-confirmed', 'email', NOW],
      ['booking-reminder-day', 'whatsapp', '2031-05-05T01:00:00.000Z'],
      ['booking-reminder-day', 'email', '2031-05-05T01:00:00.000Z'],
      ['booking-reminder-hour', 'whatsapp', '2031-05-06T00:00:00.000Z'],
      ['booking-reminder-hour', 'email', '2031-05-06T00:00:00.000Z'],
    ]);
    const confirmed = actions[0];
    if (confirmed?.do !== 'send') throw new Error('a message first');
    expect(confirmed.message).toMatchObject({
      key: 'e7:booking-confirmed:whatsapp',
      to: '081234567890',
      ref: 'BK7Q2M',
      visitDay: '2031-05-06',
      subject: null,
      body: 'MPP Kubu Raya: booking BK7Q2M untuk ktp-id pada 2031-05-06 pukul 08:00–10:00 sudah tercatat atas nama Siti. Tunjukkan kode atau QR ini di kios saat datang: https://antrean.example.id/booking/BK7Q2M',
    });
    const email = actions[1];
    expect(email?.do === 'send' && email.message.subject).toBe('Booking BK7Q2M tercatat');
  });

  it('sends no "tomorrow" reminder for a booking made less than a day before, nor one already past', () => {
    const kinds = (now: string) =>
      sent(messagesFor([{ id: 1, event: booking('booking:made') }], input({ now }))).map((s) => s[0]);
    expect(kinds('2031-05-05T23:30:00.000Z')).toEqual(['booking-confirmed', 'booking-reminder-hour']); // 06:30 WIB
    expect(kinds('2031-05-06T00:30:00.000Z')).toEqual(['booking-confirmed']); // 07:30 WIB
  });

  it('withdraws the old reminders of a moved booking before planning the new ones', () => {
    const actions = messagesFor(
      [{ id: 9, event: booking('booking:moved', { date: '2031-05-07' }) }],
      input(),
    );
    expect(actions[0]).toEqual({
      do: 'withdraw',
      ref: 'BK7Q2M',
      kinds: ['booking-reminder-day', 'booking-reminder-hour'],
    });
    expect(sent(actions).map((s) => s[0])).toEqual([
      'booking-moved',
      'booking-reminder-day',
      'booking-reminder-hour',
    ]);
  });

  it('a cancellation withdraws everything unsent and says so; a check-in or no-show only withdraws', () => {
    const cancelled = messagesFor(
      [{ id: 3, event: booking('booking:cancelled') }],
      input({ emailOn: false }),
    );
    expect(cancelled[0]).toMatchObject({ do: 'withdraw', ref: 'BK7Q2M' });
    expect(sent(cancelled)).toEqual([['booking-cancelled', 'whatsapp', NOW]]);
    for (const type of ['booking:checked-in', 'booking:no-show']) {
      const actions = messagesFor([{ id: 4, event: booking(type) }], input());
      expect(actions).toEqual([
        { do: 'withdraw', ref: 'BK7Q2M', kinds: ['booking-reminder-day', 'booking-reminder-hour'] },
      ]);
    }
  });

  it('writes in English when the booking chose it, by SMS when that is the phone channel, nothing without one', () => {
    const en = messagesFor(
      [{ id: 2, event: booking('booking:made', { locale: 'en' }) }],
      input({ phoneChannel: 'sms' }),
    );
    const first = en[0];
    expect(first?.do === 'send' && [first.message.channel, first.message.body.slice(0, 40)]).toEqual([
      'sms',
      'MPP Kubu Raya: booking BK7Q2M for ktp-en',
    ]);
    expect(
      messagesFor([{ id: 2, event: booking('booking:made') }], input({ phoneChannel: null, emailOn: false })),
    ).toEqual([]);
  });

  it('links a booking central took to central’s page for the site, where a phone can reach it', () => {
    const [hall] = messagesFor([{ id: 2, event: booking('booking:made') }], input());
    expect(hall?.do === 'send' && hall.message.values.link).toBe('https://antrean.example.id/booking/BK7Q2M');
    const [central] = messagesFor(
      [{ id: 2, event: booking('booking:made') }],
      input({ bookingSite: { url: 'https://pusat.example.id/', siteId: 'mpp-kubu-raya' } }),
    );
    const sent = central?.do === 'send' ? central.message : null;
    expect(sent?.values.link).toBe('https://pusat.example.id/booking/BK7Q2M?site=mpp-kubu-raya');
    expect(sent?.body).toContain('https://pusat.example.id/booking/BK7Q2M?site=mpp-kubu-raya');
  });

  it('ignores a booking event lacking what a message needs', () => {
    expect(messagesFor([{ id: 2, event: booking('booking:made', { start: undefined }) }], input())).toEqual(
      [],
    );
  });
});

describe('message policy: a walk-in ticket with a number', () => {
  const events = [
    issued('t1', 'A001', 1, 0),
    issued('t2', 'A002', 2, 1),
    issued('t3', 'A003', 3, 2),
    issued('t4', 'A004', 4, 3),
  ];
  const contact: TicketContact = { ticketId: 't4', address: '6281234567890', locale: 'id' };
  const contacts = new Map([['t4', contact]]);
  const after = (more: Parameters<typeof fold>[0]): QueueState => fold([...events, ...more]);

  it('sends the link when the number is given, and nothing for tickets without one', () => {
    const state = after([]);
    const given = { type: 'message:contact-given', ticketId: 't4', channel: 'phone', locale: 'id', at: NOW };
    const actions = messagesFor([{ id: 5, event: given }], input({ state, contacts }));
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      do: 'send',
      message: {
        key: 'ticket:t4:link:whatsapp',
        kind: 'ticket-link',
        to: '6281234567890',
        body: 'MPP Kubu Raya: nomor antrean Anda A004 (ktp-id). Pantau giliran Anda di https://antrean.example.id/t/code-t4',
      },
    });
    expect(messagesFor([{ id: 6, event: given }], input({ state }))).toEqual([]);
  });

  it('says "N orang lagi" with the same key each time the line moves (the outbox keeps the first)', () => {
    const once = messagesFor(
      [{ id: 7, event: called('t1', 'loket-1', 5) }],
      input({ state: after([called('t1', 'loket-1', 5)]), contacts }),
    );
    expect(once).toMatchObject([
      { do: 'send', message: { key: 'ticket:t4:near:whatsapp', kind: 'ticket-near' } },
    ]);
    const body = once[0]?.do === 'send' ? once[0].message.body : '';
    expect(body).toContain('2 orang lagi sebelum Anda (nomor A004)');
    const state = after([called('t1', 'loket-1', 5), called('t2', 'loket-2', 6)]);
    expect(
      messagesFor([{ id: 8, event: called('t2', 'loket-2', 6) }], input({ state, contacts })),
    ).toMatchObject([{ message: { key: 'ticket:t4:near:whatsapp' } }]);
  });

  it('says where the ticket is called, and sends the survey once it is completed', () => {
    const call = called('t4', 'loket-2', 9);
    const calledState = after([call]);
    expect(messagesFor([{ id: 9, event: call }], input({ state: calledState, contacts }))).toMatchObject([
      {
        message: {
          kind: 'ticket-called',
          body: 'MPP Kubu Raya: nomor A004 dipanggil ke Loket loket-2. Silakan menuju loket sekarang.',
        },
      },
    ]);
    const done = finished('t4', 'loket-2', 20);
    expect(
      messagesFor([{ id: 10, event: done }], input({ state: after([call, done]), contacts })),
    ).toMatchObject([
      {
        message: {
          kind: 'ticket-survey',
          body: expect.stringContaining('https://antrean.example.id/survey?ticket=code-t4') as unknown,
        },
      },
    ]);
  });
});

describe('renderTemplate', () => {
  it('fills known placeholders, leaves unknown words, empties missing values', () => {
    expect(renderTemplate('{site}: {number} {unknown} {link}.', { site: 'MPP', number: 'A001' })).toBe(
      'MPP: A001 {unknown} .',
    );
  });
});

describe('frontOfLine', () => {
  it('gives each ticket at the front the same count as ticketsAhead, whatever the mix of services and priorities', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ skck: fc.boolean(), priority: fc.boolean() }), { minLength: 1, maxLength: 30 }),
        fc.nat({ max: 12 }),
        (tickets, count) => {
          const state = fold(
            tickets.map((t, i) =>
              issued(`t${String(i)}`, `X${String(i)}`, i + 1, i, {
                serviceId: t.skck ? 'skck' : 'ktp',
                priority: t.priority ? 'lansia' : null,
              }),
            ),
          );
          for (const serviceId of ['ktp', 'skck']) {
            const front = frontOfLine(state, testConfig, serviceId, count);
            for (const [id, index] of front) {
              const ticket = state.tickets.get(id);
              if (!ticket) throw new Error(id);
              expect(index).toBe(ticketsAhead(state, ticket, testConfig));
            }
          }
        },
      ),
    );
  });
});
