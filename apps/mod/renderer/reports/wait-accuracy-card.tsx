import type { WaitAccuracyView } from '@giliran/protocol';
import { pick, translator, type Lang } from '@giliran/ui';
import { downloadFile } from '@giliran/ui/download-file';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { TabProps } from '../tab-props.ts';
import { cellsFor } from './report-cells.ts';
import { reportQuery, type DateRange } from './report-range.ts';
import { WAIT_ACCURACY_TEXTS } from './wait-accuracy-texts.ts';

type Figures = WaitAccuracyView['total']['estimator'];
type Row = WaitAccuracyView['total'];

function minutesText(value: number | null, lang: Lang): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 }).format(value);
}

/**
 * How right the waits promised at the kiosk were over the report's period: the estimator beside the naive "people
 * ahead × mean service time" on the same tickets, in total and per service, with the same figures as CSV.
 */
export function WaitAccuracyCard({
  hub,
  session,
  lang,
  range,
  reloads,
}: Pick<TabProps, 'hub' | 'session' | 'lang'> & { range: DateRange; reloads: number }) {
  const t = useMemo(() => translator(WAIT_ACCURACY_TEXTS, lang), [lang]);
  const cells = useMemo(() => cellsFor(lang), [lang]);
  const share = (value: number | null) => cells.share(value);
  const [view, setView] = useState<WaitAccuracyView | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    hub.get<WaitAccuracyView>(`/api/reports/wait-accuracy?${reportQuery(range)}`).then(
      (loaded) => {
        if (!current) return;
        setView(loaded);
        setFailed(false);
      },
      () => {
        if (current) setFailed(true);
      },
    );
    return () => {
      current = false;
    };
  }, [hub, range.from, range.to, reloads]);

  const min = (value: number | null) => t('minutes', { m: minutesText(value, lang) });
  const biasText = (f: Figures) =>
    f.bias === null
      ? '—'
      : Math.abs(f.bias) < 0.5
        ? t('onTarget')
        : t(f.bias < 0 ? 'hopeful' : 'gloomy', { m: minutesText(Math.abs(f.bias), lang) });
  // Signed minutes in the box (below zero: promised too little wait), its meaning in words in the table.
  const signed = (value: number | null) => (value === null ? '—' : min(value));
  const boxes = (row: Row): readonly (readonly [string, string, string])[] => [
    [t('mae'), min(row.estimator.mae), t('naive', { value: min(row.naive.mae) })],
    [
      t('within'),
      share(row.estimator.withinTolerance),
      t('naive', { value: share(row.naive.withinTolerance) }),
    ],
    [t('p90'), min(row.estimator.p90Error), t('naive', { value: min(row.naive.p90Error) })],
    [t('bias'), signed(row.estimator.bias), t('naive', { value: signed(row.naive.bias) })],
  ];
  return (
    <section class="reports-accuracy" data-testid="wait-accuracy">
      <header class="reports-accuracy-head">
        <h3>{t('title')}</h3>
        <span class="reports-muted">{t('intro')}</span>
        <button
          type="button"
          class="mod-btn"
          disabled={!view}
          onClick={() =>
            void downloadFile(
              new URL(`/api/reports/wait-accuracy?${reportQuery(range)}&format=csv`, session.hubUrl),
              session.token,
              `ketepatan-perkiraan-${range.from}_${range.to}.csv`,
            ).catch(() => {
              setFailed(true);
            })
          }
        >
          {t('csv')}
        </button>
      </header>
      {failed && <p class="reports-error">{t('failed')}</p>}
      {view && view.total.estimator.tickets === 0 && <p class="reports-muted">{t('none')}</p>}
      {view && view.total.estimator.tickets > 0 && (
        <>
          <dl class="reports-figures">
            {boxes(view.total).map(([label, value, sub]) => (
              <div key={label} class="reports-figure">
                <dt>{label}</dt>
                <dd>
                  <strong>{value}</strong>
                  <span>{sub}</span>
                </dd>
              </div>
            ))}
          </dl>
          <table class="reports-table reports-table-narrow">
            <thead>
              <tr>
                <th>{t('service')}</th>
                <th>{t('tickets')}</th>
                <th>{t('mae')}</th>
                <th>{t('within')}</th>
                <th>{t('p90')}</th>
                <th>{t('bias')}</th>
              </tr>
            </thead>
            <tbody>
              {view.services
                .filter((row) => row.estimator.tickets > 0)
                .map((row) => (
                  <tr key={row.serviceId}>
                    <th scope="row">{row.serviceName ? pick(row.serviceName, lang) : row.serviceId}</th>
                    <td>{row.estimator.tickets}</td>
                    <td>
                      {min(row.estimator.mae)} <small>({min(row.naive.mae)})</small>
                    </td>
                    <td>
                      {share(row.estimator.withinTolerance)}{' '}
                      <small>({share(row.naive.withinTolerance)})</small>
                    </td>
                    <td>{min(row.estimator.p90Error)}</td>
                    <td>{biasText(row.estimator)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          {view.total.naiveSilent > 0 && (
            <p class="reports-muted">{t('silent', { count: view.total.naiveSilent })}</p>
          )}
        </>
      )}
    </section>
  );
}
