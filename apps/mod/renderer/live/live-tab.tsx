import { translator } from '@giliran/ui';
import { useMemo } from 'preact/hooks';
import type { TabProps } from '../tab-props.ts';
import type { SiteView } from '../wire.ts';
import { ActiveTable } from './active-table.tsx';
import { FiguresPanel } from './figures-panel.tsx';
import type { LiveFeed } from './live-feed.ts';
import { CentralStatusCard } from './central-status-card.tsx';
import { MessagesPanel } from './messages-panel.tsx';
import { AlertsPanel, CountersPanel, WaitingPanel } from './side-panels.tsx';
import { LIVE_TEXTS } from './texts.ts';
import { useLive } from './use-live.ts';

interface Props extends TabProps {
  readonly feed: LiveFeed;
  readonly site: SiteView;
}

/** The hall right now: active tickets against their standards, counters, queues and alerts. */
export function LiveTab({ feed, site, hub, lang, timeZone }: Props) {
  const t = useMemo(() => translator(LIVE_TEXTS, lang), [lang]);
  const view = useLive(feed);
  const hubNow = feed.hubNow();
  const names = useMemo(() => new Map(view.counters.map((c) => [c.id, c.name])), [view.counters]);
  const counterName = (id: string | null) => (id === null ? '–' : (names.get(id) ?? id));
  return (
    <div class="live" data-testid="live">
      <div class="live-main">
        <ActiveTable
          timings={view.timings}
          hubNow={hubNow}
          services={view.services}
          counterName={counterName}
          timeZone={timeZone}
          warningRatio={site.warningRatio}
          lang={lang}
          t={t}
        />
        <FiguresPanel
          hub={hub}
          serviceDay={view.serviceDay}
          version={view.version}
          services={view.services}
          lang={lang}
          t={t}
        />
      </div>
      <div class="live-side">
        <AlertsPanel alerts={view.alerts} counterName={counterName} timeZone={timeZone} lang={lang} t={t} />
        <MessagesPanel hub={hub} lang={lang} timeZone={timeZone} />
        <CountersPanel
          counters={view.counters}
          presence={view.presence}
          numbers={view.numbers}
          timeZone={timeZone}
          lang={lang}
          t={t}
        />
        <WaitingPanel services={view.services} timings={view.timings} hubNow={hubNow} lang={lang} t={t} />
        <CentralStatusCard hub={hub} timeZone={timeZone} lang={lang} />
      </div>
    </div>
  );
}
