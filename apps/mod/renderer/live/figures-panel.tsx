import type { Recap, RecapRow, StepCompliance } from '@giliran/domain';
import { formatDuration, pick, translator, type HubClient, type Lang } from '@giliran/ui';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ServiceView } from '../wire.ts';
import type { LIVE_TEXTS } from './texts.ts';

type T = ReturnType<typeof translator<keyof typeof LIVE_TEXTS>>;

interface Props {
  readonly hub: HubClient;
  readonly serviceDay: string | null;
  /** Changes whenever the day's figures may have changed (a ticket issued, finished, …). */
  readonly version: number;
  readonly services: readonly ServiceView[];
  readonly lang: Lang;
  readonly t: T;
}

/** Figures change with every finished ticket, but nobody reads them to the second: reload at most this often. */
const RELOAD_MS = 5000;

const duration = (seconds: number | null) => (seconds === null ? '–' : formatDuration(seconds));

function withinShare(steps: readonly StepCompliance[]): number | null {
  let within = 0;
  let judged = 0;
  for (const s of steps) {
    within += s.withinStandard;
    judged += s.withinStandard + s.late;
  }
  return judged === 0 ? null : within / judged;
}

function useRecap(hub: HubClient, serviceDay: string | null, version: number): Recap | null {
  const [recap, setRecap] = useState<Recap | null>(null);
  // Read, not watched: a reload must not schedule the next one by itself.
  const loadedAt = useRef(0);
  useEffect(() => {
    if (serviceDay === null) return;
    const wait = Math.max(0, loadedAt.current + RELOAD_MS - Date.now());
    const timer = setTimeout(() => {
      hub.get<Recap>(`/api/reports?from=${serviceDay}&to=${serviceDay}`).then(
        (r) => {
          loadedAt.current = Date.now();
          setRecap(r);
        },
        () => undefined,
      );
    }, wait);
    return () => {
      clearTimeout(timer);
    };
  }, [hub, serviceDay, version]);
  return recap;
}

function Arrivals({ arrivals, t }: { arrivals: readonly number[]; t: T }) {
  const first = arrivals.findIndex((n) => n > 0);
  const last = arrivals.length - 1 - [...arrivals].reverse().findIndex((n) => n > 0);
  const from = first < 0 ? 8 : Math.min(first, 8);
  const to = first < 0 ? 16 : Math.max(last, 15);
  const hours = arrivals.slice(from, to + 1);
  const max = Math.max(1, ...hours);
  return (
    <figure class="live-arrivals" data-testid="arrivals">
      <figcaption>{t('arrivals')}</figcaption>
      <div class="live-bars">
        {hours.map((n, i) => (
          <div key={i} class="live-bar" title={`${String(from + i).padStart(2, '0')}.00: ${n}`}>
            <span class="live-bar-n">{n > 0 ? n : ''}</span>
            <span class="live-bar-fill" style={{ height: `${(n / max) * 100}%` }} />
            <span class="live-bar-hour">{String(from + i).padStart(2, '0')}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}

/** Today's figures: totals, per service wait and service time (average and 90th percentile), arrivals per hour. */
export function FiguresPanel({ hub, serviceDay, version, services, lang, t }: Props) {
  const recap = useRecap(hub, serviceDay, version);
  if (!recap) return null;
  const total = recap.total;
  const share = withinShare(recap.compliance.total);
  const name = (row: RecapRow) => {
    const s = services.find((x) => x.id === row.key);
    return s ? `${s.prefix} · ${pick(s.name, lang)}` : row.key;
  };
  return (
    <section class="live-panel live-figures" data-testid="figures">
      <h2>{t('todayFigures')}</h2>
      <dl class="live-totals">
        <div>
          <dt>{t('issued')}</dt>
          <dd data-testid="figure-issued">{total.issued ?? 0}</dd>
        </div>
        <div>
          <dt>{t('served')}</dt>
          <dd data-testid="figure-served">{total.served}</dd>
        </div>
        <div>
          <dt>{t('noShows')}</dt>
          <dd>{total.noShows}</dd>
        </div>
        <div>
          <dt>{t('waitAvgP90')}</dt>
          <dd>
            {duration(total.wait.averageSeconds)} / {duration(total.wait.p90Seconds)}
          </dd>
        </div>
        <div>
          <dt>{t('serviceAvgP90')}</dt>
          <dd>
            {duration(total.service.averageSeconds)} / {duration(total.service.p90Seconds)}
          </dd>
        </div>
        <div>
          <dt>{t('stepsWithin')}</dt>
          <dd data-testid="figure-within">{share === null ? '–' : `${Math.round(share * 100)}%`}</dd>
        </div>
      </dl>
      <div class="live-figures-body">
        <table class="live-table live-service-figures">
          <thead>
            <tr>
              <th>{t('colService')}</th>
              <th>{t('issued')}</th>
              <th>{t('served')}</th>
              <th>{t('noShows')}</th>
              <th>{t('waitAvgP90')}</th>
              <th>{t('serviceAvgP90')}</th>
            </tr>
          </thead>
          <tbody>
            {recap.services
              .filter((r) => (r.issued ?? 0) > 0 || r.served > 0)
              .map((r) => (
                <tr key={r.key}>
                  <td>{name(r)}</td>
                  <td class="live-num">{r.issued ?? 0}</td>
                  <td class="live-num">{r.served}</td>
                  <td class="live-num">{r.noShows}</td>
                  <td class="live-num">
                    {duration(r.wait.averageSeconds)} / {duration(r.wait.p90Seconds)}
                  </td>
                  <td class="live-num">
                    {duration(r.service.averageSeconds)} / {duration(r.service.p90Seconds)}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
        <Arrivals arrivals={recap.arrivals} t={t} />
      </div>
    </section>
  );
}
