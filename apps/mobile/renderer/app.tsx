import type { SiteView, VisitDetailView, VisitRequestView, VisitSummaryView } from '@giliran/protocol';
import { HubClient, translator } from '@giliran/ui';
import type { StaffSession } from '@giliran/ui/staff-session';
import { StaffHeader, StaffPage, type SignedInPage } from '@giliran/ui/staff-frame';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api as apiFor } from './api.ts';
import { VisitDay } from './day.tsx';
import { Requests, Schedule } from './planning.tsx';
import { Reports } from './reports.tsx';
import { sessions } from './session.ts';
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
  return (
    <StaffPage sessions={sessions} signInTitle={TEXTS.signInTitle} wrongRole={TEXTS.wrongRole}>
      {(page) => <Signed {...page} />}
    </StaffPage>
  );
}

function Signed(props: SignedInPage) {
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
  useEffect(() => liveReloads(session, reload), [session]);
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
      <StaffHeader
        prefix="mb"
        title={
          <h1>
            {t('title')} · {site?.shortName ?? ''}
          </h1>
        }
        tabs={TABS.map(({ tab: id, text }) => ({ id, label: t(text) }))}
        tab={tab}
        onTab={setTab}
        who={session.name}
        lang={lang}
        onLang={props.onLang}
        onSignOut={() => {
          props.onSignOut();
        }}
      />
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

/** A burst of changes (several officers at once) costs one reload of the lists and the open visit. */
const RELOAD_AFTER_MS = 150;

/**
 * The page follows other users' actions: the hub says which visits changed (`visit:changed`, staff only) and the
 * page reloads through REST, which masks what the role may not see. After a reconnect it reloads too, so nothing
 * missed while offline stays missing. Answers the clean-up.
 */
function liveReloads(session: StaffSession, reload: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const soon = () => {
    timer ??= setTimeout(() => {
      timer = null;
      reload();
    }, RELOAD_AFTER_MS);
  };
  const hub = new HubClient({ hubUrl: session.hubUrl, token: session.token, onResync: soon });
  hub.socket.on('visit:changed', soon);
  return () => {
    if (timer) clearTimeout(timer);
    hub.socket.close();
  };
}
