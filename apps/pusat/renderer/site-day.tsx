import { formatClock, formatDuration, pick, type Lang } from '@giliran/ui';
import { useEffect, useState } from 'preact/hooks';
import type { CentralApi } from './central-api.ts';
import { SiteVisits } from './site-visits.tsx';
import type { PusatText } from './texts.ts';
import type { CentralCompensationView, CentralSiteView, CentralTicketView, ReportView } from './wire.ts';

type T = (key: PusatText, values?: Record<string, string | number>) => string;

interface Props {
  readonly api: CentralApi;
  readonly siteId: string;
  readonly lang: Lang;
  readonly t: T;
  readonly onBack: () => void;
}

interface Day {
  readonly report: ReportView;
  readonly tickets: CentralTicketView[];
  readonly compensations: CentralCompensationView[];
}

const KIND_NAMES: Readonly<Record<string, { id: string; en: string }>> = {
  late_service: { id: 'Pelayanan terlambat', en: 'Late service' },
  fee_mismatch: { id: 'Biaya tidak sesuai', en: 'Fee mismatch' },
  complaint_late: { id: 'Pengaduan terlambat', en: 'Complaint late' },
  officer_incompetent: { id: 'Petugas tidak kompeten', en: 'Officer not competent' },
  sop_not_followed: { id: 'Tidak sesuai SOP', en: 'SOP not followed' },
  wrong_product: { id: 'Produk salah', en: 'Wrong product' },
};

async function loadDay(api: CentralApi, siteId: string, date: string): Promise<Day> {
  const [report, tickets, compensations] = await Promise.all([
    api.get<ReportView>(`/api/central/reports?site=${encodeURIComponent(siteId)}&from=${date}`),
    api.get<CentralTicketView[]>(`/api/central/sites/${encodeURIComponent(siteId)}/tickets?date=${date}`),
    api.get<CentralCompensationView[]>(
      `/api/central/sites/${encodeURIComponent(siteId)}/compensations?date=${date}`,
    ),
  ]);
  return { report, tickets, compensations };
}

