import type { VisitRecapView, VisitSummaryView } from '@giliran/protocol';
import { failureText, translator, type Lang } from '@giliran/ui';
import { useState } from 'preact/hooks';
import type { Api } from './api.ts';
import { Card, Field, Outcome } from './fields.tsx';
import { TEXTS } from './texts.ts';

/** Each visit's report as PDF or XLSX, and the month's recap for the Dinas. */
export function Reports({
  api,
  lang,
  visits,
}: {
  readonly api: Api;
  readonly lang: Lang;
  readonly visits: readonly VisitSummaryView[];
}) {
  const t = translator(TEXTS, lang);
  const [month, setMonth] = useState(new Date().toISOString().slice(0, 7));
  const [recap, setRecap] = useState<VisitRecapView | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  /** A refused file (the export pool busy: 429) says why and when to try again; nothing is saved. */
  const download = (path: string, name: string) => {
    setRefusal(null);
    api.download(path, name).catch((error: unknown) => {
      setRefusal(failureText(error, lang, { offline: t('offline'), failed: t('failed') }));
    });
  };
  return (
    <div class="mb-grid">
      <Card title={t('reports')} wide>
        <Outcome message={refusal === null ? null : { ok: false, text: refusal }} />
        <ul class="mb-list">
          {visits.map((v) => (
            <li key={v.id} class="mb-report-row">
              <span>
                {v.date} · {v.place.village} · {t(`status_${v.status}` as 'status_done')}
              </span>
              <span class="mb-actions">
                <button
                  type="button"
                  class="mb-btn"
                  onClick={() => {
                    download(`/visits/${v.id}/report?format=pdf`, `laporan-kunjungan-${v.date}.pdf`);
                  }}
                >
                  PDF
                </button>
                <button
                  type="button"
                  class="mb-btn"
                  onClick={() => {
                    download(`/visits/${v.id}/report?format=xlsx`, `laporan-kunjungan-${v.date}.xlsx`);
                  }}
                >
                  XLSX
                </button>
              </span>
            </li>
          ))}
        </ul>
      </Card>
      <Card title={t('recap')}>
        <div class="mb-form">
          <Field label={t('month')} name="month" type="month" value={month} onValue={setMonth} />
          <button
            type="button"
            class="mb-btn mb-btn-primary"
            onClick={() => void api.get<VisitRecapView>(`/visits/recap?month=${month}`).then(setRecap)}
          >
            {t('open')}
          </button>
          <button
            type="button"
            class="mb-btn"
            onClick={() => {
              download(`/visits/recap?month=${month}&format=xlsx`, `rekap-${month}.xlsx`);
            }}
          >
            XLSX
          </button>
        </div>
        {recap && (
          <dl class="mb-figures" data-recap={recap.month}>
            <div>
              <dt>{t('tabSchedule')}</dt>
              <dd>{recap.totals.visits}</dd>
            </div>
            <div>
              <dt>{t('registered')}</dt>
              <dd>{recap.totals.registered}</dd>
            </div>
            <div>
              <dt>{t('permitsIssued')}</dt>
              <dd>{recap.totals.permitsIssued}</dd>
            </div>
          </dl>
        )}
      </Card>
    </div>
  );
}
