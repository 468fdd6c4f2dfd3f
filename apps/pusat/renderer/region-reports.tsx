import { failureText, formatDate, formatDuration, pick, type Lang } from '@giliran/ui';
import { useEffect, useState } from 'preact/hooks';
import type { CentralApi } from './central-api.ts';
import { download, FILE_FORMATS } from './download.ts';
import type { PusatText } from './texts.ts';
import type { CentralSiteView, RegionSections, ReportView } from './wire.ts';

type T = (key: PusatText, values?: Record<string, string | number>) => string;
type RegionView = ReportView & { readonly region: RegionSections };

interface Query {
  readonly from: string;
  readonly to: string;
  readonly site: string;
}

const queryString = (q: Query): string =>
  `from=${q.from}&to=${q.to}${q.site === '' ? '' : `&site=${encodeURIComponent(q.site)}`}`;

/** The region's reports: a day or a range, all sites combined or one, on screen and as CSV, XLSX or PDF. */
export function RegionReports({
  api,
  lang,
  t,
}: {
  readonly api: CentralApi;
  readonly lang: Lang;
  readonly t: T;
}) {
  const [sites, setSites] = useState<CentralSiteView[]>([]);
  const [query, setQuery] = useState<Query | null>(null);
  const [shown, setShown] = useState<Query | null>(null);
  const [view, setView] = useState<RegionView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  useEffect(() => {
    void api.get<CentralSiteView[]>('/api/central/sites').then((list) => {
      setSites(list);
      const today =
        list.map((s) => s.serviceDay ?? '').reduce((a, b) => (a > b ? a : b), '') ||
        new Date().toISOString().slice(0, 10);
      const first = { from: today, to: today, site: '' };
      setQuery(first);
      setShown(first);
    });
  }, [api]);
  useEffect(() => {
    if (shown === null) return;
    setView(null);
    setError(null);
    api.get<RegionView>(`/api/central/reports?${queryString(shown)}`).then(setView, (e: unknown) => {
      setError(e instanceof Error ? e.message : String(e));
    });
  }, [api, shown]);
  if (query === null) return <p class="pusat-muted">{t('loading')}</p>;
  const set = (patch: Partial<Query>) => {
    setQuery({ ...query, ...patch });
  };
  return (
    <section class="pusat-reports" data-testid="reports">
      <form
        class="pusat-panel pusat-report-form"
        onSubmit={(e) => {
          e.preventDefault();
          setShown(query);
        }}
      >
        <label>
          {t('from')}
          <input
            type="date"
            name="from"
            value={query.from}
            onChange={(e) => {
              set({ from: e.currentTarget.value });
            }}
          />
        </label>
        <label>
          {t('to')}
          <input
            type="date"
            name="to"
            value={query.to}
            onChange={(e) => {
              set({ to: e.currentTarget.value });
            }}
          />
        </label>
        <label>
          {t('site')}
          <select
            name="site"
            value={query.site}
            onChange={(e) => {
              set({ site: e.currentTarget.value });
            }}
          >
            <option value="">{t('allSites')}</option>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="pusat-btn pusat-btn-primary">
          {t('show')}
        </button>
        <span class="pusat-downloads">
          {FILE_FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              class="pusat-btn"
              data-format={format}
              onClick={() => {
                setDownloadError(null);
                download(
                  api,
                  `/api/central/reports?${queryString(query)}&format=${format}`,
                  `laporan-wilayah.${format}`,
                ).catch((e: unknown) => {
                  setDownloadError(
                    failureText(e, lang, { offline: t('offline'), failed: t('downloadFailed') }),
                  );
                });
              }}
            >
              {t('download', { format: format.toUpperCase() })}
            </button>
          ))}
        </span>
      </form>
      {error && <p class="pusat-error">{t('failed', { reason: error })}</p>}
      {downloadError && (
        <p class="pusat-error" role="alert" data-testid="download-error">
          {downloadError}
        </p>
      )}
      {!view && !error && <p class="pusat-muted">{t('loading')}</p>}
      {view && <ReportBody view={view} lang={lang} t={t} />}
    </section>
  );
}

