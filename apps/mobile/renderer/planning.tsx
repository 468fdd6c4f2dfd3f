import {
  CREW_ROLE_NAMES,
  CREW_ROLES,
  MAX_CREW,
  REQUESTER_KIND_NAMES,
  VISIT_REQUESTER_KINDS,
} from '@giliran/domain';
import type { VisitRequestView, VisitSummaryView } from '@giliran/protocol';
import { pick, translator, type Lang } from '@giliran/ui';
import { useState } from 'preact/hooks';
import type { Api } from './api.ts';
import { Card, Field, Outcome, Select, useForm } from './fields.tsx';
import { TEXTS } from './texts.ts';
import { useSend } from './use-send.ts';

interface Props {
  readonly api: Api;
  readonly lang: Lang;
  readonly role: string;
  readonly reload: () => void;
}

const planner = (role: string) => role === 'coordinator' || role === 'admin';

/** The schedule: visits with their status; the Kepala Dinas approves; the coordinator schedules. */
export function Schedule(
  props: Props & {
    readonly visits: readonly VisitSummaryView[];
    readonly requests: readonly VisitRequestView[];
    readonly onOpen: (id: string) => void;
  },
) {
  const { api, lang, role, reload, visits, requests, onOpen } = props;
  const t = translator(TEXTS, lang);
  const { message, busy, send } = useSend(lang, reload);
  return (
    <div class="mb-grid">
      <Card title={t('schedule')} wide>
        <table class="mb-table" data-table="visits">
          <thead>
            <tr>
              <th>{t('date')}</th>
              <th>{t('village')}</th>
              <th>{t('suratTugas')}</th>
              <th>{t('registered')}</th>
              <th>{t('permitsIssued')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {visits.map((v) => (
              <tr key={v.id}>
                <td>{v.date}</td>
                <td>
                  {v.place.village}, {v.place.district}
                </td>
                <td>{v.suratTugasNumber}</td>
                <td>{v.registered}</td>
                <td>{v.permitsIssued}</td>
                <td class="mb-actions">
                  <span class="mb-badge">{t(`status_${v.status}` as 'status_done')}</span>
                  {role === 'kadis' && v.status === 'planned' && (
                    <button
                      type="button"
                      class="mb-btn mb-btn-primary"
                      disabled={busy}
                      onClick={() => {
                        void send(() => api.post(`/visits/${v.id}/approve`));
                      }}
                    >
                      {t('approve')}
                    </button>
                  )}
                  <button
                    type="button"
                    class="mb-btn"
                    onClick={() => {
                      onOpen(v.id);
                    }}
                  >
                    {t('open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Outcome message={message} />
      </Card>
      {planner(role) && <NewVisit {...props} requests={requests.filter((r) => r.status === 'received')} />}
    </div>
  );
}

const NO_CREW = Array.from({ length: MAX_CREW }, (_, i) => ({
  name: '',
  role: CREW_ROLES[i] ?? 'register_officer',
}));

function NewVisit({
  api,
  lang,
  reload,
  requests,
}: Props & { readonly requests: readonly VisitRequestView[] }) {
  const t = translator(TEXTS, lang);
  const { form, bind } = useForm({ requestId: '', date: '', village: '', district: '', suratTugas: '' });
  const [crew, setCrew] = useState(NO_CREW);
  const { message, busy, send } = useSend(lang, reload);
  const submit = (event: Event) => {
    event.preventDefault();
    void send(() =>
      api.post('/visits', {
        requestId: form.requestId || null,
        date: form.date,
        place: form.requestId ? null : { village: form.village, district: form.district },
        suratTugasNumber: form.suratTugas,
        crew: crew.filter((m) => m.name.trim() !== ''),
      }),
    );
  };
  return (
    <Card title={t('newVisit')}>
      <form class="mb-form" name="visit" onSubmit={submit}>
        <Select
          label={t('fromRequest')}
          name="requestId"
          {...bind('requestId')}
          options={[
            { value: '', text: t('none') },
            ...requests.map((r) => ({ value: r.id, text: `${r.wishedDate} · ${r.place.village}` })),
          ]}
        />
        <Field label={t('date')} name="date" type="date" {...bind('date')} required />
        {!form.requestId && <Field label={t('village')} name="village" {...bind('village')} />}
        {!form.requestId && <Field label={t('district')} name="district" {...bind('district')} />}
        <Field label={t('suratTugas')} name="suratTugas" {...bind('suratTugas')} required />
        <fieldset class="mb-crew">
          <legend>{t('crew')}</legend>
          {crew.map((member, i) => (
            <div class="mb-crew-row" key={i}>
              <input
                name={`crew-${String(i)}`}
                value={member.name}
                placeholder={pick(CREW_ROLE_NAMES[member.role], lang)}
                onInput={(e) => {
                  const name = e.currentTarget.value;
                  setCrew(crew.map((m, j) => (j === i ? { ...m, name } : m)));
                }}
              />
              <select
                value={member.role}
                onChange={(e) => {
                  const value = e.currentTarget.value as (typeof CREW_ROLES)[number];
                  setCrew(crew.map((m, j) => (j === i ? { ...m, role: value } : m)));
                }}
              >
                {CREW_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {pick(CREW_ROLE_NAMES[r], lang)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
        <button type="submit" class="mb-btn mb-btn-primary" disabled={busy}>
          {t('newVisit')}
        </button>
        <Outcome message={message} />
      </form>
    </Card>
  );
}

/** Written requests and businesses' calls; the coordinator records and declines them. */
export function Requests(props: Props & { readonly requests: readonly VisitRequestView[] }) {
  const { api, lang, role, reload, requests } = props;
  const t = translator(TEXTS, lang);
  const { form, bind } = useForm({
    kind: 'kepala_desa',
    name: '',
    letter: '',
    village: '',
    district: '',
    wishedDate: '',
    agencies: '',
  });
  const { message, busy, send } = useSend(lang, reload);
  const submit = (event: Event) => {
    event.preventDefault();
    void send(() =>
      api.post('/visit-requests', {
        requesterKind: form.kind,
        requesterName: form.name,
        letterNumber: form.letter || null,
        place: { village: form.village, district: form.district },
        wishedDate: form.wishedDate,
        agencies: form.agencies
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean),
      }),
    );
  };
  const decline = (id: string) => {
    const reason = prompt(t('declineReason'));
    if (reason) void send(() => api.post(`/visit-requests/${id}/decline`, { reason }));
  };
  return (
    <div class="mb-grid">
      <Card title={t('requests')} wide>
        <table class="mb-table" data-table="requests">
          <thead>
            <tr>
              <th>{t('wishedDate')}</th>
              <th>{t('requester')}</th>
              <th>{t('village')}</th>
              <th>{t('letter')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.id}>
                <td>{r.wishedDate}</td>
                <td>
                  {r.requesterName}{' '}
                  <span class="mb-muted">
                    ({pick(REQUESTER_KIND_NAMES[r.requesterKind as 'camat'], lang)})
                  </span>
                </td>
                <td>
                  {r.place.village}, {r.place.district}
                </td>
                <td>{r.letterNumber ?? '—'}</td>
                <td class="mb-actions">
                  <span class="mb-badge">{t(`status_${r.status}` as 'status_received')}</span>
                  {planner(role) && r.status === 'received' && (
                    <button
                      type="button"
                      class="mb-btn"
                      disabled={busy}
                      onClick={() => {
                        decline(r.id);
                      }}
                    >
                      {t('decline')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Outcome message={message} />
      </Card>
      {planner(role) && (
        <Card title={t('newRequest')}>
          <form class="mb-form" name="request" onSubmit={submit}>
            <Select
              label={t('requester')}
              name="kind"
              {...bind('kind')}
              options={VISIT_REQUESTER_KINDS.map((k) => ({
                value: k,
                text: pick(REQUESTER_KIND_NAMES[k], lang),
              }))}
            />
            <Field label={t('requesterName')} name="requesterName" {...bind('name')} required />
            <Field label={t('letter')} name="letter" {...bind('letter')} />
            <Field label={t('village')} name="village" {...bind('village')} required />
            <Field label={t('district')} name="district" {...bind('district')} required />
            <Field label={t('wishedDate')} name="wishedDate" type="date" {...bind('wishedDate')} required />
            <Field label={t('agencies')} name="agencies" {...bind('agencies')} />
            <button type="submit" class="mb-btn mb-btn-primary" disabled={busy}>
              {t('newRequest')}
            </button>
          </form>
        </Card>
      )}
    </div>
  );
}
