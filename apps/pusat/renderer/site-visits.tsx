import { CREW_ROLE_NAMES, CREW_ROLES, MAX_CREW, type CrewRole } from '@giliran/domain';
import { formatDate, HubRequestError, pick, type Lang } from '@giliran/ui';
import { useEffect, useState } from 'preact/hooks';
import type { CentralApi } from './central-api.ts';
import type { PusatText } from './texts.ts';
import type { CentralVisitInput, CentralVisitView } from './wire.ts';

type T = (key: PusatText, values?: Record<string, string | number>) => string;

interface Props {
  readonly api: CentralApi;
  readonly siteId: string;
  readonly lang: Lang;
  readonly t: T;
  readonly timeZone: string;
}

const path = (siteId: string) => `/api/central/sites/${encodeURIComponent(siteId)}/visits`;

/** The mobile unit's schedule as central made it: each visit and how far it has got at the unit. */
export function SiteVisits({ api, siteId, lang, t, timeZone }: Props) {
  const [visits, setVisits] = useState<CentralVisitView[] | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    void api.get<CentralVisitView[]>(path(siteId)).then(setVisits, () => {
      setVisits([]);
    });
  }, [api, siteId, version]);
  const admin = api.session.role === 'regional_admin';
  return (
    <div class="pusat-visits">
      <section class="pusat-panel" data-testid="site-visits">
        <h2>{t('visitsTitle', { count: visits?.length ?? 0 })}</h2>
        {visits === null && <p class="pusat-muted">{t('loading')}</p>}
        {visits?.length === 0 && <p class="pusat-muted">{t('noVisits')}</p>}
        {visits && visits.length > 0 && (
          <table class="pusat-table">
            <thead>
              <tr>
                <th>{t('date')}</th>
                <th>{t('visitPlace')}</th>
                <th>{t('suratTugas')}</th>
                <th>{t('crew')}</th>
                <th>{t('colStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {visits.map((v) => (
                <tr key={v.visitId} data-visit={v.visitId} data-state={v.state}>
                  <td>{formatDate(`${v.date}T12:00:00Z`, timeZone, lang)}</td>
                  <td>
                    {v.place.village}
                    <small>{v.place.district}</small>
                  </td>
                  <td>{v.suratTugasNumber}</td>
                  <td>{v.crew.map((m) => m.name).join(', ')}</td>
                  <td>
                    {t(`visit_${v.state}`)}
                    {v.refusedCode && <small>{v.refusedCode}</small>}
                    {v.approvedBy && <small>{t('approvedByShort', { name: v.approvedBy })}</small>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {admin && (
        <NewVisitForm
          api={api}
          siteId={siteId}
          lang={lang}
          t={t}
          timeZone={timeZone}
          onScheduled={() => {
            setVersion((n) => n + 1);
          }}
        />
      )}
    </div>
  );
}

const EMPTY = {
  date: '',
  village: '',
  district: '',
  address: '',
  suratTugas: '',
  agencies: '',
  noticeNumber: '',
  noticeDate: '',
  noticeTo: '',
  approvedBy: '',
};
type FormKey = keyof typeof EMPTY;
const NO_CREW = Array.from({ length: MAX_CREW }, (_, i) => ({
  name: '',
  role: CREW_ROLES[i] ?? 'register_officer',
}));

function visitInput(form: typeof EMPTY, crew: typeof NO_CREW, visitId: string): CentralVisitInput {
  const notice = form.noticeNumber.trim()
    ? { letterNumber: form.noticeNumber, letterDate: form.noticeDate, addressedTo: form.noticeTo }
    : null;
  return {
    visitId,
    date: form.date,
    place: { village: form.village, district: form.district, address: form.address || null },
    suratTugasNumber: form.suratTugas,
    crew: crew.filter((m) => m.name.trim() !== ''),
    notice,
    agencies: form.agencies
      .split(',')
      .map((a) => a.trim())
      .filter((a) => a !== ''),
    approvedBy: form.approvedBy.trim() || null,
  };
}

/**
 * The coordinator's plan, entered at the regional office: one visit id per filled form, so a submit retried after a
 * lost answer is the same visit. A refusal shows the server's own message (crew, date, site) in the page's language.
 */
function NewVisitForm(props: {
  readonly api: CentralApi;
  readonly siteId: string;
  readonly lang: Lang;
  readonly t: T;
  readonly timeZone: string;
  readonly onScheduled: () => void;
}) {
  const { t, lang } = props;
  const [form, setForm] = useState(EMPTY);
  const [crew, setCrew] = useState(NO_CREW);
  const [visitId, setVisitId] = useState(() => crypto.randomUUID());
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (key: FormKey, label: PusatText, type: 'text' | 'date' = 'text', required = false) => {
    const common = {
      name: key,
      value: form[key],
      required,
      onInput: (e: Event) => {
        setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value });
      },
    };
    return (
      <label>
        {t(label)}
        {type === 'date' ? <input type="date" {...common} /> : <input type="text" {...common} />}
      </label>
    );
  };
  const submit = (event: Event) => {
    event.preventDefault();
    setBusy(true);
    props.api.post<CentralVisitView>(path(props.siteId), visitInput(form, crew, visitId)).then(
      (visit) => {
        setOutcome({
          ok: true,
          text: t('visitScheduled', { date: formatDate(`${visit.date}T12:00:00Z`, props.timeZone, lang) }),
        });
        setForm(EMPTY);
        setCrew(NO_CREW);
        setVisitId(crypto.randomUUID());
        setBusy(false);
        props.onScheduled();
      },
      (error: unknown) => {
        const text =
          error instanceof HubRequestError && error.body
            ? pick(error.body.error.message, lang)
            : t('failed', { reason: String(error) });
        setOutcome({ ok: false, text });
        setBusy(false);
      },
    );
  };
  return (
    <section class="pusat-panel">
      <h2>{t('newVisit')}</h2>
      <form class="pusat-visit-form" name="visit" onSubmit={submit}>
        {field('date', 'date', 'date', true)}
        {field('village', 'village', 'text', true)}
        {field('district', 'district', 'text', true)}
        {field('address', 'address')}
        {field('suratTugas', 'suratTugas', 'text', true)}
        <fieldset class="pusat-crew">
          <legend>{t('crewLegend', { max: MAX_CREW })}</legend>
          {crew.map((member, i) => (
            <div class="pusat-crew-row" key={i}>
              <input
                name={`crew-${String(i)}`}
                value={member.name}
                aria-label={pick(CREW_ROLE_NAMES[member.role], lang)}
                placeholder={pick(CREW_ROLE_NAMES[member.role], lang)}
                onInput={(e) => {
                  const name = e.currentTarget.value;
                  setCrew(crew.map((m, j) => (j === i ? { ...m, name } : m)));
                }}
              />
              <select
                name={`crew-role-${String(i)}`}
                value={member.role}
                onChange={(e) => {
                  const role = e.currentTarget.value as CrewRole;
                  setCrew(crew.map((m, j) => (j === i ? { ...m, role } : m)));
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
        {field('agencies', 'agencies')}
        {field('noticeNumber', 'noticeNumber')}
        {field('noticeDate', 'noticeDate', 'date')}
        {field('noticeTo', 'noticeTo')}
        {field('approvedBy', 'approvedBy')}
        <button type="submit" class="pusat-btn pusat-btn-primary" disabled={busy}>
          {t('scheduleVisit')}
        </button>
        {outcome && (
          <p
            class={outcome.ok ? 'pusat-ok' : 'pusat-error'}
            role={outcome.ok ? 'status' : 'alert'}
            data-testid="visit-outcome"
          >
            {outcome.text}
          </p>
        )}
      </form>
    </section>
  );
}
