import { HubRequestError } from './hub-client.ts';
import { pick, translator, type Dictionary, type Lang } from './i18n.ts';

/** When to try again after a refusal that said (Retry-After): in seconds under a minute, in minutes from one up. */
export const RETRY_TEXTS = {
  retrySeconds: { id: 'Coba lagi dalam {n} detik.', en: 'Try again in {n} {n:second|seconds}.' },
  retryMinutes: { id: 'Coba lagi dalam {n} menit.', en: 'Try again in {n} {n:minute|minutes}.' },
} satisfies Dictionary<string>;

export function retryText(seconds: number, lang: Lang): string {
  const t = translator(RETRY_TEXTS, lang);
  return seconds < 60 ? t('retrySeconds', { n: seconds }) : t('retryMinutes', { n: Math.ceil(seconds / 60) });
}

/** A page's own words for the failures the hub did not explain: unreachable, or an answer without its message. */
export interface FailureWords {
  readonly offline: string;
  readonly failed: string;
}

/**
 * What a staff page shows for a failed request or download: the hub's message in the page's language and, for a
 * refusal that said when (a busy export pool, a sign-in limit), when to try again, so an officer does not click
 * into the same 429 again and again.
 */
export function failureText(error: unknown, lang: Lang, words: FailureWords): string {
  if (!(error instanceof HubRequestError)) return words.failed;
  if (error.code === 'NETWORK') return words.offline;
  const said = error.body ? pick(error.body.error.message, lang) : words.failed;
  return error.retryAfterSeconds ? `${said} ${retryText(error.retryAfterSeconds, lang)}` : said;
}
