import { pick, translator } from '@giliran/ui';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { CurrentCall } from './components/current-call.tsx';
import { InfoPanel } from './components/info-panel.tsx';
import { MediaLoop } from './components/media-loop.tsx';
import { PausedCounters } from './components/paused-counters.tsx';
import { RecentCalls } from './components/recent-calls.tsx';
import { RunningText } from './components/running-text.tsx';
import { StatusBanner } from './components/status-banner.tsx';
import { TopBar } from './components/top-bar.tsx';
import { WaitingList } from './components/waiting-list.tsx';
import { TOKEN_STORAGE, type DisplayConfig } from './display-config.ts';
import { DisplayFeed, type FeedView } from './display-feed.ts';
import { currentCall, earlierCalls, flashKey } from './display-state.ts';
import { TEXTS } from './texts.ts';
import { callInZone, serviceInZone } from './zone.ts';

/** How many earlier calls the list shows under the current one. */
const PREVIOUS_CALLS = 6;

function useFeed(config: DisplayConfig): { feed: DisplayFeed; view: FeedView } {
  const feed = useMemo(() => new DisplayFeed(config), [config]);
  const [view, setView] = useState(feed.current);
  useEffect(() => {
    setView(feed.current);
    const unsubscribe = feed.subscribe(setView);
    // A TV has no touch: a key of its remote (OK, arrows) or of a keyboard lets the browser play sound too.
    const unlock = () => {
      feed.unlockSound();
    };
    window.addEventListener('keydown', unlock);
    return () => {
      unsubscribe();
      window.removeEventListener('keydown', unlock);
      feed.close();
    };
  }, [feed]);
  return { feed, view };
}

export function DisplayApp({ config }: { config: DisplayConfig }) {
  const { lang, zone } = config;
  const t = useMemo(() => translator(TEXTS, lang), [lang]);
  const { feed, view } = useFeed(config);
  const { site, counters } = view;
  // A refused token (the TV was paired again, or the token revoked) is forgotten: the next load asks for a code.
  useEffect(() => {
    if (view.unauthorized) localStorage.removeItem(TOKEN_STORAGE);
  }, [view.unauthorized]);

  const services = useMemo(
    () =>
      view.services
        .filter((s) => serviceInZone(zone, s, counters))
        .sort((a, b) => a.prefix.localeCompare(b.prefix)),
    [view.services, counters, zone],
  );
  const calls = useMemo(
    () => view.board.calls.filter((c) => callInZone(zone, c, view.services)),
    [view.board.calls, view.services, zone],
  );

  if (view.unauthorized) return <p class="display-message">{t('unauthorized')}</p>;
  if (!site) return <p class="display-message">{t('connecting')}</p>;

  const counterName = (id: string) => counters.find((c) => c.id === id)?.name ?? id;
  const serviceName = (id: string) => {
    const found = view.services.find((s) => s.id === id);
    return found ? pick(found.name, lang) : '';
  };
  const current = currentCall(calls);
  const earlier = earlierCalls(calls, current);
  const zoneCounters = counters.filter((c) => zone.counterIds.length === 0 || zone.counterIds.includes(c.id));
  const runningText = view.runningText.trim() || t('defaultRunningText', { site: site.name });

  return (
    <div
      class="display"
      lang={lang}
      data-testid="display"
      onPointerDown={() => {
        feed.unlockSound();
      }}
    >
      <TopBar site={site} lang={lang} t={t}>
        <StatusBanner offline={view.connection === 'offline'} soundBlocked={view.soundBlocked} t={t} />
      </TopBar>
      <main class="board">
        <CurrentCall
          call={current}
          counterName={current ? counterName(current.counterId) : ''}
          serviceName={current ? serviceName(current.serviceId) : ''}
          highlight={current !== undefined && flashKey(current) === view.board.highlight}
          idle={calls.length > 0}
          t={t}
        />
        <MediaLoop
          media={site.display.media}
          fallback={<InfoPanel site={site} agencyIds={zone.agencyIds} lang={lang} t={t} />}
        />
        <RecentCalls calls={earlier.slice(0, PREVIOUS_CALLS)} counterName={counterName} t={t} />
        <WaitingList services={services} lang={lang} t={t} />
      </main>
      <RunningText text={runningText}>
        <PausedCounters counters={zoneCounters} showReason={site.display.showPauseReason} t={t} />
      </RunningText>
    </div>
  );
}
