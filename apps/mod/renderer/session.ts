import { HubRequestError, requestLogin, requestLogout, type Lang } from '@giliran/ui';
import type { StaffSession } from './tab-props.ts';

const SESSION_STORAGE = 'giliran.mod.session';
const LANG_STORAGE = 'giliran.mod.lang';
/**
 * Who may open this page: the floor managers; the Sekdis and Kepala Dinas for reports and the report chain;
 * officers and FO for their part of the chain.
 */
export const PAGE_ROLES = ['mod', 'coordinator', 'admin', 'sekdis', 'kadis', 'fo', 'officer'] as const;

export function initialLang(): Lang {
  const asked = new URLSearchParams(location.search).get('lang') ?? localStorage.getItem(LANG_STORAGE);
  return asked === 'en' ? 'en' : 'id';
}

export function saveLang(lang: Lang): void {
  localStorage.setItem(LANG_STORAGE, lang);
}

export function storedSession(): StaffSession | null {
  try {
    const raw = sessionStorage.getItem(SESSION_STORAGE);
    const session = raw ? (JSON.parse(raw) as StaffSession) : null;
    return session && Date.parse(session.expiresAt) > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export type SignInResult =
  | { readonly ok: true; readonly session: StaffSession }
  | { readonly ok: false; readonly code: string; readonly message: { id: string; en: string } | null };

export async function signIn(username: string, pin: string): Promise<SignInResult> {
  const hubUrl = location.origin;
  const answer = await requestLogin(hubUrl, { username, pin });
  if (answer instanceof HubRequestError)
    return { ok: false, code: answer.code, message: answer.body?.error.message ?? null };
  if (!(PAGE_ROLES as readonly string[]).includes(answer.role))
    return { ok: false, code: 'WRONG_ROLE', message: null };
  const session: StaffSession = {
    hubUrl,
    token: answer.token,
    username: answer.username,
    name: answer.name,
    role: answer.role,
    expiresAt: answer.expiresAt,
  };
  sessionStorage.setItem(SESSION_STORAGE, JSON.stringify(session));
  return { ok: true, session };
}

export async function signOut(session: StaffSession): Promise<void> {
  sessionStorage.removeItem(SESSION_STORAGE);
  await requestLogout(session.hubUrl, session.token);
}