function ReportBody({ view, lang, t }: { readonly view: RegionView; readonly lang: Lang; readonly t: T }) {
  const r = view.region;
  const duration = (s: number | null) => (s === null ? '–' : formatDuration(s));
  return (
    <div class="pusat-report" data-testid="report-body">
      {view.live && <p class="pusat-muted">{t('liveNote')}</p>}
      <section class="pusat-panel">
        <h2>{t('reportSites')}</h2>
        <table class="pusat-table" data-testid="report-sites">
          <thead>
            <tr>
              <th>{t('colSite')}</th>
              <th class="num">{t('colIssued')}</th>
              <th class="num">{t('colServedShort')}</th>
              <th class="num">{t('colNoShow')}</th>
              <th class="num">{t('colLate')}</th>
              <th class="num">{t('colAvgWait')}</th>
            </tr>
          </thead>
          <tbody>
            {r.sites.map((s) => (
              <tr key={s.key} data-site={s.key}>
                <td>{pick(s.name, lang)}</td>
                <td class="num">{s.issued}</td>
                <td class="num">{s.served}</td>
                <td class="num">{s.noShows}</td>
                <td class="num">{s.lateService}</td>
                <td class="num">{duration(s.wait.averageSeconds)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th>{t('totalRow')}</th>
              <th class="num">{view.total.issued}</th>
              <th class="num">{view.total.served}</th>
              <th class="num">{view.total.noShows}</th>
              <th class="num">{view.total.lateService}</th>
              <th class="num">{duration(view.total.wait.averageSeconds)}</th>
            </tr>
          </tfoot>
        </table>
      </section>
      <div class="pusat-day-grid">
        <section class="pusat-panel">
          <h2>{t('reportSkm')}</h2>
          <table class="pusat-table" data-testid="report-skm">
            <thead>
              <tr>
                <th>{t('colSite')}</th>
                <th class="num">{t('colRespondents')}</th>
                <th class="num">{t('colIkm')}</th>
                <th>{t('colMutu')}</th>
              </tr>
            </thead>
            <tbody>
              {r.skm.map((s) => (
                <tr key={s.key} class={s.key === 'total' ? 'pusat-total' : ''}>
                  <td>{pick(s.name, lang)}</td>
                  <td class="num">{s.respondents}</td>
                  <td class="num">{s.ikm === null ? '–' : s.ikm.toFixed(2)}</td>
                  <td>{s.mutu ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section class="pusat-panel">
          <h2>{t('reportComplaints')}</h2>
          <table class="pusat-table" data-testid="report-complaints">
            <thead>
              <tr>
                <th>{t('colSite')}</th>
                <th class="num">{t('colFiled')}</th>
                <th class="num">{t('colAnswered')}</th>
                <th class="num">{t('colOpen')}</th>
                <th class="num">{t('colPastDeadline')}</th>
              </tr>
            </thead>
            <tbody>
              {r.complaints.map((c) => (
                <tr key={c.key} class={c.key === 'total' ? 'pusat-total' : ''}>
                  <td>{pick(c.name, lang)}</td>
                  <td class="num">{c.filed}</td>
                  <td class="num">{c.answered}</td>
                  <td class="num">{c.open}</td>
                  <td class="num">{c.late}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {r.openComplaints.length > 0 && (
            <>
              <h2>{t('reportOpenComplaints')}</h2>
              <table class="pusat-table" data-testid="report-open-complaints">
                <thead>
                  <tr>
                    <th>{t('colSite')}</th>
                    <th>{t('colCode')}</th>
                    <th>{t('colCategory')}</th>
                    <th>{t('colDeadline')}</th>
                    <th>{t('colPastDeadline')}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.openComplaints.map((c) => (
                    <tr key={`${c.siteId}/${c.code}`} class={c.late ? 'pusat-late' : ''}>
                      <td>{c.siteName}</td>
                      <td>{c.code}</td>
                      <td>{c.category}</td>
                      <td>{formatDate(c.deadlineAt, view.site.timeZone, lang)}</td>
                      <td>{c.late ? t('yes') : t('no')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </section>
      </div>
    </div>
  );
}
