import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_MESSAGE_TEMPLATES, renderTemplate } from '@giliran/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  templateBody,
  whatsAppChannel,
  whatsAppTemplateOf,
} from '../../apps/hub/src/messages/channels/whatsapp-cloud.ts';
import { WhatsAppSettings } from '../../apps/hub/src/config/message-settings.ts';
import { fakeWhatsApp, type FakeProvider } from '../support/fake-message-providers.ts';
import { WA_PHONE_ID, WA_TOKEN } from '../support/message-world.ts';

// Issue 18: a message the hall starts outside WhatsApp's 24-hour window must be an approved template. The fake
// Cloud API checks the documented request (type "template", name, language code, body parameters) and fills the
// approved body, as Meta does before the citizen reads it.

const values = {
  site: 'MPP Kubu Raya',
  code: 'BK7Q2M9X',
  link: 'https://mpp.example.go.id/booking/BK7Q2M9X',
  name: 'Siti\nAminah', // a line break Meta refuses in a parameter
  service: 'KTP-el',
  date: '2026-11-26',
  start: '08:00',
  end: '10:00',
};
const message = (locale: 'id' | 'en', kind = 'booking-confirmed') => ({
  id: 1,
  to: '6281234567890',
  subject: null,
  body: 'the MOD’s own text',
  kind,
  locale,
  variables: values,
});

describe('WhatsApp template messages', () => {
  let wa: FakeProvider;
  beforeAll(async () => {
    wa = await fakeWhatsApp(WA_PHONE_ID, WA_TOKEN);
  });
  afterAll(async () => {
    await wa.close();
  });
  /** The channel as the hub makes it from the site file's `whatsapp` block (the token from the file). */
  const channelAt = (apiUrl: string, extra: Record<string, unknown> = {}) =>
    whatsAppChannel({
      ...WhatsAppSettings.parse({ apiUrl, phoneNumberId: WA_PHONE_ID, ...extra }),
      token: WA_TOKEN,
    });

  it('sends each kind as its approved template by default, the parameters filled from the message’s values', async () => {
    const channel = channelAt(wa.url);
    const result = await channel.send(message('id'));
    expect(result).toEqual({ ok: true, providerId: 'wamid.FAKE0' });
    // Meta fills the approved body: what the citizen reads is the default text, the name on one line.
    expect(wa.received.at(-1)?.text).toBe(
      renderTemplate(DEFAULT_MESSAGE_TEMPLATES['booking-confirmed'].id, { ...values, name: 'Siti Aminah' }),
    );
    expect(await channel.send(message('en'))).toMatchObject({ ok: true });
    expect(wa.received.at(-1)?.text).toContain('is confirmed for Siti Aminah');
  });

  it('takes the template names, parameters and language codes the site file gives; text only when told so', async () => {
    const approved = new Map([
      ['mpp_booking_ok', { id_ID: 'Booking {{1}} tercatat untuk {{2}}.', en_US: 'Booking {{1}} for {{2}}.' }],
    ]);
    const own = await fakeWhatsApp(WA_PHONE_ID, WA_TOKEN, approved);
    try {
      const named = channelAt(own.url, {
        templates: { 'booking-confirmed': { name: 'mpp_booking_ok', parameters: ['code', 'service'] } },
        languages: { id: 'id_ID', en: 'en_US' },
      });
      expect(await named.send(message('en'))).toMatchObject({ ok: true });
      expect(own.received.at(-1)?.text).toBe('Booking BK7Q2M9X for KTP-el.');
      // A kind with no approved template is refused by Meta for good: the outbox marks it failed, not retried.
      const unknown = await named.send(message('id', 'booking-cancelled'));
      expect(unknown).toMatchObject({ ok: false, permanent: true });
      expect(unknown.ok ? '' : unknown.error).toContain('132001');
      const text = channelAt(own.url, { send: 'text' });
      expect(await text.send(message('id'))).toMatchObject({ ok: true });
      expect(own.received.at(-1)?.text).toBe('the MOD’s own text');
    } finally {
      await own.close();
    }
  });

  it('a message kept from before its values were stored goes as text', async () => {
    const channel = channelAt(wa.url);
    await channel.send({ ...message('id'), variables: null });
    expect(wa.received.at(-1)?.text).toBe('the MOD’s own text');
  });

  it('the request is the documented one, byte for byte in its shape', async () => {
    let body: unknown = null;
    const server = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString()));
      req.on('end', () => {
        body = JSON.parse(text);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ messages: [{ id: 'wamid.X' }] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
    try {
      await channelAt(url).send(message('id', 'ticket-called'));
      const { name, parameters } = whatsAppTemplateOf('ticket-called');
      expect(name).toBe('giliran_ticket_called');
      expect(templateBody(DEFAULT_MESSAGE_TEMPLATES['ticket-called'].id, parameters)).toBe(
        '{{1}}: nomor {{2}} dipanggil ke {{3}}. Silakan menuju loket sekarang.',
      );
      expect(body).toEqual({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: '6281234567890',
        type: 'template',
        template: {
          name: 'giliran_ticket_called',
          language: { code: 'id' },
          components: [
            {
              type: 'body',
              parameters: [
                { type: 'text', text: 'MPP Kubu Raya' },
                // No ticket number among the values: an empty parameter is refused, so it goes as "-".
                { type: 'text', text: '-' },
                { type: 'text', text: '-' },
              ],
            },
          ],
        },
      });
    } finally {
      server.close();
    }
  });
});
