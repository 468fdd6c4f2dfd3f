import { internationalPhone } from '@giliran/protocol';
import {
  HTTP_TIMEOUT_MS,
  httpResult,
  networkFailure,
  type Channel,
  type ChannelMessage,
  type SendResult,
} from './channel.ts';

export interface WhatsAppTarget {
  readonly apiUrl: string;
  readonly phoneNumberId: string;
  readonly token: string;
}

function messageId(json: unknown): string | null {
  if (typeof json !== 'object' || json === null || !('messages' in json) || !Array.isArray(json.messages))
    return null;
  const first: unknown = json.messages[0];
  return typeof first === 'object' && first !== null && 'id' in first && typeof first.id === 'string'
    ? first.id
    : null;
}

/** The Graph API's error object: `{error: {message, code, error_subcode}}`. */
function graphError(json: unknown): string | null {
  if (typeof json !== 'object' || json === null || !('error' in json)) return null;
  const error = json.error;
  if (typeof error !== 'object' || error === null) return null;
  const code = 'code' in error ? String(error.code) : '?';
  const message = 'message' in error && typeof error.message === 'string' ? error.message : '';
  return `${code} ${message}`.trim().slice(0, 200);
}

/**
 * WhatsApp Business Cloud API, as its reference documents it: POST /{phone-number-id}/messages with a bearer
 * token and `{messaging_product: "whatsapp", to, type: "text", text: {body}}`; 200 answers `messages[0].id`
 * (wamid), errors carry a Graph error object; 429 and error 130429/131056 are throttling.
 */
export function whatsAppChannel(target: WhatsAppTarget): Channel {
  const url = `${target.apiUrl.replace(/\/$/, '')}/${target.phoneNumberId}/messages`;
  return {
    name: 'whatsapp',
    async send(message: ChannelMessage): Promise<SendResult> {
      const to = internationalPhone(message.to);
      if (to === null) return { ok: false, permanent: true, retryAfterMs: null, error: 'not a phone number' };
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            messaging_product: 'whatsapp',
            recipient_type: 'individual',
            to,
            type: 'text',
            text: { preview_url: true, body: message.body },
          }),
          signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
        });
        return await httpResult(response, messageId, graphError);
      } catch (error) {
        return networkFailure(error);
      }
    },
  };
}
