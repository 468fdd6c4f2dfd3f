import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_MESSAGE_TEMPLATES, MESSAGE_KINDS } from '@giliran/domain';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { z } from 'zod';
import { templateBody, whatsAppTemplateOf } from '../../apps/hub/src/messages/channels/whatsapp-cloud.ts';

/*
 * Stand-ins for the providers on loopback, speaking their real protocols: the WhatsApp Business Cloud API's
 * request and answer formats, an HTTP SMS gateway, and a real SMTP server (smtp-server). Each is told per request
 * what to do, as the real ones do it: accept, refuse (4xx), throttle (429 / SMTP 421 with a retry time), fail (5xx)
 * or hang (never answer, for a hub killed mid-send).
 */

export type Behaviour = 'accept' | 'refuse' | 'throttle' | 'fail' | 'hang';

export interface Received {
  /** The text as the provider received it: it names the ticket or booking, so tests count per message. */
  readonly text: string;
  readonly to: string;
  readonly behaviour: Behaviour;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

export interface FakeProvider {
  readonly url: string;
  readonly received: Received[];
  /** Only what was accepted: delivered messages. */
  delivered(): Received[];
  /** Decides each request from its number (0-based) and text; accept by default. */
  behave(rule: (n: number, text: string) => Behaviour): void;
  /** Answers every request left hanging (as a provider that comes back). */
  releaseHanging(): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      resolve(body);
    });
    req.on('error', reject);
  });
}

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function listenHttp(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) json(res, 500, {});
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}` };
}

interface Parsed {
  readonly text: string;
  readonly to: string;
  readonly authorised: boolean;
  /** The provider refuses this request as it stands (an unknown template): its Graph error code and words. */
  readonly refused?: { readonly code: number; readonly message: string };
}

/** The parts both HTTP fakes share: the rule, the log, the hanging answers. */
async function httpFake(
  parse: (req: IncomingMessage, body: string) => Parsed | null,
  answer: (res: ServerResponse, behaviour: Behaviour, n: number, parsed: Parsed) => void,
): Promise<FakeProvider> {
  const received: Received[] = [];
  const hanging: (() => void)[] = [];
  let rule: (n: number, text: string) => Behaviour = () => 'accept';
  const { server, url } = await listenHttp(async (req, res) => {
    const body = await readBody(req);
    const parsed = parse(req, body);
    if (parsed === null) {
      json(res, 400, { error: { message: 'bad request', code: 100 } });
      return;
    }
    if (!parsed.authorised) {
      json(res, 401, { error: { message: 'Invalid OAuth access token', code: 190 } });
      return;
    }
    const n = received.length;
    if (parsed.refused) {
      received.push({ text: parsed.text, to: parsed.to, behaviour: 'refuse', headers: req.headers });
      json(res, 400, { error: { ...parsed.refused, type: 'OAuthException', fbtrace_id: 'AbCdEf' } });
      return;
    }
    const behaviour = rule(n, parsed.text);
    received.push({ text: parsed.text, to: parsed.to, behaviour, headers: req.headers });
    if (behaviour === 'hang') {
      hanging.push(() => {
        answer(res, 'accept', n, parsed);
      });
      return;
    }
    answer(res, behaviour, n, parsed);
  });
  return {
    url,
    received,
    delivered: () => received.filter((r) => r.behaviour === 'accept'),
    behave(next) {
      rule = next;
    },
    releaseHanging() {
      for (const release of hanging.splice(0)) release();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

const GRAPH_ERRORS: Readonly<Record<Exclude<Behaviour, 'accept' | 'hang'>, [number, number, string]>> = {
  refuse: [400, 131009, '(#131009) Parameter value is not valid'],
  throttle: [429, 130429, '(#130429) Rate limit hit'],
  fail: [500, 131000, '(#131000) Something went wrong'],
};

/** Approved templates as Meta holds them: name → language code → body with {{1}}, {{2}}… */
export type ApprovedTemplates = ReadonlyMap<string, Readonly<Record<string, string>>>;

/** The hub's default texts registered as its default templates, in Indonesian (`id`) and English (`en`). */
export function defaultApprovedTemplates(): ApprovedTemplates {
  return new Map(
    MESSAGE_KINDS.map((kind) => {
      const { name, parameters } = whatsAppTemplateOf(kind);
      const texts = DEFAULT_MESSAGE_TEMPLATES[kind];
      return [name, { id: templateBody(texts.id, parameters), en: templateBody(texts.en, parameters) }];
    }),
  );
}

const TemplateRequest = z.strictObject({
  name: z.string().regex(/^[a-z0-9_]+$/),
  language: z.strictObject({ code: z.string().min(2), policy: z.literal('deterministic').optional() }),
  components: z
    .array(
      z.strictObject({
        type: z.literal('body'),
        // Meta's rule: no line break or tab, at most four spaces in a row, never empty.
        parameters: z.array(
          z.strictObject({
            type: z.literal('text'),
            text: z
              .string()
              .min(1)
              .regex(/^[^\n\t]*$/)
              .refine((t) => !/ {5}/.test(t)),
          }),
        ),
      }),
    )
    .optional(),
});

const WhatsAppRequest = z.discriminatedUnion('type', [
  z.strictObject({
    messaging_product: z.literal('whatsapp'),
    recipient_type: z.literal('individual').optional(),
    to: z.string().regex(/^\d{8,15}$/),
    type: z.literal('text'),
    text: z.strictObject({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() }),
  }),
  z.strictObject({
    messaging_product: z.literal('whatsapp'),
    recipient_type: z.literal('individual').optional(),
    to: z.string().regex(/^\d{8,15}$/),
    type: z.literal('template'),
    template: TemplateRequest,
  }),
]);

/** A template request as the citizen would read it, or why Meta refuses it. */
function renderTemplate(
  template: z.infer<typeof TemplateRequest>,
  approved: ApprovedTemplates,
): { text: string; refused?: { code: number; message: string } } {
  const body = approved.get(template.name)?.[template.language.code];
  const values = template.components?.[0]?.parameters.map((p) => p.text) ?? [];
  if (body === undefined)
    return {
      text: template.name,
      refused: { code: 132001, message: '(#132001) Template name does not exist in the translation' },
    };
  const expected = new Set([...body.matchAll(/\{\{(\d+)\}\}/g)].map((m) => m[1])).size;
  if (expected !== values.length)
    return {
      text: template.name,
      refused: {
        code: 132000,
        message: '(#132000) Number of parameters does not match the expected number of params',
      },
    };
  return { text: body.replace(/\{\{(\d+)\}\}/g, (_m, n: string) => values[Number(n) - 1] ?? '') };
}

/**
 * POST /{phone-number-id}/messages with `Authorization: Bearer`, checked against the Cloud API's documented request
 * (a text, or a template with its body parameters) and answered as the Cloud API answers. A template must be one
 * of `approved`, in that language, with as many parameters as its body has: its text is the approved body filled in.
 */
export function fakeWhatsApp(
  phoneNumberId: string,
  token: string,
  approved: ApprovedTemplates = defaultApprovedTemplates(),
): Promise<FakeProvider> {
  return httpFake(
    (req, body) => {
      if (req.method !== 'POST' || req.url !== `/${phoneNumberId}/messages`) return null;
      const message = WhatsAppRequest.safeParse(JSON.parse(body));
      if (!message.success) return null;
      const authorised = req.headers.authorization === `Bearer ${token}`;
      const { to } = message.data;
      if (message.data.type === 'text') return { text: message.data.text.body, to, authorised };
      return { ...renderTemplate(message.data.template, approved), to, authorised };
    },
    (res, behaviour, n, parsed) => {
      if (behaviour === 'accept' || behaviour === 'hang') {
        json(res, 200, {
          messaging_product: 'whatsapp',
          contacts: [{ input: parsed.to, wa_id: parsed.to }],
          messages: [{ id: `wamid.FAKE${String(n)}` }],
        });
        return;
      }
      const [status, code, message] = GRAPH_ERRORS[behaviour];
      json(
        res,
        status,
        { error: { message, type: 'OAuthException', code, fbtrace_id: 'AbCdEf' } },
        behaviour === 'throttle' ? { 'retry-after': '1' } : {},
      );
    },
  );
}

/** A JSON SMS gateway: POST {to, text} with an API key header, 200 {status, messageId} on success. */
export function fakeSmsGateway(apiKey: string): Promise<FakeProvider> {
  return httpFake(
    (req, body) => {
      if (req.method !== 'POST' || req.url !== '/send') return null;
      const message = JSON.parse(body) as { to?: string; text?: string };
      if (!message.to || !message.text) return null;
      return { text: message.text, to: message.to, authorised: req.headers['x-api-key'] === apiKey };
    },
    (res, behaviour, n) => {
      if (behaviour === 'accept' || behaviour === 'hang') {
        json(res, 200, { status: 'queued', messageId: `sms-${String(n)}` });
        return;
      }
      const status = behaviour === 'refuse' ? 400 : behaviour === 'throttle' ? 429 : 503;
      json(
        res,
        status,
        { status: 'error', message: behaviour },
        behaviour === 'throttle' ? { 'retry-after': '1' } : {},
      );
    },
  );
}

export interface SmtpSink extends FakeProvider {
  readonly port: number;
  /** Every accepted message's Message-ID, as many times as it arrived. */
  readonly messageIds: string[];
}

/**
 * A real SMTP server (the `smtp-server` package) with AUTH: refuses with 550 at RCPT, throttles with 421, fails
 * with 451 (both SMTP's "try again later"), or accepts and keeps the message.
 */
export async function smtpSink(user: string, pass: string): Promise<SmtpSink> {
  const received: Received[] = [];
  const messageIds: string[] = [];
  let rule: (n: number, text: string) => Behaviour = () => 'accept';
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === pass) callback(null, { user });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session: SMTPServerSession, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        const n = received.length;
        const behaviour = rule(n, raw);
        received.push({ text: raw, to, behaviour, headers: {} });
        const codes: Record<Exclude<Behaviour, 'accept' | 'hang'>, [number, string]> = {
          refuse: [550, '5.1.1 Mailbox does not exist'],
          throttle: [421, '4.7.0 Too many messages, try again later'],
          fail: [451, '4.3.0 Local error in processing'],
        };
        if (behaviour === 'accept' || behaviour === 'hang') {
          const id = /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? '';
          messageIds.push(id);
          callback(null, 'Message queued');
          return;
        }
        const [responseCode, text] = codes[behaviour];
        callback(Object.assign(new Error(text), { responseCode }));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${String(port)}`,
    port,
    received,
    messageIds,
    delivered: () => received.filter((r) => r.behaviour === 'accept'),
    behave(next) {
      rule = next;
    },
    releaseHanging() {
      // SMTP answers at once: nothing hangs.
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
