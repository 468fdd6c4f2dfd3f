import { MESSAGE_KINDS } from '@giliran/domain';
import { z } from 'zod';

// Messages to citizens (issue 18): the number left at the kiosk, the outbox as MOD sees it, the texts MOD edits.

export type MessageErrorCode = 'MESSAGES_OFF' | 'MESSAGE_NOT_FOUND' | 'PHONE_INVALID';

export const MESSAGE_ERRORS: Readonly<
  Record<MessageErrorCode, { status: number; message: { id: string; en: string } }>
> = {
  MESSAGES_OFF: {
    status: 409,
    message: {
      id: 'Pesan WhatsApp/SMS belum diaktifkan di lokasi ini.',
      en: 'WhatsApp/SMS messages are not set up at this site.',
    },
  },
  MESSAGE_NOT_FOUND: {
    status: 404,
    message: {
      id: 'Pesan tidak ditemukan atau tidak dapat dikirim ulang.',
      en: 'Message not found or not resendable.',
    },
  },
  PHONE_INVALID: {
    status: 400,
    message: {
      id: 'Nomor HP tidak valid. Contoh: 0812 3456 7890.',
      en: 'The phone number is not valid. Example: 0812 3456 7890.',
    },
  },
};

/**
 * An Indonesian mobile number as WhatsApp and gateways take it: digits with the country code (`62812…`), from
 * `0812…`, `+62 812-…` or `62812…`. Null when it cannot be one.
 */
export function internationalPhone(raw: string): string | null {
  const digits = raw.replace(/[\s().-]/g, '').replace(/^\+/, '');
  if (!/^\d+$/.test(digits)) return null;
  const international = digits.startsWith('0') ? `62${digits.slice(1)}` : digits;
  return /^628\d{7,11}$/.test(international) ? international : null;
}

/** A number shown in a list: the country code and the last three digits, nothing between (`62812•••••890`). */
export function maskPhone(value: string | null): string {
  if (value === null) return '(dihapus)';
  if (value.includes('@')) return maskEmail(value);
  if (value.length <= 6) return '•'.repeat(value.length);
  return `${value.slice(0, 5)}${'•'.repeat(value.length - 8)}${value.slice(-3)}`;
}

export function maskEmail(value: string): string {
  const [user = '', domain = ''] = value.split('@');
  return `${user.slice(0, 1)}•••@${domain}`;
}

export const ContactRequest = z.strictObject({
  ticketId: z.string().min(1).max(64),
  phone: z
    .string()
    .max(32)
    .refine((v) => internationalPhone(v) !== null, 'not an Indonesian mobile number'),
  locale: z.enum(['id', 'en']).default('id'),
  idempotencyKey: z.string().min(1).max(64).optional(),
});
export type ContactRequest = z.infer<typeof ContactRequest>;

export const OutboxStatus = z.enum(['pending', 'sending', 'sent', 'failed', 'withdrawn']);

export const MessageView = z.object({
  id: z.number(),
  kind: z.enum(MESSAGE_KINDS),
  channel: z.enum(['whatsapp', 'sms', 'email']),
  /** Masked, always: no list shows a whole number or address. */
  to: z.string(),
  status: OutboxStatus,
  attempts: z.number(),
  createdAt: z.string(),
  notBefore: z.string(),
  sentAt: z.string().nullable(),
  lastError: z.string().nullable(),
  ref: z.string(),
});
export type MessageView = z.infer<typeof MessageView>;

export const MessagesView = z.object({
  counts: z.record(OutboxStatus, z.number()),
  messages: z.array(MessageView),
  channels: z.object({ whatsapp: z.boolean(), sms: z.boolean(), email: z.boolean() }),
});
export type MessagesView = z.infer<typeof MessagesView>;

export const MessagesQuery = z.object({
  status: OutboxStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const Localized = z.strictObject({
  id: z.string().trim().min(1).max(1000),
  en: z.string().trim().min(1).max(1000),
});
export const MessageTemplatesBody = z.strictObject({
  templates: z.strictObject(
    Object.fromEntries(MESSAGE_KINDS.map((k) => [k, Localized])) as Record<
      (typeof MESSAGE_KINDS)[number],
      typeof Localized
    >,
  ),
});
export const MessageOptionsBody = z.strictObject({
  nearAhead: z.number().int().min(0).max(50),
  keepContactDays: z.number().int().min(1).max(365),
});

export const MessageSettingsView = z.object({
  templates: MessageTemplatesBody.shape.templates,
  nearAhead: z.number(),
  keepContactDays: z.number(),
  editable: z.boolean(),
});
export type MessageSettingsView = z.infer<typeof MessageSettingsView>;
