import {
  DEFAULT_MESSAGE_TEMPLATES,
  MESSAGE_KINDS,
  MESSAGE_PLACEHOLDERS,
  type MessageKind,
  type MessagePlaceholder,
} from '@giliran/domain';
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
  /** `template` (Meta's rule outside the 24-hour window) or `text`. */
  readonly send?: 'template' | 'text';
  readonly templates?: Partial<
    Record<MessageKind, { readonly name: string; readonly parameters?: readonly MessagePlaceholder[] }>
  >;
  /** The template language per citizen's language. */
  readonly languages?: { readonly id: string; readonly en: string };
}

const isKind = (kind: string | undefined): kind is MessageKind =>
  (MESSAGE_KINDS as readonly (string | undefined)[]).includes(kind);

/** The placeholders of a text in the order they first appear: the default parameters of its template. */
export function placeholdersOf(text: string): MessagePlaceholder[] {
  const found: MessagePlaceholder[] = [];
  for (const [, word] of text.matchAll(/\{([a-z]+)\}/g))
    if (
      (MESSAGE_PLACEHOLDERS as readonly (string | undefined)[]).includes(word) &&
      !found.includes(word as MessagePlaceholder)
    )
      found.push(word as MessagePlaceholder);
  return found;
}

/** A kind's template: as the site file names it, else `giliran_<kind>` filled like the default Indonesian text. */
export function whatsAppTemplateOf(
  kind: MessageKind,
  templates: WhatsAppTarget['templates'] = {},
): { name: string; parameters: readonly MessagePlaceholder[] } {
  const chosen = templates[kind];
  return {
    name: chosen?.name ?? `giliran_${kind.replaceAll('-', '_')}`,
    parameters: chosen?.parameters ?? placeholdersOf(DEFAULT_MESSAGE_TEMPLATES[kind].id),
  };
}

/**
 * The body to register at Meta for a text: each placeholder becomes its parameter's {{n}}, so the default texts can
 * be submitted for approval as they are (README, "WhatsApp templates").
 */
export function templateBody(text: string, parameters: readonly MessagePlaceholder[]): string {
  return text.replace(/\{([a-z]+)\}/g, (whole, word: string) => {
    const index = parameters.indexOf(word as MessagePlaceholder);
    return index < 0 ? whole : `{{${String(index + 1)}}}`;
  });
}

/** Meta refuses a parameter with a line break, a tab or more than four spaces in a row, and an empty one. */
function parameterText(value: string | undefined): string {
  const text = (value ?? '')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/ {4,}/g, '   ')
    .trim();
  return text === '' ? '-' : text.slice(0, 1024);
}

/** The request's message part: the kind's template with the text's values, or the text itself. */
function content(target: WhatsAppTarget, message: ChannelMessage): Record<string, unknown> {
  const { kind, variables } = message;
  if (target.send === 'text' || !isKind(kind) || !variables)
    return { type: 'text', text: { preview_url: true, body: message.body } };
  const template = whatsAppTemplateOf(kind, target.templates);
  const languages = target.languages ?? { id: 'id', en: 'en' };
  const parameters = template.parameters.map((p) => ({ type: 'text', text: parameterText(variables[p]) }));
  return {
    type: 'template',
    template: {
      name: template.name,
      language: { code: message.locale === 'en' ? languages.en : languages.id },
      ...(parameters.length > 0 ? { components: [{ type: 'body', parameters }] } : {}),
    },
  };
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
 * token and `{messaging_product: "whatsapp", to, type: "template", template: {name, language: {code},
 * components: [{type: "body", parameters: [{type: "text", text}]}]}}` (or `type: "text", text: {body}` when the
 * site sends text); 200 answers `messages[0].id` (wamid), errors carry a Graph error object; 429 and error
 * 130429/131056 are throttling.
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
            ...content(target, message),
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
