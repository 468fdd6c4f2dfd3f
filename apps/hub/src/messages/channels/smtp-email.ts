import { createTransport } from 'nodemailer';
import type { Channel, ChannelMessage, SendResult } from './channel.ts';

export interface SmtpTarget {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly user: string | null;
  readonly pass: string | null;
  readonly from: string;
  /** Names this hub in each message's Message-ID, so one outbox row keeps one id however often it is tried. */
  readonly siteId: string;
}

interface SmtpError {
  readonly responseCode?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
}

/** Connection-level codes nodemailer gives when no SMTP reply was had: try again later. */
const TRANSIENT_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNRESET']);

/**
 * SMTP reply classes (RFC 5321 §4.2.1): 4xx is a transient failure, 5xx a permanent one. The error names the
 * reply, never the credentials.
 */
function smtpFailure(error: unknown, pass: string | null): SendResult {
  const e = (typeof error === 'object' && error !== null ? error : {}) as SmtpError;
  const reply = typeof e.responseCode === 'number' ? e.responseCode : null;
  const code = typeof e.code === 'string' ? e.code : 'SMTP';
  let said = typeof e.message === 'string' ? e.message.replace(/\s+/g, ' ').slice(0, 200) : '';
  if (pass) said = said.split(pass).join('***');
  const permanent = reply !== null ? reply >= 500 : !TRANSIENT_CODES.has(code) && code !== 'SMTP';
  return {
    ok: false,
    permanent,
    retryAfterMs: null,
    error: `${reply === null ? code : `SMTP ${String(reply)}`}${said ? `: ${said}` : ''}`,
  };
}

/** E-mail through the site's SMTP server with nodemailer (a maintained client: STARTTLS, AUTH, pooling, replies). */
export function smtpChannel(target: SmtpTarget): Channel {
  const transport = createTransport({
    host: target.host,
    port: target.port,
    secure: target.secure,
    ...(target.user !== null && target.pass !== null
      ? { auth: { user: target.user, pass: target.pass } }
      : {}),
    pool: true,
    maxConnections: 2,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    logger: false,
  });
  return {
    name: 'email',
    async send(message: ChannelMessage): Promise<SendResult> {
      try {
        const info = await transport.sendMail({
          from: target.from,
          to: message.to,
          subject: message.subject ?? '',
          text: message.body,
          messageId: `<outbox-${String(message.id)}.${target.siteId}@giliran.invalid>`,
        });
        return { ok: true, providerId: info.messageId };
      } catch (error) {
        return smtpFailure(error, target.pass);
      }
    },
    close() {
      transport.close();
    },
  };
}
