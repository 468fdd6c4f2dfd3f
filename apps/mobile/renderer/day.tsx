import type { MilestoneView, VisitDetailView } from '@giliran/protocol';
import { pick, translator, type Lang } from '@giliran/ui';
import type { Api } from './api.ts';
import { Card, Outcome } from './fields.tsx';
import { CounsellingCard, PhotosCard } from './extras.tsx';
import { PermitCard, RegisterCard } from './registers.tsx';
import { TEXTS } from './texts.ts';
import { useSend } from './use-send.ts';

const clock = (iso: string | null, timeZone: string) =>
  iso
    ? new Intl.DateTimeFormat('id-ID', {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone,
      }).format(new Date(iso))
    : '—';

function Judgement({ m, lang }: { readonly m: MilestoneView; readonly lang: Lang }) {
  const t = translator(TEXTS, lang);
  if (m.judgement === null) return <span class="mb-badge">{t('pending')}</span>;
  if (m.judgement === 'on_time') return <span class="mb-badge mb-badge-ok">{t('onTime')}</span>;
  return (
    <span class="mb-badge mb-badge-late">
      {t(m.judgement === 'late' ? 'late' : 'early', { n: m.minutesOff ?? 0 })}
    </span>
  );
}

/** The visit day: milestones against their standards (late ones in red), the figures, the registers. */
export function VisitDay(props: {
  readonly visit: VisitDetailView;
  readonly api: Api;
  readonly lang: Lang;
  readonly role: string;
  readonly timeZone: string;
  readonly reload: () => void;
}) {
  const { visit, api, lang, role, timeZone, reload } = props;
  const t = translator(TEXTS, lang);
  const { message, busy, send } = useSend(lang, reload);
  const crew = role === 'officer' || role === 'coordinator';
  return (
    <div class="mb-day">
      <header class="mb-visit-head">
        <div>
          <h2>
            {visit.place.village}, Kec. {visit.place.district}
          </h2>
          <p class="mb-muted">
            {visit.date} · {visit.suratTugasNumber} · {t(`status_${visit.status}` as 'status_done')}
          </p>
        </div>
        <dl class="mb-figures">
          <div>
            <dt>{t('registered')}</dt>
            <dd data-figure="registered">{visit.registered}</dd>
          </div>
          <div>
            <dt>{t('permitsIssued')}</dt>
            <dd data-figure="permits">{visit.permitsIssued}</dd>
          </div>
          <div class={visit.offStandard > 0 ? 'mb-alert' : ''}>
            <dt>{t('offStandard')}</dt>
            <dd data-figure="off-standard">{visit.offStandard}</dd>
          </div>
        </dl>
      </header>
      <div class="mb-grid">
        <Card title={t('milestones')}>
          <table class="mb-table mb-milestones">
            <thead>
              <tr>
                <th />
                <th>{t('standard')}</th>
                <th>{t('recorded')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {visit.milestones.map((m) => (
                <tr
                  key={m.milestone}
                  data-milestone={m.milestone}
                  class={m.judgement === 'late' || m.judgement === 'early' ? 'mb-row-late' : ''}
                >
                  <td>{pick(m.name, lang)}</td>
                  <td>{m.standard === '24:00' ? '—' : m.standard.replace(':', '.')}</td>
                  <td>{clock(m.at, timeZone)}</td>
                  <td>
                    {m.at === null && m.milestone === visit.nextMilestone && crew ? (
                      <button
                        type="button"
                        class="mb-btn mb-btn-primary"
                        disabled={busy || (m.milestone === 'reported' && role !== 'coordinator')}
                        onClick={() => {
                          void send(() => api.post(`/visits/${visit.id}/milestones/${m.milestone}`));
                        }}
                      >
                        {t('record')}
                      </button>
                    ) : (
                      <Judgement m={m} lang={lang} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Outcome message={message} />
        </Card>
        <PermitCard visit={visit} api={api} lang={lang} canWrite={crew} reload={reload} />
        <RegisterCard
          visit={visit}
          api={api}
          lang={lang}
          canWrite={crew}
          timeZone={timeZone}
          reload={reload}
        />
        <CounsellingCard visit={visit} api={api} lang={lang} canWrite={crew} reload={reload} />
        <PhotosCard visit={visit} api={api} lang={lang} canWrite={crew} reload={reload} />
      </div>
    </div>
  );
}
