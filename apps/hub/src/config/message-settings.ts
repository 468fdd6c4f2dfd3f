import {
  DEFAULT_MESSAGE_TEMPLATES,
  MESSAGE_KINDS,
  MESSAGE_PLACEHOLDERS,
  type MessageKind,
} from '@giliran/domain';
import { z } from 'zod';

/*
 * The site file's `messages` block (issue 18): the channels and their credentials, how often to retry, when to
 * tell a citizen their turn is near and how long their number is kept. A secret may instead come from the
 * environment, so the site file can be shared without it; the hub never logs one.
 */

const Secret = z.string().min(1).max(4096);

/** A WhatsApp template's language code as Meta names them: `id`, `en`, `en_US`. */
const TemplateLanguage = z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/);

/**
 * One message kind's approved WhatsApp template: its name at Meta and the values, in order, that fill its body's
 * {{1}}, {{2}}… Left out: `giliran_<kind>` (dashes as underscores) with the placeholders of the kind's default
 * Indonesian text in the order they appear (README, "WhatsApp templates", lists them).
 */
export const WhatsAppTemplate = z.object({
  name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'lower-case letters, digits and _'),
  parameters: z.array(z.enum(MESSAGE_PLACEHOLDERS)).max(20).optional(),
});
export type WhatsAppTemplate = z.infer<typeof WhatsAppTemplate>;

/**
 * WhatsApp Business Cloud API: POST {apiUrl}/{phoneNumberId}/messages with a bearer token. A message the business
 * starts outside the 24-hour window must be an approved template: `send: "template"` (the default) sends each kind
 * as its template, in the citizen's language (`languages`); `send: "text"` sends the MOD's texts as they are (for a
 * number that writes to the hall first, or a test account).
 */
export const WhatsAppSettings = z.object({
  apiUrl: z.url().default('https://graph.facebook.com/v21.0'),
  phoneNumberId: z.string().regex(/^\d{1,32}$/),
  token: Secret.optional(),
  send: z.enum(['template', 'text']).default('template'),
  templates: z.partialRecord(z.enum(MESSAGE_KINDS), WhatsAppTemplate).default({}),
  languages: z
    .object({ id: TemplateLanguage.default('id'), en: TemplateLanguage.default('en') })
    .prefault({}),
});

/** An HTTP SMS gateway as Indonesian providers offer them: `{to}` and `{text}` in the URL or the body template. */
export const SmsGatewaySettings = z.object({
  url: z.url(),
  method: z.enum(['GET', 'POST']).default('POST'),
  contentType: z.enum(['application/json', 'application/x-www-form-urlencoded']).default('application/json'),
  /** E.g. `{"to":"{to}","message":"{text}"}`: values are escaped for the content type. */
  body: z.string().max(4096).default('{"to":"{to}","text":"{text}"}'),
  authHeader: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/)
    .default('Authorization'),
  auth: Secret.optional(),
  /** Recipients as the gateway wants them: `62812…` (international) or `0812…` (national). */
  numberFormat: z.enum(['international', 'national']).default('international'),
});

export const EmailSettings = z.object({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65_535).default(587),
  /** TLS from the first byte (port 465); else STARTTLS when the server offers it. */
  secure: z.boolean().default(false),
  user: z.string().min(1).optional(),
  pass: Secret.optional(),
  from: z.string().min(3).max(200),
});

const Localized = z.object({
  id: z.string().trim().min(1).max(1000),
  en: z.string().trim().min(1).max(1000),
});
export const MessageTemplatesSchema = z.strictObject(
  Object.fromEntries(MESSAGE_KINDS.map((k) => [k, Localized])) as Record<MessageKind, typeof Localized>,
);

export const MessageOptionsSchema = z.strictObject({
  /** "N orang lagi sebelum Anda" once no more than this many wait ahead (0: never). */
  nearAhead: z.number().int().min(0).max(50),
  /** Days after the visit that numbers and addresses are kept (UU 27/2022: no longer than needed). */
  keepContactDays: z.number().int().min(1).max(365),
});
export type MessageOptions = z.infer<typeof MessageOptionsSchema>;

export const MessageSettings = z
  .object({
    whatsapp: WhatsAppSettings.optional(),
    sms: SmsGatewaySettings.optional(),
    email: EmailSettings.optional(),
    templates: MessageTemplatesSchema.default(DEFAULT_MESSAGE_TEMPLATES),
    nearAhead: MessageOptionsSchema.shape.nearAhead.default(3),
    keepContactDays: MessageOptionsSchema.shape.keepContactDays.default(30),
    /** Attempts before a message is given up and shown to MOD as failed. */
    maxAttempts: z.number().int().min(1).max(50).default(8),
    /** First retry after this; each next one waits twice as long, up to `retryMaxSeconds`. */
    retryBaseSeconds: z.number().min(0.01).max(3600).default(30),
    retryMaxSeconds: z.number().min(0.01).max(86_400).default(3600),
    /** Messages in flight at once, all channels together. */
    concurrency: z.number().int().min(1).max(32).default(4),
  })
  .prefault({});
export type MessageSettings = z.infer<typeof MessageSettings>;

/** The environment's secrets, over the site file's. */
export const MESSAGE_SECRET_ENV = {
  whatsappToken: 'GILIRAN_WHATSAPP_TOKEN',
  smsAuth: 'GILIRAN_SMS_AUTH',
  smtpPass: 'GILIRAN_SMTP_PASS',
} as const;
