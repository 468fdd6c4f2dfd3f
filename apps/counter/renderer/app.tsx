import { translator, type Lang } from '@giliran/ui';
import { useCallback, useMemo, useState } from 'preact/hooks';
import { SignIn } from './components/sign-in.tsx';
import { Desk } from './desk.tsx';
import { saveLang, signOut, storedSession, type PageConfig, type Session } from './session.ts';
import { TEXTS, type CounterText } from './texts.ts';

export function CounterApp({ config }: { config: PageConfig }) {
  const [lang, setLang] = useState<Lang>(config.lang);
  const [session, setSession] = useState<Session | null>(storedSession);
  const [notice, setNotice] = useState<CounterText | null>(null);
  const t = useMemo(() => translator(TEXTS, lang), [lang]);
  const toggleLang = useCallback(() => {
    setLang((current) => {
      const next = current === 'id' ? 'en' : 'id';
      saveLang(next);
      return next;
    });
  }, []);
  const end = useCallback(
    (ended: boolean) => {
      if (session) void signOut(session);
      setNotice(ended ? 'sessionEnded' : null);
      setSession(null);
    },
    [session],
  );

  if (!session)
    return (
      <SignIn
        hubUrl={config.hubUrl}
        rememberedCounter={config.rememberedCounter}
        notice={notice}
        onSignedIn={setSession}
        onLang={toggleLang}
        lang={lang}
        t={t}
      />
    );
  return (
    <Desk
      key={session.token}
      session={session}
      lang={lang}
      shortcuts={config.shortcuts}
      onLang={toggleLang}
      onSignOut={end}
      t={t}
    />
  );
}
