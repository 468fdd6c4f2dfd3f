import type { Lang } from './i18n.ts';
import { HubRequestError } from './hub-client.ts';
import { requestLogin, requestLogout } from './sign-in.ts';

/** A signed-in staff member on a page served by the hub itself (MOD, FO). */
export interface StaffSession {
  readonly hubUrl: string;
  readonly token: string;
  readonly username: string;
  readonly name: string;
  readonly role: string;
  readonly expiresAt: string;
}

export type SignInResult =
  | { readonly ok: true; readonly session: StaffSession }
  | {
      readonly ok: false;
      readonly code: string;
      readonly message: { id: string; en: string } | null;
      /** For LOCKED_OUT: how many seconds until the next attempt can succeed, when the server said. */
      readonly retryAfterSeconds?: number | null;
    };

/**
 * One staff page's sign-in, kept in the tab's session storage under the page's own name, with the page's language
 * choice beside it; an account whose role the page does not serve is refused as WRONG_ROLE.
 */
export function staffSessions(page: string, roles: readonly string[]) {
  const sessionKey = `giliran.${page}.session`;
  const langKey = `giliran.${page}.lang`;
  return {
    initialLang: (): Lang => {
      const asked = new URLSearchParams(location.search).get('lang') ?? localStorage.getItem(langKey);
      return asked === 'en' ? 'en' : 'id';
    },
    saveLang: (lang: Lang): void => {
      localStorage.setItem(langKey, lang);
    },
    storedSession: (): StaffSession | null => {
      try {
        const raw = sessionStorage.getItem(sessionKey);
        const session = raw ? (JSON.parse(raw) as StaffSession) : null;
        return session && Date.parse(session.expiresAt) > Date.now() ? session : null;
      } catch {
        return null;
      }
    },
    signIn: async (username: string, pin: string): Promise<SignInResult> => {
      const hubUrl = location.origin;
      const answer = await requestLogin(hubUrl, { username, pin });
      if (answer instanceof HubRequestError)
        return {
          ok: false,
          code: answer.code,
          message: answer.body?.error.message ?? null,
          retryAfterSeconds: answer.retryAfterSeconds,
        };
      if (!roles.includes(answer.role)) return { ok: false, code: 'WRONG_ROLE', message: null };
      const session: StaffSession = {
        hubUrl,
        token: answer.token,
        username: answer.username,
        name: answer.name,
        role: answer.role,
        expiresAt: answer.expiresAt,
      };
      sessionStorage.setItem(sessionKey, JSON.stringify(session));
      return { ok: true, session };
    },
    signOut: async (session: StaffSession): Promise<void> => {
      sessionStorage.removeItem(sessionKey);
      await requestLogout(session.hubUrl, session.token);
    },
  };
}

/** What a staff page's session.ts makes of `staffSessions`: its sign-in, sign-out and language choice. */
export type StaffSessions = ReturnType<typeof staffSessions>;
