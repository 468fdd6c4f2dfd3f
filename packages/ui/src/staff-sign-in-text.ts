import { retryText } from './failure-text.ts';
import { pick, translator, type Dictionary, type Lang } from './i18n.ts';
import type { SignInResult } from './staff-session.ts';

/**
 * The staff sign-in form's and frame's own words, the same on every staff page; the page adds its title and who it
 * is for.
 */
export const STAFF_SIGN_IN_TEXTS = {
  username: { id: 'Nama pengguna', en: 'Username' },
  pin: { id: 'PIN', en: 'PIN' },
  signIn: { id: 'Masuk', en: 'Sign in' },
  signingIn: { id: 'Memeriksa…', en: 'Checking…' },
  language: { id: 'English', en: 'Bahasa Indonesia' },
  signOut: { id: 'Keluar', en: 'Sign out' },
  sessionEnded: { id: 'Sesi berakhir. Silakan masuk lagi.', en: 'Your session ended. Please sign in again.' },
  tooManyAttempts: { id: 'Terlalu banyak percobaan.', en: 'Too many attempts.' },
} satisfies Dictionary<string>;

export type StaffSignInText = keyof typeof STAFF_SIGN_IN_TEXTS;

type Failure = Extract<SignInResult, { ok: false }>;

/**
 * What the form says to a refused sign-in: the page's own words for an account it does not serve; for a lock-out,
 * when to try again (Retry-After) instead of the server's "later"; otherwise the server's message in the page's
 * language, with when to try again for any other limit that said, or the bare code when there was no message
 * (the hub could not be reached).
 */
export function signInFailureText(failure: Failure, wrongRole: string, lang: Lang): string {
  const t = translator(STAFF_SIGN_IN_TEXTS, lang);
  if (failure.code === 'WRONG_ROLE') return wrongRole;
  const wait = failure.retryAfterSeconds;
  if (failure.code === 'LOCKED_OUT' && wait) return `${t('tooManyAttempts')} ${retryText(wait, lang)}`;
  const said = failure.message ? pick(failure.message, lang) : failure.code;
  return wait ? `${said} ${retryText(wait, lang)}` : said;
}
