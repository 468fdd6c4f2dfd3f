import { formatClock, HubClient, translator, type ConnectionState } from '@giliran/ui';
import { StaffHeader, StaffPage, type SignedInPage } from '@giliran/ui/staff-frame';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ChainTab } from './chain/chain-tab.tsx';
import { CompensationsTab } from './compensations/compensations-tab.tsx';
import { CalendarBanner } from './complaints/calendar-banner.tsx';
import { ComplaintsTab } from './complaints/complaints-tab.tsx';
import { LiveFeed } from './live/live-feed.ts';
import { LiveTab } from './live/live-tab.tsx';
import { sessions } from './session.ts';
import { ReportsTab } from './reports/reports-tab.tsx';
import { SettingsTab } from './settings/settings-tab.tsx';
import { SkmTab } from './skm/skm-tab.tsx';
import type { TabProps } from './tab-props.ts';
import { TEXTS, type ModText } from './texts.ts';
import type { SiteView } from './wire.ts';

type TabId = 'live' | 'compensations' | 'complaints' | 'reports' | 'skm' | 'chain' | 'settings';

interface TabEntry {
  readonly id: TabId;
  readonly label: ModText;
  /** Who sees the tab; the hub still checks every request. */
  readonly roles: readonly string[];
}

const MANAGERS = ['mod', 'coordinator', 'admin'];
const TABS: readonly TabEntry[] = [
  { id: 'live', label: 'tabLive', roles: MANAGERS },
  { id: 'compensations', label: 'tabCompensations', roles: MANAGERS },
  { id: 'complaints', label: 'tabComplaints', roles: [...MANAGERS, 'fo'] },
  { id: 'reports', label: 'tabReports', roles: [...MANAGERS, 'sekdis', 'kadis'] },
  { id: 'skm', label: 'tabSkm', roles: [...MANAGERS, 'sekdis', 'kadis'] },
  // Every signer of SOP steps 9–13: officers hand in their gerai's recap, FO compiles, up to the Kepala Dinas.
  { id: 'chain', label: 'tabChain', roles: [...MANAGERS, 'officer', 'fo', 'sekdis', 'kadis'] },
  { id: 'settings', label: 'tabSettings', roles: MANAGERS },
];

function tabsFor(role: string): readonly TabEntry[] {
  return TABS.filter((tab) => tab.roles.includes(role));
}

export function ModApp() {
  return (
    <StaffPage sessions={sessions} signInTitle={TEXTS.signInTitle} wrongRole={TEXTS.wrongRole}>
      {(page) => <Dashboard key={page.session.token} {...page} />}
    </StaffPage>
  );
}

function Dashboard({ session, lang, onLang, onSignOut }: SignedInPage) {
  const t = useMemo(() => translator(TEXTS, lang), [lang]);
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const hub = useMemo(
    () => new HubClient({ hubUrl: session.hubUrl, token: session.token, onConnection: setConnection }),
    [session],
  );
  // Only the floor managers watch the hall live; the others' tabs load what they show themselves.
  const feed = useMemo(
    () => (MANAGERS.includes(session.role) ? new LiveFeed(hub) : null),
    [hub, session.role],
  );
  const [site, setSite] = useState<SiteView | null>(null);
  const tabs = tabsFor(session.role);
  const [tab, setTab] = useState<TabId>(tabs[0]?.id ?? 'live');
  const [, setTick] = useState(0);
  // The latest callback, without making the connection's lifetime depend on the parent's renders.
  const signOutRef = useRef(onSignOut);
  signOutRef.current = onSignOut;

  useEffect(() => {
    hub.socket.on('connect_error', (error) => {
      if (error.message === 'UNAUTHENTICATED') signOutRef.current(true);
    });
    hub.get<SiteView>('/api/site').then(setSite, () => undefined);
    const clock = setInterval(() => {
      setTick((n) => n + 1);
    }, 30_000);
    return () => {
      clearInterval(clock);
      feed?.close();
      hub.close();
    };
  }, [hub, feed]);

  if (!site) return <p class="mod-loading">…</p>;
  const props: TabProps = { hub, session, lang, timeZone: site.timeZone };
  return (
    <div class="mod" lang={lang} data-testid="mod">
      <StaffHeader
        prefix="mod"
        title={
          <div class="mod-where">
            <strong>{t('title')}</strong>
            <span>{site.name}</span>
          </div>
        }
        tabs={tabs.map((x) => ({ id: x.id, label: t(x.label) }))}
        tab={tab}
        onTab={setTab}
        who={
          <>
            <span class={`mod-dot mod-dot-${connection}`} aria-hidden="true" />
            <span>{session.name}</span>
            <span class="mod-clock">{formatClock(feed?.hubNow() ?? Date.now(), site.timeZone, lang)}</span>
          </>
        }
        lang={lang}
        onLang={onLang}
        onSignOut={() => {
          onSignOut(false);
        }}
      />
      {connection === 'offline' && (
        <div class="mod-offline" role="alert">
          {t('offline')}
        </div>
      )}
      {MANAGERS.includes(session.role) && <CalendarBanner hub={hub} lang={lang} />}
      <main class="mod-body">
        {tab === 'live' && feed && <LiveTab {...props} feed={feed} site={site} />}
        {tab === 'compensations' && feed && <CompensationsTab {...props} feed={feed} />}
        {tab === 'complaints' && <ComplaintsTab {...props} />}
        {tab === 'reports' && <ReportsTab {...props} />}
        {tab === 'skm' && <SkmTab {...props} />}
        {tab === 'chain' && <ChainTab {...props} />}
        {tab === 'settings' && <SettingsTab {...props} />}
      </main>
    </div>
  );
}
