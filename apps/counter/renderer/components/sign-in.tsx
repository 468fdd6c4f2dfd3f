import type { Lang } from '@giliran/ui';
import { signInFailureText } from '@giliran/ui/staff-sign-in-text';
import { useState } from 'preact/hooks';
import { signIn, type Session } from '../session.ts';
import type { CounterText } from '../texts.ts';
import type { T } from './types.ts';

interface Props {
  readonly hubUrl: string;
  readonly rememberedCounter: string | null;
  readonly notice: CounterText | null;
  readonly onSignedIn: (session: Session) => void;
  readonly onLang: () => void;
  readonly lang: Lang;
  readonly t: T;
}

type Failure = {
  readonly ok: false;
  readonly code: string;
  readonly message: { id: string; en: string } | null;
  readonly retryAfterSeconds?: number | null;
};

/** Username and PIN; an officer with several counters then picks the one they sit at today. */
export function SignIn({ hubUrl, rememberedCounter, notice, onSignedIn, onLang, lang, t }: Props) {
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [choice, setChoice] = useState<Session | null>(null);

  async function attempt(counterId: string | null): Promise<void> {
    setBusy(true);
    setFailure(null);
    const result = await signIn(hubUrl, username.trim(), pin, counterId);
    setBusy(false);
    if (!result.ok) {
      setFailure(result);
      return;
    }
    if (choice === null && result.session.counterIds.length > 1) setChoice(result.session);
    else {
      setPin('');
      onSignedIn(result.session);
    }
  }

  const failureText = (f: Failure): string =>
    f.code === 'NOT_OFFICER'
      ? t('notOfficer')
      : f.code === 'NO_COUNTER'
        ? t('noCounter')
        : signInFailureText(f, f.code, lang);

  return (
    <main class="sign-in">
      <form
        class="sign-in-card"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void attempt(rememberedCounter);
        }}
      >
        <h1>{t('signInTitle')}</h1>
        {notice && <p class="notice">{t(notice)}</p>}
        {choice ? (
          <fieldset class="counter-choice" disabled={busy}>
            <legend>{t('chooseCounter')}</legend>
            {choice.counterIds.map((id) => (
              <button
                key={id}
                type="button"
                class={`btn choice ${id === choice.counterId ? 'btn-primary' : ''}`}
                data-counter={id}
                onClick={() => {
                  if (id === choice.counterId) onSignedIn(choice);
                  else void attempt(id);
                }}
              >
                {id}
              </button>
            ))}
          </fieldset>
        ) : (
          <>
            <label>
              {t('username')}
              <input
                name="username"
                autocomplete="username"
                value={username}
                onInput={(e) => {
                  setUsername(e.currentTarget.value);
                }}
                required
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
                onInput={(e) => {
                  setPin(e.currentTarget.value);
                }}
                required
              />
            </label>
            <button type="submit" class="btn btn-primary" disabled={busy}>
              {busy ? t('signingIn') : t('signIn')}
            </button>
          </>
        )}
        {failure && (
          <p class="form-error" role="alert">
            {failureText(failure)}
          </p>
        )}
        <button type="button" class="btn btn-ghost" onClick={onLang}>
          {t('language')}
        </button>
      </form>
    </main>
  );
}
