import type { MessageChannel } from '@giliran/domain';

/** What a channel needs of a message: never more (no ids, no keys of the outbox). */
export interface ChannelMessage {
  readonly id: number;
  readonly to: string;
  readonly subject: string | null;
  readonly body: string;
  /** The kind (`booking-confirmed`…) and language: a WhatsApp template is chosen by them. */
  readonly kind?: string;
  readonly locale?: string;
  /** The values the body was filled with (`{code}` → …): a template's parameters; null when not kept. */
  readonly variables?: Readonly<Record<string, string>> | null;
}

/**
 * The answer of one attempt. `permanent`: the provider refused this message for good (a bad number, a rejected
 * address), so trying again would only be refused again. `retryAfterMs`: the provider said when to come back (429).
 */
export type SendResult =
  | { readonly ok: true; readonly providerId: string | null }
  | {
      readonly ok: false;
      readonly permanent: boolean;
      readonly retryAfterMs: number | null;
      /** Safe to log and to show MOD: a status and the provider's words, never a credential. */
      readonly error: string;
    };

export interface Channel {
  readonly name: MessageChannel;
  send(message: ChannelMessage): Promise<SendResult>;
  close?(): void;
}

/** How long an HTTP provider may take to answer before the attempt counts as failed (and is retried). */
export const HTTP_TIMEOUT_MS = 15_000;

/** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A provider's HTTP answer as the outbox understands it: 2xx sent, 408/425/429/5xx again later, other 4xx refused. */
export async function httpResult(
  response: Response,
  providerId: (json: unknown) => string | null,
  describe: (json: unknown) => string | null,
): Promise<SendResult> {
  const text = await response.text();
  const json = parseJson(text);
  if (response.ok) return { ok: true, providerId: providerId(json) };
  const said = describe(json) ?? text.slice(0, 200).replace(/\s+/g, ' ').trim();
  const transient = [408, 425, 429].includes(response.status) || response.status >= 500;
  return {
    ok: false,
    permanent: !transient,
    retryAfterMs: retryAfterMs(response.headers.get('retry-after'), Date.now()),
    error: `HTTP ${String(response.status)}${said ? `: ${said}` : ''}`,
  };
}

/** A network failure (refused, reset, timed out): the provider may be back soon. Its message names no URL. */
export function networkFailure(error: unknown): SendResult {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code =
    typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string'
      ? cause.code
      : error instanceof Error && error.name === 'TimeoutError'
        ? 'TIMEOUT'
        : 'NETWORK';
  return { ok: false, permanent: false, retryAfterMs: null, error: `network: ${code}` };
}
