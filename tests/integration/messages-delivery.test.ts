import { MessagesView } from '@giliran/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { MessageSettings } from '../../apps/hub/src/config/message-settings.ts';
import {
  fakeSmsGateway,
  fakeWhatsApp,
  smtpSink,
  type FakeProvider,
  type SmtpSink,
} from '../support/fake-message-providers.ts';
import { demoSite, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';
import {
  appendForeignEvents,
  bookingEvent,
  capturedLogger,
  outboxRows,
  outboxSettled,
  SMS_KEY,
  SMTP_PASS,
  SMTP_USER,
  WA_PHONE_ID,
  WA_TOKEN,
} from '../support/message-world.ts';

/*
 * Issue 18: every message arrives exactly once, or is marked failed after the limit, whatever the providers answer.
 * The providers are real servers on loopback speaking the WhatsApp Cloud API's format, an SMS gateway's and SMTP.
 */

const PUBLIC_URL = 'https://antrean.mpp.example.id';
const MAX_ATTEMPTS = 4;

let t: TestHub | undefined;
const providers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await t?.stop();
  t = undefined;
  for (const p of providers.splice(0)) await p.close();
});

function messages(extra: Record<string, unknown>) {
  return MessageSettings.parse({
    maxAttempts: MAX_ATTEMPTS,
    retryBaseSeconds: 0.05,
    retryMaxSeconds: 0.3,
    nearAhead: 2,
    ...extra,
  });
}

async function issueWithContact(
  hub: TestHub,
  phone: string,
): Promise<{ id: string; number: string; code: string }> {
  const issued = await hub.api<{ id: string; number: string; code: string }>('POST', '/tickets', {
    token: KIOSK_TOKEN,
    body: { serviceId: 'ktp-el' },
  });
  expect(issued.status).toBe(201);
  const given = await hub.api<{ to: string }>('POST', '/messages/contacts', {
    token: KIOSK_TOKEN,
    body: { ticketId: issued.body.id, phone, locale: 'id' },
  });
  expect(given.status).toBe(201);
  expect(given.body.to).not.toContain(phone.slice(-6));
  return issued.body;
}

const countOf = (provider: FakeProvider, needle: string): number =>
  provider.delivered().filter((r) => r.text.includes(needle)).length;

