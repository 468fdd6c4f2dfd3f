import { pick, type Lang } from '@giliran/ui';
import type { StaffSession } from '@giliran/ui/staff-session';
import { useState } from 'preact/hooks';
import { signIn } from './session.ts';
import type { PusatText } from './texts.ts';

interface Props {
  readonly notice: PusatText | null;
  readonly onSignedIn: (session: StaffSession) => void;
  readonly onLang: () => void;
  readonly lang: Lang;
  readonly t: (key: PusatText) => string;
}

/** Username and PIN of a regional account, as on the hall's staff pages. */
export function SignIn({ notice, onSignedIn, onLang, lang, t }: Props) {
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <main class="pusat-sign-in">
      <form
        class="pusat-sign-in-card"
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          setFailure(null);
          void signIn(username.trim(), pin).then((result) => {
            setBusy(false);
            if (result.ok) onSignedIn(result.session);
            else
              setFailure(
                result.code === 'WRONG_ROLE'
                  ? t('wrongRole')
                  : result.message
                    ? pick(result.message, lang)
                    : result.code,
              );
          });
        }}
      >
        <h1>{t('signInTitle')}</h1>
        {notice && <p class="pusat-notice">{t(notice)}</p>}
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
        <button type="submit" class="pusat-btn pusat-btn-primary" disabled={busy}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
        {failure && (
          <p class="pusat-error" role="alert">
            {failure}
          </p>
        )}
        <button type="button" class="pusat-btn pusat-btn-ghost" onClick={onLang}>
          {t('language')}
        </button>
      </form>
    </main>
  );
}
