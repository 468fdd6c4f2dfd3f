import { internationalPhone } from '@giliran/protocol';
import {
  HTTP_TIMEOUT_MS,
  httpResult,
  networkFailure,
  type Channel,
  type ChannelMessage,
  type SendResult,
} from './channel.ts';

export interface SmsTarget {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly contentType: 'application/json' | 'application/x-www-form-urlencoded';
  readonly body: string;
  readonly authHeader: string;
  readonly auth: string | null;
  readonly numberFormat: 'international' | 'national';
}

/** `{to}` and `{text}` filled in, each escaped for where it lands (a URL, a JSON string, a form field). */
function fill(template: string, values: { to: string; text: string }, escape: (v: string) => string): string {
  return template.replace(/\{(to|text)\}/g, (_whole, key: 'to' | 'text') => escape(values[key]));
}

const jsonString = (value: string): string => JSON.stringify(value).slice(1, -1);

function providerId(json: unknown): string | null {
  if (typeof json !== 'object' || json === null) return null;
  for (const key of ['messageId', 'message_id', 'id'])
    if (key in json) {
      const value = (json as Record<string, unknown>)[key];
      if (typeof value === 'string' || typeof value === 'number') return String(value);
    }
  return null;
}

/**
 * A configurable HTTP SMS gateway, the way the common Indonesian ones work: a URL (that may carry `{to}` and
 * `{text}`), GET or POST, a body template in JSON or form encoding, and one auth header.
 */
export function smsGatewayChannel(target: SmsTarget): Channel {
  return {
    name: 'sms',
    async send(message: ChannelMessage): Promise<SendResult> {
      const international = internationalPhone(message.to);
      if (international === null)
        return { ok: false, permanent: true, retryAfterMs: null, error: 'not a phone number' };
      const to = target.numberFormat === 'national' ? `0${international.slice(2)}` : international;
      const values = { to, text: message.body };
      const url = fill(target.url, values, encodeURIComponent);
      const headers: Record<string, string> = {};
      if (target.auth !== null) headers[target.authHeader] = target.auth;
      let body: string | undefined;
      if (target.method === 'POST') {
        headers['content-type'] = target.contentType;
        body = fill(
          target.body,
          values,
          target.contentType === 'application/json' ? jsonString : encodeURIComponent,
        );
      }
      try {
        const response = await fetch(url, {
          method: target.method,
          headers,
          ...(body === undefined ? {} : { body }),
          signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
        });
        return await httpResult(response, providerId, () => null);
      } catch (error) {
        return networkFailure(error);
      }
    },
  };
}
