import {
  COUNTER_BRIDGE_KEY,
  HubRequestError,
  requestLogin,
  requestLogout,
  type CounterAction,
  type CounterBridge,
  type Lang,
} from '@giliran/ui';

/** A signed-in officer at one counter. */
export interface Session {
  readonly hubUrl: string;
  readonly token: string;
  readonly username: string;
  readonly name: string;
  readonly counterId: string;
  readonly counterIds: readonly string[];
  readonly expiresAt: string;
}

export interface PageConfig {
  readonly hubUrl: string;
  readonly lang: Lang;
  readonly rememberedCounter: string | null;
  /** Global shortcuts of the Electron app, to show beside the buttons; empty in a browser. */
  readonly shortcuts: Readonly<Partial<Record<CounterAction, string>>>;
}

const SESSION_STORAGE = 'giliran.counter.session';
const COUNTER_STORAGE = 'giliran.counter.counterId';
const LANG_STORAGE = 'giliran.counter.lang';

export function bridge(): CounterBridge | undefined {
  return (window as unknown as Record<string, CounterBridge | undefined>)[COUNTER_BRIDGE_KEY];
}

/** In Electron the preload supplies the settings; in a browser the hub that served the page is the hub. */
export async function loadPageConfig(): Promise<PageConfig> {
  const shell = bridge();
  const params = new URLSearchParams(location.search);
  const asked = params.get('lang') ?? localStorage.getItem(LANG_STORAGE);
  if (shell) {
    const config = await shell.getConfig();
    return {
      hubUrl: config.hubUrl,
      lang: asked === 'en' || asked === 'id' ? asked : config.lang,
      rememberedCounter: config.counterId,
      shortcuts: config.shortcuts,
    };
  }
  return {
    hubUrl: location.origin,
    lang: asked === 'en' ? 'en' : 'id',
    rememberedCounter: localStorage.getItem(COUNTER_STORAGE),
    shortcuts: {},
  };
}

export function saveLang(lang: Lang): void {
  localStorage.setItem(LANG_STORAGE, lang);
}

/** Kept for this window only: a reload keeps the officer signed in, closing the app signs them out. */
export function storedSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(SESSION_STORAGE);
    const session = raw ? (JSON.parse(raw) as Session) : null;
    return session && Date.parse(session.expiresAt) > Date.now() ? session : null;
  } catch {
    return null;
  }
}

export function forgetSession(): void {
  sessionStorage.removeItem(SESSION_STORAGE);
}

export type SignInResult =
  | { readonly ok: true; readonly session: Session }
  | {
      readonly ok: false;
      readonly code: string;
      readonly message: { id: string; en: string } | null;
      /** A lock-out's or a limit's Retry-After, so the form says when to try again. */
      readonly retryAfterSeconds?: number | null;
    };

/**
 * Signs in at `counterId` (the remembered counter, or one picked after sign-in). When this PC remembers a
 * counter the officer is not assigned to, they are signed in at their own first counter instead.
 */
export async function signIn(
  hubUrl: string,
  username: string,
  pin: string,
  counterId: string | null,
): Promise<SignInResult> {
  let answer = await requestLogin(hubUrl, { username, pin, ...(counterId ? { counterId } : {}) });
  if (answer instanceof HubRequestError && answer.code === 'COUNTER_NOT_ASSIGNED' && counterId)
    answer = await requestLogin(hubUrl, { username, pin });
  if (answer instanceof HubRequestError)
    return {
      ok: false,
      code: answer.code,
      message: answer.body?.error.message ?? null,
      retryAfterSeconds: answer.retryAfterSeconds,
    };
  if (answer.role !== 'officer') return { ok: false, code: 'NOT_OFFICER', message: null };
  if (!answer.counterId) return { ok: false, code: 'NO_COUNTER', message: null };
  const session: Session = {
    hubUrl,
    token: answer.token,
    username: answer.username,
    name: answer.name,
    counterId: answer.counterId,
    counterIds: answer.counterIds,
    expiresAt: answer.expiresAt,
  };
  sessionStorage.setItem(SESSION_STORAGE, JSON.stringify(session));
  localStorage.setItem(COUNTER_STORAGE, session.counterId);
  await bridge()?.rememberCounter(session.counterId);
  return { ok: true, session };
}

export async function signOut(session: Session): Promise<void> {
  forgetSession();
  await requestLogout(session.hubUrl, session.token);
}
