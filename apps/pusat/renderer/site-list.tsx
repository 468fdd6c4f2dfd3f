import { formatClock, formatDate, formatDuration, type Lang } from '@giliran/ui';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { coalesced, type CentralApi } from './central-api.ts';
import { attentionOrder, statusLine } from './site-status.ts';
import type { PusatText } from './texts.ts';
import type { CentralSiteView, DayFigures } from './wire.ts';

type T = (key: PusatText, values?: Record<string, string | number>) => string;

/** The regional office's own zone: times of the list are read where the list is watched. */
export const VIEWER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
/** The light turns offline on central's clock even when no site sends anything: ask again this often. */
const STATUS_REFRESH_MS = 30_000;

interface Props {
  readonly api: CentralApi;
  readonly lang: Lang;
  readonly t: T;
  readonly onOpen: (siteId: string) => void;
}

function statusText(site: CentralSiteView, lang: Lang, t: T): string {
  const line = statusLine(site);
  if (line.key === 'status_behind') return t('status_behind', { minutes: line.minutes ?? 1 });
  if (line.key === 'status_offline' && line.since)
    return t('status_offline', {
      time: `${formatDate(line.since, VIEWER_ZONE, lang)} ${formatClock(line.since, VIEWER_ZONE, lang)}`,
    });
  return t(line.key);
}

const sum = (sites: readonly CentralSiteView[], key: keyof Omit<DayFigures, 'avgWaitSeconds'>): number =>
  sites.reduce((total, s) => total + (s.today?.[key] ?? 0), 0);

/** Every site with its light and today's figures, refreshed as each batch reaches central. */
export function SiteList({ api, lang, t, onOpen }: Props) {
  const [sites, setSites] = useState<CentralSiteView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useMemo(
    () =>
      coalesced(async () => {
        try {
          setSites(await api.get<CentralSiteView[]>('/api/central/sites'));
          setError(null);
        } catch (e) {
          setError(e instanceof Error ? e.message : String(e));
        }
      }),
    [api],
  );
  useEffect(() => {
    refresh();
    api.socket.on('site:synced', refresh);
    api.socket.on('connect', refresh);
    const timer = setInterval(refresh, STATUS_REFRESH_MS);
    return () => {
      api.socket.off('site:synced', refresh);
      api.socket.off('connect', refresh);
      clearInterval(timer);
    };
  }, [api, refresh]);

  if (error && !sites) return <p class="pusat-error">{t('failed', { reason: error })}</p>;
  if (!sites) return <p class="pusat-muted">{t('loading')}</p>;
  if (sites.length === 0) return <p class="pusat-muted">{t('noSites')}</p>;
  const sorted = [...sites].sort(attentionOrder);
  const cell = (n: number | undefined) => (n === undefined ? '–' : n.toLocaleString('id-ID'));
  return (
    <section class="pusat-panel">
      <table class="pusat-table pusat-sites" data-testid="sites">
        <thead>
          <tr>
            <th>{t('colSite')}</th>
            <th>{t('colStatus')}</th>
            <th class="num">{t('colIssued')}</th>
            <th class="num">{t('colWaiting')}</th>
            <th class="num">{t('colServing')}</th>
            <th class="num">{t('colServed')}</th>
            <th class="num">{t('colNoShow')}</th>
            <th class="num">{t('colCompensations')}</th>
            <th class="num">{t('colAvgWait')}</th>
            <th>{t('colLastEvent')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((s) => {
            const line = statusLine(s);
            return (
              <tr
                key={s.id}
                data-site={s.id}
                data-status={s.status}
                data-last-seq={s.lastSeq}
                class="pusat-site-row"
                onClick={() => {
                  onOpen(s.id);
                }}
              >
                <td>
                  <button type="button" class="pusat-link" data-open={s.id}>
                    {s.name}
                  </button>
                  <small>
                    {t(s.kind === 'hall' ? 'kind_hall' : 'kind_mobile')} · {s.region}
                  </small>
                </td>
                <td>
                  <span class={`pusat-light pusat-light-${line.light}`} data-testid="light" />
                  <span class="pusat-status-text">{statusText(s, lang, t)}</span>
                  {s.behindEvents > 0 && s.status !== 'in_sync' && (
                    <small>{t('status_behind_events', { count: s.behindEvents })}</small>
                  )}
                </td>
                <td class="num" data-figure="issued">
                  {cell(s.today?.issued)}
                </td>
                <td class="num" data-figure="waiting">
                  {cell(s.today?.waiting)}
                </td>
                <td class="num">{cell(s.today?.serving)}</td>
                <td class="num" data-figure="served">
                  {cell(s.today?.served)}
                </td>
                <td class="num">{cell(s.today?.noShow)}</td>
                <td class="num">{cell(s.today?.compensationsOpen)}</td>
                <td class="num">
                  {s.today?.avgWaitSeconds == null ? '–' : formatDuration(s.today.avgWaitSeconds)}
                </td>
                <td>{s.lastEventAt ? formatClock(s.lastEventAt, VIEWER_ZONE, lang) : '–'}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th>{t('totalRow')}</th>
            <th />
            <th class="num" data-testid="total-issued">
              {cell(sum(sites, 'issued'))}
            </th>
            <th class="num">{cell(sum(sites, 'waiting'))}</th>
            <th class="num">{cell(sum(sites, 'serving'))}</th>
            <th class="num">{cell(sum(sites, 'served'))}</th>
            <th class="num">{cell(sum(sites, 'noShow'))}</th>
            <th class="num">{cell(sum(sites, 'compensationsOpen'))}</th>
            <th />
            <th />
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
