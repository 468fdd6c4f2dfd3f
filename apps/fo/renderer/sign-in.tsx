import { pick, type Lang } from '@giliran/ui';
import { useState } from 'preact/hooks';
import { signIn, type DeskSession } from './session.ts';
import type { FoText } from './texts.ts';

interface Props {
  readonly onSignedIn: (session: DeskSession) => void;
  readonly onLang: () => void;
  readonly lang: Lang;
  readonly t: (key: FoText) => string;
}

export function SignIn({ onSignedIn, onLang, lang, t }: Props) {
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    void signIn(username.trim(), pin).then((result) => {
      setBusy(false);
      if (result.ok) onSignedIn(result.session);
      else if (result.code === 'WRONG_ROLE') setFailure(t('wrongRole'));
      else setFailure(result.message ? pick(result.message, lang) : result.code);
    });
  };
  return (
    <main class="fo-sign-in">
      <form class="fo-card fo-sign-in-card" onSubmit={submit}>
        <h1>{t('signInTitle')}</h1>
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
        <button type="submit" class="fo-btn fo-btn-primary" disabled={busy}>
          {t('signIn')}
        </button>
        {failure && (
          <p class="fo-error" role="alert">
            {failure}
          </p>
        )}
        <button type="button" class="fo-btn fo-btn-ghost" onClick={onLang}>
          {t('language')}
        </button>
      </form>
    </main>
  );
}
