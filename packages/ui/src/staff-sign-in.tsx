import { useState } from 'preact/hooks';
import { translator, type Lang } from './i18n.ts';
import type { SignInResult, StaffSession } from './staff-session.ts';
import { signInFailureText, STAFF_SIGN_IN_TEXTS } from './staff-sign-in-text.ts';

export interface StaffSignInProps {
  /** The page's heading, in the page's language ("Masuk Manager On Duty"). */
  readonly title: string;
  /** Said to an account whose role the page does not serve: who the page is for. */
  readonly wrongRole: string;
  /** Why the form is shown again (the session ended), if it is. */
  readonly notice?: string | null;
  readonly signIn: (username: string, pin: string) => Promise<SignInResult>;
  readonly onSignedIn: (session: StaffSession) => void;
  readonly lang: Lang;
  readonly onLang: () => void;
}

/** Username and PIN of a staff account: one form for the MOD, FO, /mobile and /pusat pages (staff-page.css). */
export function StaffSignIn({
  title,
  wrongRole,
  notice,
  signIn,
  onSignedIn,
  lang,
  onLang,
}: StaffSignInProps) {
  const t = translator(STAFF_SIGN_IN_TEXTS, lang);
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Extract<SignInResult, { ok: false }> | null>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    void signIn(username.trim(), pin).then((result) => {
      setBusy(false);
      if (result.ok) onSignedIn(result.session);
      else setFailure(result);
    });
  };
  return (
    <main class="staff-sign-in">
      <form class="staff-sign-in-card" onSubmit={submit}>
        <h1>{title}</h1>
        {notice && <p class="staff-notice">{notice}</p>}
        <label>
          {t('username')}
          <input
            name="username"
            autocomplete="username"
            value={username}
            required
            onInput={(e) => {
              setUsername(e.currentTarget.value);
            }}
          />
        </label>
        <label>
          {t('pin')}
          <input
            name="pin"
            type="password"
            inputMode="numeric"
            autocomplete="current-password"
            value={pin}
            required
            onInput={(e) => {
              setPin(e.currentTarget.value);
            }}
          />
        </label>
        <button type="submit" class="staff-btn staff-btn-primary" disabled={busy}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
        {failure && (
          <p class="staff-error" role="alert">
            {signInFailureText(failure, wrongRole, lang)}
          </p>
        )}
        <button type="button" class="staff-btn staff-btn-ghost" onClick={onLang}>
          {t('language')}
        </button>
      </form>
    </main>
  );
}