/** One site's day: its figures, the services that ran late, its compensations and every ticket. */
export function SiteDay({ api, siteId, lang, t, onBack }: Props) {
  const [date, setDate] = useState<string | null>(null);
  const [mobile, setMobile] = useState(false);
  const [day, setDay] = useState<Day | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.get<CentralSiteView[]>('/api/central/sites').then(
      (sites) => {
        const site = sites.find((s) => s.id === siteId);
        setDate(site?.serviceDay ?? new Date().toISOString().slice(0, 10));
        setMobile(site?.kind === 'mobile');
      },
      (e: unknown) => {
        setError(String(e));
      },
    );
  }, [api, siteId]);
  useEffect(() => {
    if (date === null) return;
    setDay(null);
    loadDay(api, siteId, date).then(setDay, (e: unknown) => {
      setError(e instanceof Error ? e.message : String(e));
    });
  }, [api, siteId, date]);

  const zone = day?.report.site.timeZone ?? 'Asia/Jakarta';
  const clock = (at: string | null) => (at === null ? '–' : formatClock(at, zone, lang));
  return (
    <section class="pusat-day" data-testid="site-day">
      <div class="pusat-day-head">
        <button type="button" class="pusat-btn" onClick={onBack}>
          {t('back')}
        </button>
        <h1>{day?.report.site.name ?? siteId}</h1>
        <label>
          {t('date')}{' '}
          <input
            type="date"
            value={date ?? ''}
            onChange={(e) => {
              setDate(e.currentTarget.value);
            }}
          />
        </label>
      </div>
      {mobile && <SiteVisits api={api} siteId={siteId} lang={lang} t={t} timeZone={zone} />}
      {error && <p class="pusat-error">{t('failed', { reason: error })}</p>}
      {!day && !error && <p class="pusat-muted">{t('loading')}</p>}
      {day && (
        <>
          <DayFiguresStrip report={day.report} t={t} />
          <div class="pusat-day-grid">
            <LateServices report={day.report} lang={lang} t={t} />
            <section class="pusat-panel" data-testid="day-compensations">
              <h2>{t('dayCompensations', { count: day.compensations.length })}</h2>
              {day.compensations.length === 0 ? (
                <p class="pusat-muted">{t('noneCompensation')}</p>
              ) : (
                <table class="pusat-table">
                  <thead>
                    <tr>
                      <th>{t('colKind')}</th>
                      <th>{t('colNumber')}</th>
                      <th>{t('colCounter')}</th>
                      <th>{t('colRaised')}</th>
                      <th>{t('colResolved')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {day.compensations.map((c) => (
                      <tr key={c.compensationId}>
                        <td>
                          {KIND_NAMES[c.kind] ? pick(KIND_NAMES[c.kind] ?? { id: '', en: '' }, lang) : c.kind}
                        </td>
                        <td>{c.number ?? '–'}</td>
                        <td>{c.counterId ?? '–'}</td>
                        <td>{clock(c.raisedAt)}</td>
                        <td>{c.resolvedAt ? clock(c.resolvedAt) : t('stillOpen')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          </div>
          <section class="pusat-panel" data-testid="day-tickets">
            <h2>{t('dayTickets', { count: day.tickets.length })}</h2>
            {day.tickets.length === 0 ? (
              <p class="pusat-muted">{t('noneTickets')}</p>
            ) : (
              <div class="pusat-scroll">
                <table class="pusat-table">
                  <thead>
                    <tr>
                      <th>{t('colNumber')}</th>
                      <th>{t('colService')}</th>
                      <th>{t('colTicketStatus')}</th>
                      <th>{t('colCounter')}</th>
                      <th>{t('colIssuedAt')}</th>
                      <th>{t('colCalledAt')}</th>
                      <th>{t('colFinishedAt')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {day.tickets.map((x) => (
                      <tr key={x.ticketId} data-number={x.number}>
                        <td>
                          <b>{x.number}</b>
                        </td>
                        <td>{serviceName(day.report, x.serviceId, lang)}</td>
                        <td>{t(`ticket_${x.status}` as PusatText)}</td>
                        <td>{x.counterId ?? '–'}</td>
                        <td>{clock(x.issuedAt)}</td>
                        <td>{clock(x.firstCalledAt)}</td>
                        <td>{clock(x.finishedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </section>
  );
}

function serviceName(report: ReportView, serviceId: string, lang: Lang): string {
  const row = report.services.find((s) => s.key === serviceId);
  return row ? pick(row.name, lang) : serviceId;
}

function DayFiguresStrip({ report, t }: { readonly report: ReportView; readonly t: T }) {
  const x = report.total;
  const judged = report.compliance.total.reduce((s, e) => s + e.withinStandard + e.late, 0);
  const within = report.compliance.total.reduce((s, e) => s + e.withinStandard, 0);
  const figures: [PusatText, string][] = [
    ['colIssued', String(x.issued ?? 0)],
    ['colServedShort', String(x.served)],
    ['colNoShow', String(x.noShows)],
    ['colLate', String(x.lateService ?? 0)],
    ['colAvgWait', x.wait.averageSeconds === null ? '–' : formatDuration(x.wait.averageSeconds)],
    ['colCompliance', judged === 0 ? '–' : `${Math.round((within / judged) * 1000) / 10}%`],
  ];
  return (
    <div class="pusat-figures" data-testid="day-figures">
      {figures.map(([label, value]) => (
        <div key={label} class="pusat-figure">
          <span>{t(label)}</span>
          <b>{value}</b>
        </div>
      ))}
      {report.live && <p class="pusat-muted">{t('liveNote')}</p>}
    </div>
  );
}

function LateServices({
  report,
  lang,
  t,
}: {
  readonly report: ReportView;
  readonly lang: Lang;
  readonly t: T;
}) {
  const late = report.services.filter((s) => (s.lateService ?? 0) > 0);
  const compliance = new Map(
    report.compliance.services.map((s) => {
      const judged = s.steps.reduce((n, e) => n + e.withinStandard + e.late, 0);
      const within = s.steps.reduce((n, e) => n + e.withinStandard, 0);
      return [s.key, judged === 0 ? null : within / judged];
    }),
  );
  return (
    <section class="pusat-panel" data-testid="day-late">
      <h2>{t('dayLate')}</h2>
      {late.length === 0 ? (
        <p class="pusat-muted">{t('noneLate')}</p>
      ) : (
        <table class="pusat-table">
          <thead>
            <tr>
              <th>{t('colService')}</th>
              <th class="num">{t('colLateCount')}</th>
              <th class="num">{t('colCompliance')}</th>
            </tr>
          </thead>
          <tbody>
            {late.map((s) => {
              const share = compliance.get(s.key) ?? null;
              return (
                <tr key={s.key}>
                  <td>{pick(s.name, lang)}</td>
                  <td class="num">{s.lateService}</td>
                  <td class="num">{share === null ? '–' : `${Math.round(share * 1000) / 10}%`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
