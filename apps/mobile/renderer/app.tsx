import type { SiteView, VisitDetailView, VisitRequestView, VisitSummaryView } from '@giliran/protocol';
import { translator, type Lang } from '@giliran/ui';
import type { StaffSession } from '@giliran/ui/staff-session';
import { StaffSignIn } from '@giliran/ui/staff-sign-in';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api as apiFor } from './api.ts';
import { VisitDay } from './day.tsx';
import { Requests, Schedule } from './planning.tsx';
import { Reports } from './reports.tsx';
import { initialLang, saveLang, signIn, signOut, storedSession } from './session.ts';
import { TEXTS } from './texts.ts';

type Tab = 'day' | 'schedule' | 'requests' | 'reports';
const TABS: readonly { tab: Tab; text: 'tabDay' | 'tabSchedule' | 'tabRequests' | 'tabReports' }[] = [
  { tab: 'day', text: 'tabDay' },
  { tab: 'schedule', text: 'tabSchedule' },
  { tab: 'requests', text: 'tabRequests' },
  { tab: 'reports', text: 'tabReports' },
];

/** The coordinator's page (laptop and tablet): requests, the schedule, the visit day, reports. */
export function MobileApp() {
  const [lang, setLang] = useState<Lang>(initialLang());
  const [session, setSession] = useState<StaffSession | null>(storedSession());
  const toggle = () => {
    const next = lang === 'id' ? 'en' : 'id';
    saveLang(next);
    setLang(next);
  };
  if (!session) {
    const t = translator(TEXTS, lang);
    return (
      <StaffSignIn
        title={t('signInTitle')}
        wrongRole={t('wrongRole')}
        signIn={signIn}
        onSignedIn={setSession}
        lang={lang}
        onLang={toggle}
      />
    );
  }
  return (
    <Signed
      session={session}
      lang={lang}
      onLang={toggle}
      onSignOut={() => {
        void signOut(session).finally(() => {
          setSession(null);
        });
      }}
    />
  );
}

function Signed(props: { session: StaffSession; lang: Lang; onLang: () => void; onSignOut: () => void }) {
  const { session, lang } = props;
  const t = translator(TEXTS, lang);
  const api = useMemo(() => apiFor(session), [session]);
  const [tab, setTab] = useState<Tab>('day');
  const [site, setSite] = useState<SiteView | null>(null);
  const [visits, setVisits] = useState<VisitSummaryView[]>([]);
  const [requests, setRequests] = useState<VisitRequestView[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [visit, setVisit] = useState<VisitDetailView | null>(null);
  const [version, setVersion] = useState(0);
  const reload = () => {
    setVersion((v) => v + 1);
  };
  useEffect(() => {
    void api.get<SiteView>('/site').then(setSite);
  }, [api]);
  useEffect(() => {
    void api.get<VisitSummaryView[]>('/visits').then(setVisits);
    void api.get<VisitRequestView[]>('/visit-requests').then(setRequests);
    void api.get<VisitSummaryView | null>('/visits/today').then((today) => {
      setSelected((current) => current ?? today?.id ?? null);
    });
  }, [api, version]);
  useEffect(() => {
    if (selected) void api.get<VisitDetailView>(`/visits/${selected}`).then(setVisit);
  }, [api, selected, version]);
  return (
    <div class="mb-page">
      <header class="mb-top">
        <h1>
          {t('title')} · {site?.shortName ?? ''}
        </h1>
        <nav class="mb-tabs">
          {TABS.map(({ tab: id, text }) => (
            <button
              key={id}
              type="button"
              class={tab === id ? 'mb-tab mb-tab-on' : 'mb-tab'}
              aria-pressed={tab === id}
              onClick={() => {
                setTab(id);
              }}
            >
              {t(text)}
            </button>
          ))}
        </nav>
        <span class="mb-user">
          {session.name}
          <button type="button" class="mb-btn mb-btn-ghost" onClick={props.onLang}>
            {t('language')}
          </button>
          <button type="button" class="mb-btn mb-btn-ghost" onClick={props.onSignOut}>
            {t('signOut')}
          </button>
        </span>
      </header>
      <main class="mb-main">
        {tab === 'day' &&
          (visit ? (
            <VisitDay
              visit={visit}
              api={api}
              lang={lang}
              role={session.role}
              timeZone={site?.timeZone ?? 'Asia/Jakarta'}
              reload={reload}
            />
          ) : (
            <p class="mb-muted">{t('noVisit')}</p>
          ))}
        {tab === 'schedule' && (
          <Schedule
            api={api}
            lang={lang}
            role={session.role}
            reload={reload}
            visits={visits}
            requests={requests}
            onOpen={(id) => {
              setSelected(id);
              setTab('day');
            }}
          />
        )}
        {tab === 'requests' && (
          <Requests api={api} lang={lang} role={session.role} reload={reload} requests={requests} />
        )}
        {tab === 'reports' && <Reports api={api} lang={lang} visits={visits} />}
      </main>
    </div>
  );
}
