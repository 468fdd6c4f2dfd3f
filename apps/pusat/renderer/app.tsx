import { translator } from '@giliran/ui';
import { StaffHeader, StaffPage, type SignedInPage } from '@giliran/ui/staff-frame';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CentralApi } from './central-api.ts';
import { RegionReports } from './region-reports.tsx';
import { sessions } from './session.ts';
import { SiteDay } from './site-day.tsx';
import { SiteList } from './site-list.tsx';
import { TEXTS } from './texts.ts';

type View =
  { readonly tab: 'sites' } | { readonly tab: 'reports' } | { readonly tab: 'site'; readonly id: string };

export function PusatApp() {
  return (
    <StaffPage sessions={sessions} signInTitle={TEXTS.signInTitle} wrongRole={TEXTS.wrongRole}>
      {(page) => <Region key={page.session.token} {...page} />}
    </StaffPage>
  );
}

function Region({ session, lang, onLang, onSignOut }: SignedInPage) {
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
    { id: 'sites', label: t('tabSites') },
    { id: 'reports', label: t('tabReports') },
  ] as const;
  return (
    <div class="pusat" lang={lang} data-testid="pusat">
      <StaffHeader
        prefix="pusat"
        title={<strong class="pusat-title">{t('title')}</strong>}
        tabs={tabs}
        // A site's day is opened from the list of sites: that tab stays lit.
        tab={view.tab === 'site' ? 'sites' : view.tab}
        onTab={(id) => {
          setView({ tab: id });
        }}
        who={
          <>
            <span class={`pusat-dot ${online ? 'pusat-dot-on' : 'pusat-dot-off'}`} aria-hidden="true" />
            <span>{session.name}</span>
          </>
        }
        lang={lang}
        onLang={onLang}
        onSignOut={() => {
          onSignOut(false);
        }}
      />
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
