import { HubRequestError, requestLogin, requestLogout, type Lang } from '@giliran/ui';

export interface DeskSession {
  readonly hubUrl: string;
  readonly token: string;
  readonly name: string;
  readonly role: string;
  readonly expiresAt: string;
}

const SESSION_STORAGE = 'giliran.fo.session';
const LANG_STORAGE = 'giliran.fo.lang';
/** The front office, and the managers who stand in for it. */
const DESK_ROLES = ['fo', 'mod', 'coordinator', 'admin'];

export function initialLang(): Lang {
  const asked = new URLSearchParams(location.search).get('lang') ?? localStorage.getItem(LANG_STORAGE);
  return asked === 'en' ? 'en' : 'id';
}

export function saveLang(lang: Lang): void {
  localStorage.setItem(LANG_STORAGE, lang);
}

export function storedSession(): DeskSession | null {
  try {
    const raw = sessionStorage.getItem(SESSION_STORAGE);
    const session = raw ? (JSON.parse(raw) as DeskSession) : null;
    return session && Date.parse(session.expiresAt) > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export type SignInResult =
  | { readonly ok: true; readonly session: DeskSession }
  | { readonly ok: false; readonly code: string; readonly message: { id: string; en: string } | null };

export async function signIn(username: string, pin: string): Promise<SignInResult> {
  const hubUrl = location.origin;
  const answer = await requestLogin(hubUrl, { username, pin });
  if (answer instanceof HubRequestError)
    return { ok: false, code: answer.code, message: answer.body?.error.message ?? null };
  if (!DESK_ROLES.includes(answer.role)) return { ok: false, code: 'WRONG_ROLE', message: null };
  const session: DeskSession = {
    hubUrl,
    token: answer.token,
    name: answer.name,
    role: answer.role,
    expiresAt: answer.expiresAt,
  };
  sessionStorage.setItem(SESSION_STORAGE, JSON.stringify(session));
  return { ok: true, session };
}

export async function signOut(session: DeskSession): Promise<void> {
  sessionStorage.removeItem(SESSION_STORAGE);
  await requestLogout(session.hubUrl, session.token);
}