describe('messages through WhatsApp and SMTP', () => {
  let wa: FakeProvider;
  let mail: SmtpSink;

  it('delivers each once through refusals, throttling and failures; gives up at the limit; logs no secret', async () => {
    wa = await fakeWhatsApp(WA_PHONE_ID, WA_TOKEN);
    mail = await smtpSink(SMTP_USER, SMTP_PASS);
    providers.push(wa, mail);
    const seen = new Map<string, number>();
    wa.behave((_n, text) => {
      const number = /A00\d/.exec(text)?.[0] ?? text;
      const times = (seen.get(number) ?? 0) + 1;
      seen.set(number, times);
      if (number === 'A001') return 'refuse';
      if (number === 'A002') return times <= 2 ? 'throttle' : 'accept';
      if (number === 'A003') return 'fail';
      return 'accept';
    });
    let mails = 0;
    mail.behave((_n, text) => {
      mails++;
      if (text.includes('BKREFUSED')) return 'refuse';
      return mails === 1 ? 'throttle' : 'accept';
    });
    const log = capturedLogger();
    t = await startTestHub({
      logger: log.logger,
      site: demoSite({
        publicUrl: PUBLIC_URL,
        messages: messages({
          whatsapp: { apiUrl: wa.url, phoneNumberId: WA_PHONE_ID, token: WA_TOKEN },
          email: {
            host: '127.0.0.1',
            port: mail.port,
            user: SMTP_USER,
            pass: SMTP_PASS,
            from: 'MPP <mpp@example.id>',
          },
        }),
      }),
    });
    const tickets = [];
    for (let i = 1; i <= 5; i++)
      tickets.push(await issueWithContact(t, `0812 3400 00${String(i).padStart(2, '0')}`));
    const [a1, a2, a3, a4, a5] = tickets;
    if (!a1 || !a2 || !a3 || !a4 || !a5) throw new Error('five tickets');

    const rows = await outboxSettled(t.hub);
    const link = (ticketId: string) => rows.find((r) => r.ref === ticketId && r.kind === 'ticket-link');
    expect(link(a1.id)).toMatchObject({ status: 'failed', attempts: 1 }); // 400: refused for good
    expect(link(a2.id)).toMatchObject({ status: 'sent', attempts: 3 }); // 429, 429, then 200
    expect(link(a3.id)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS }); // 500 every time
    expect(link(a4.id)).toMatchObject({ status: 'sent', attempts: 1 });
    for (const ticket of [a2, a4, a5]) expect(countOf(wa, ticket.number)).toBe(1);
    expect(countOf(wa, 'A001') + countOf(wa, 'A003')).toBe(0);
    expect(wa.received.filter((r) => r.text.includes('A003'))).toHaveLength(MAX_ATTEMPTS);
    // The ticket's own status page, at the public address, to the number in international form.
    const a4Sent = wa.delivered().find((r) => r.text.includes('A004'));
    expect(a4Sent?.text).toContain(`${PUBLIC_URL}/t/${a4.code}`);
    expect(a4Sent?.to).toBe('6281234000004');

    // MOD sees the two failures, masked; sending one again after the provider recovered delivers it once.
    const mod = await t.login('mod');
    const failed = await t.api('GET', '/messages?status=failed', { token: mod, schema: MessagesView });
    expect(failed.status).toBe(200);
    const failedView = MessagesView.parse(failed.body);
    expect(failedView.messages.map((m) => m.ref).sort()).toEqual([a1.id, a3.id].sort());
    expect(JSON.stringify(failedView)).not.toContain('6281234000003');
    expect(failedView.messages.find((m) => m.ref === a3.id)?.to).toBe('62812•••••003');
    wa.behave(() => 'accept');
    const failedA3 = failedView.messages.find((m) => m.ref === a3.id);
    expect((await t.api('POST', `/messages/${String(failedA3?.id)}/retry`, { token: mod })).status).toBe(200);
    await outboxSettled(t.hub);
    expect(countOf(wa, 'A003')).toBe(1);
    expect((await t.api('POST', `/messages/${String(failedA3?.id)}/retry`, { token: mod })).status).toBe(404);

    // A booking (as issue 18a logs it) is confirmed by WhatsApp and e-mail; SMTP's 421 is tried again.
    appendForeignEvents(t.hub, [
      bookingEvent('booking:made', {
        code: 'BK7Q2M',
        date: '2031-05-06',
        start: '08:00',
        end: '10:00',
        email: 'siti@example.id',
      }),
    ]);
    await outboxSettled(t.hub);
    expect(countOf(wa, 'BK7Q2M')).toBe(1);
    expect(mail.delivered().filter((m) => m.text.includes('BK7Q2M'))).toHaveLength(1);
    expect(new Set(mail.messageIds).size).toBe(mail.messageIds.length);
    const reminders = outboxRows(t.hub).filter(
      (r) => r.ref === 'BK7Q2M' && r.kind.startsWith('booking-reminder'),
    );
    expect(reminders.map((r) => [r.kind, r.channel, r.status, r.not_before]).sort()).toEqual([
      ['booking-reminder-day', 'email', 'pending', '2031-05-05T01:00:00.000Z'],
      ['booking-reminder-day', 'whatsapp', 'pending', '2031-05-05T01:00:00.000Z'],
      ['booking-reminder-hour', 'email', 'pending', '2031-05-06T00:00:00.000Z'],
      ['booking-reminder-hour', 'whatsapp', 'pending', '2031-05-06T00:00:00.000Z'],
    ]);

    // Cancelled: its reminders are withdrawn and the cancellation goes out.
    appendForeignEvents(t.hub, [
      bookingEvent('booking:cancelled', {
        code: 'BK7Q2M',
        date: '2031-05-06',
        start: '08:00',
        end: '10:00',
        email: 'siti@example.id',
      }),
    ]);
    await outboxSettled(t.hub);
    expect(outboxRows(t.hub).filter((r) => r.ref === 'BK7Q2M' && r.status === 'withdrawn')).toHaveLength(4);
    expect(
      wa.delivered().filter((r) => r.text.includes('BK7Q2M') && r.text.includes('dibatalkan')),
    ).toHaveLength(1);

    // A refused address (SMTP 550) is failed at once, and MOD's screens are told.
    appendForeignEvents(t.hub, [
      bookingEvent('booking:made', {
        code: 'BKREFUSED',
        date: '2031-05-07',
        start: '08:00',
        end: '10:00',
        email: 'nobody@example.id',
        phone: '',
      }),
    ]);
    const after = await outboxSettled(t.hub);
    expect(after.find((r) => r.ref === 'BKREFUSED' && r.kind === 'booking-confirmed')).toMatchObject({
      status: 'failed',
      attempts: 1,
      channel: 'email',
    });

    const logged = log.lines();
    expect(logged).toContain('message given up');
    for (const secret of [
      WA_TOKEN,
      SMTP_PASS,
      Buffer.from(`\u0000${SMTP_USER}\u0000${SMTP_PASS}`).toString('base64'),
    ])
      expect(logged).not.toContain(secret);
    expect(logged).not.toContain('6281234000003');
  });
});

