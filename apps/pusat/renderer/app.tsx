import { translator, type Lang } from '@giliran/ui';
import type { StaffSession } from '@giliran/ui/staff-session';
import { StaffSignIn } from '@giliran/ui/staff-sign-in';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CentralApi } from './central-api.ts';
import { RegionReports } from './region-reports.tsx';
import { initialLang, saveLang, signIn, signOut, storedSession } from './session.ts';
import { SiteDay } from './site-day.tsx';
import { SiteList } from './site-list.tsx';
import { TEXTS, type PusatText } from './texts.ts';

type View =
  { readonly tab: 'sites' } | { readonly tab: 'reports' } | { readonly tab: 'site'; readonly id: string };

export function PusatApp() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [session, setSession] = useState<StaffSession | null>(storedSession);
  const [notice, setNotice] = useState<PusatText | null>(null);
  const t = useMemo(() => translator(TEXTS, lang), [lang]);
  const toggleLang = useCallback(() => {
    setLang((current) => {
      const next = current === 'id' ? 'en' : 'id';
      saveLang(next);
      return next;
    });
  }, []);
  if (!session)
    return (
      <StaffSignIn
        title={t('signInTitle')}
        wrongRole={t('wrongRole')}
        notice={notice && t(notice)}
        signIn={signIn}
        onSignedIn={setSession}
        lang={lang}
        onLang={toggleLang}
      />
    );
  return (
    <Region
      key={session.token}
      session={session}
      lang={lang}
      onLang={toggleLang}
      onSignOut={(ended) => {
        void signOut(session);
        setNotice(ended ? 'sessionEnded' : null);
        setSession(null);
      }}
    />
  );
}

interface RegionProps {
  readonly session: StaffSession;
  readonly lang: Lang;
  readonly onLang: () => void;
  readonly onSignOut: (ended: boolean) => void;
}

function Region({ session, lang, onLang, onSignOut }: RegionProps) {
  const t = useMemo(() => translator(TEXTS, lang), [lang]);
  const api = useMemo(() => new CentralApi(session), [session]);
  const [online, setOnline] = useState(true);
  const [view, setView] = useState<View>({ tab: 'sites' });
  const signOutRef = useRef(onSignOut);
  signOutRef.current = onSignOut;
  useEffect(() => {
    api.socket.on('connect', () => {
      setOnline(true);
    });
    api.socket.on('disconnect', () => {
      setOnline(false);
    });
    api.socket.on('connect_error', (error) => {
      setOnline(false);
      if (error.message === 'UNAUTHENTICATED') signOutRef.current(true);
    });
    return () => {
      api.close();
    };
  }, [api]);
  const tabs = [
    ['sites', 'tabSites'],
    ['reports', 'tabReports'],
  ] as const;
  return (
    <div class="pusat" lang={lang} data-testid="pusat">
      <header class="pusat-top">
        <strong class="pusat-title">{t('title')}</strong>
        <nav class="pusat-tabs">
          {tabs.map(([id, label]) => (
            <button
              key={id}
              type="button"
              data-tab={id}
              class={`pusat-tab ${view.tab === id || (id === 'sites' && view.tab === 'site') ? 'pusat-tab-on' : ''}`}
              onClick={() => {
                setView({ tab: id });
              }}
            >
              {t(label)}
            </button>
          ))}
        </nav>
        <div class="pusat-who">
          <span class={`pusat-dot ${online ? 'pusat-dot-on' : 'pusat-dot-off'}`} aria-hidden="true" />
          <span>{session.name}</span>
          <button type="button" class="pusat-btn pusat-btn-ghost" onClick={onLang}>
            {t('language')}
          </button>
          <button
            type="button"
            class="pusat-btn pusat-btn-ghost"
            onClick={() => {
              onSignOut(false);
            }}
          >
            {t('signOut')}
          </button>
        </div>
      </header>
      {!online && (
        <div class="pusat-offline" role="alert">
          {t('offline')}
        </div>
      )}
      <main class="pusat-body">
        {view.tab === 'sites' && (
          <SiteList
            api={api}
            lang={lang}
            t={t}
            onOpen={(id) => {
              setView({ tab: 'site', id });
            }}
          />
        )}
        {view.tab === 'site' && (
          <SiteDay
            api={api}
            siteId={view.id}
            lang={lang}
            t={t}
            onBack={() => {
              setView({ tab: 'sites' });
            }}
          />
        )}
        {view.tab === 'reports' && <RegionReports api={api} lang={lang} t={t} />}
      </main>
    </div>
  );
}