describe('messages through an SMS gateway', () => {
  it('sends a phone number by SMS when WhatsApp is not set up, with the gateway key from the environment', async () => {
    const sms = await fakeSmsGateway(SMS_KEY);
    providers.push(sms);
    sms.behave((_n, text) => (text.includes('A001') ? 'refuse' : 'accept'));
    const log = capturedLogger();
    process.env.GILIRAN_SMS_AUTH = SMS_KEY;
    try {
      t = await startTestHub({
        logger: log.logger,
        site: demoSite({
          publicUrl: PUBLIC_URL,
          messages: messages({
            sms: { url: `${sms.url}/send`, authHeader: 'X-Api-Key', body: '{"to":"{to}","text":"{text}"}' },
          }),
        }),
      });
    } finally {
      delete process.env.GILIRAN_SMS_AUTH;
    }
    const a1 = await issueWithContact(t, '+62 812-3400-0001');
    const a2 = await issueWithContact(t, '6281234000002');
    const rows = await outboxSettled(t.hub);
    expect(rows.map((r) => [r.ref, r.channel, r.status])).toEqual([
      [a1.id, 'sms', 'failed'],
      [a2.id, 'sms', 'sent'],
    ]);
    expect(countOf(sms, 'A002')).toBe(1);
    expect(sms.delivered()[0]?.to).toBe('6281234000002');
    expect(log.lines()).not.toContain(SMS_KEY);
  });
});

describe('messages of a walk-in ticket', () => {
  it('tells a ticket when its turn is near once, when it is called and where, and sends the survey after', async () => {
    const wa = await fakeWhatsApp(WA_PHONE_ID, WA_TOKEN);
    providers.push(wa);
    t = await startTestHub({
      site: demoSite({
        publicUrl: PUBLIC_URL,
        messages: messages({ whatsapp: { apiUrl: wa.url, phoneNumberId: WA_PHONE_ID, token: WA_TOKEN } }),
      }),
    });
    const kiosk = (body: unknown) =>
      t?.api<{ id: string; number: string }>('POST', '/tickets', { token: KIOSK_TOKEN, body });
    for (let i = 0; i < 3; i++) await kiosk({ serviceId: 'ktp-el' });
    const a4 = await issueWithContact(t, '081234000004');
    const loket1 = await t.login('loket1');
    const loket2 = await t.login('loket2');
    const call = async (token: string, counter: string) => {
      const res = await t?.api<{ id: string; number: string }>('POST', `/counters/${counter}/call-next`, {
        token,
      });
      expect(res?.status).toBe(200);
      return res?.body.id ?? '';
    };
    const finish = async (token: string, id: string) => {
      expect((await t?.api('POST', `/tickets/${id}/step`, { token }))?.status).toBe(200);
      expect((await t?.api('POST', `/tickets/${id}/finish`, { token }))?.status).toBe(200);
    };
    const first = await call(loket1, 'loket-1'); // A004 has 2 ahead: near
    const second = await call(loket2, 'loket-2'); // 1 ahead: not again
    await finish(loket1, first);
    await finish(loket2, second);
    const third = await call(loket1, 'loket-1');
    await finish(loket1, third);
    expect(await call(loket2, 'loket-2')).toBe(a4.id);
    await finish(loket2, a4.id);
    await outboxSettled(t.hub);
    const texts = wa.delivered().map((r) => r.text);
    expect(texts).toEqual([
      expect.stringContaining(`nomor antrean Anda ${a4.number}`),
      expect.stringContaining(`2 orang lagi sebelum Anda (nomor ${a4.number})`),
      expect.stringContaining(`nomor ${a4.number} dipanggil ke Loket 2`),
      expect.stringContaining(`Survei Kepuasan Masyarakat): ${PUBLIC_URL}/survey?ticket=`),
    ]);
  });

  it('refuses a number that is not an Indonesian mobile, and any number on a site without messages', async () => {
    t = await startTestHub();
    const issued = await t.api<{ id: string }>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'ktp-el' },
    });
    const give = (phone: string) =>
      t?.api<{ error: { code: string } }>('POST', '/messages/contacts', {
        token: KIOSK_TOKEN,
        body: { ticketId: issued.body.id, phone },
      });
    expect((await give('12345'))?.status).toBe(400);
    const off = await give('081234567890');
    expect(off?.status).toBe(409);
    expect(off?.body.error.code).toBe('MESSAGES_OFF');
  });
});
