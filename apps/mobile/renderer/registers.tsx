import {
  PERMIT_DOCUMENT_NAMES,
  PERMIT_DOCUMENTS,
  RISK_CLASS_NAMES,
  RISK_CLASSES,
  VISIT_OUTCOME_NAMES,
  VISIT_OUTCOMES,
  VISIT_PURPOSE_NAMES,
  VISIT_PURPOSES,
} from '@giliran/domain';
import type { VisitDetailView } from '@giliran/protocol';
import { pick, translator, type Lang } from '@giliran/ui';
import type { Api } from './api.ts';
import { Card, Field, Outcome, Select, useForm } from './fields.tsx';
import { TEXTS } from './texts.ts';
import { useSend } from './use-send.ts';

interface Props {
  readonly visit: VisitDetailView;
  readonly api: Api;
  readonly lang: Lang;
  readonly canWrite: boolean;
  readonly reload: () => void;
}

const options = <K extends string>(
  keys: readonly K[],
  names: Readonly<Record<K, { id: string; en: string }>>,
  lang: Lang,
) => keys.map((k) => ({ value: k, text: pick(names[k], lang) }));

const EMPTY = {
  name: '',
  nik: '',
  phone: '',
  businessName: '',
  riskClass: '',
  purpose: 'permit',
  outcome: 'completed',
  reason: '',
  complaint: '',
};

/** The visit register: the form the register officer (or the counter) fills, and the list in order numbers. */
export function RegisterCard(props: Props & { readonly timeZone: string }) {
  const { visit, api, lang, canWrite, reload } = props;
  const t = translator(TEXTS, lang);
  const { form, setForm, bind } = useForm(EMPTY);
  const { message, busy, send } = useSend(lang, reload);
  const inWindow =
    visit.milestones.some((m) => m.milestone === 'service-opened' && m.at !== null) &&
    !visit.milestones.some((m) => m.milestone === 'service-closed' && m.at !== null);
  const submit = (event: Event) => {
    event.preventDefault();
    void send(() =>
      api.post(`/visits/${visit.id}/register`, {
        name: form.name,
        nik: form.nik || null,
        phone: form.phone || null,
        businessName: form.businessName || null,
        riskClass: form.riskClass || null,
        purpose: form.purpose,
        outcome: form.outcome,
        outsideWindowReason: form.reason || null,
        ...(form.purpose === 'complaint' ? { complaint: { text: form.complaint } } : {}),
      }),
    ).then((ok) => {
      if (ok) setForm(EMPTY);
    });
  };
  return (
    <Card title={t('register')} wide>
      {canWrite && (
        <form class="mb-form" name="register" onSubmit={submit}>
          <Field label={t('name')} name="name" {...bind('name')} required />
          <Field label={t('nik')} name="nik" {...bind('nik')} inputMode="numeric" />
          <Field label={t('phone')} name="phone" {...bind('phone')} inputMode="tel" />
          <Select
            label={t('purpose')}
            name="purpose"
            {...bind('purpose')}
            options={options(VISIT_PURPOSES, VISIT_PURPOSE_NAMES, lang)}
          />
          <Field label={t('business')} name="businessName" {...bind('businessName')} />
          <Select
            label={t('risk')}
            name="riskClass"
            {...bind('riskClass')}
            options={[{ value: '', text: '—' }, ...options(RISK_CLASSES, RISK_CLASS_NAMES, lang)]}
          />
          <Select
            label={t('outcome')}
            name="outcome"
            {...bind('outcome')}
            options={options(VISIT_OUTCOMES, VISIT_OUTCOME_NAMES, lang)}
          />
          {!inWindow && <Field label={t('reason')} name="reason" {...bind('reason')} />}
          {form.purpose === 'complaint' && (
            <Field label={t('complaintText')} name="complaint" {...bind('complaint')} required />
          )}
          <button type="submit" class="mb-btn mb-btn-primary" disabled={busy}>
            {t('addEntry')}
          </button>
          <Outcome message={message} />
        </form>
      )}
      {visit.personalData === 'masked' && <p class="mb-muted">{t('masked')}</p>}
      <div class="mb-scroll">
        <table class="mb-table" data-table="register">
          <thead>
            <tr>
              <th>No.</th>
              <th>{t('name')}</th>
              <th>NIK</th>
              <th>{t('phone')}</th>
              <th>{t('business')}</th>
              <th>{t('purpose')}</th>
              <th>{t('outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {[...visit.register].reverse().map((e) => (
              <tr key={e.id}>
                <td>{e.orderNumber}</td>
                <td>{e.name}</td>
                <td class="mb-mono">{e.nik ?? '—'}</td>
                <td class="mb-mono">{e.phone ?? '—'}</td>
                <td>{e.businessName ?? '—'}</td>
                <td>{pick(VISIT_PURPOSE_NAMES[e.purpose as 'permit'], lang)}</td>
                <td>{pick(VISIT_OUTCOME_NAMES[e.outcome as 'completed'], lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

const NO_PERMIT = {
  nib: '',
  businessName: '',
  riskClass: 'menengah_rendah',
  document: 'nib',
  printed: true,
  handedOver: true,
  accessExplained: true,
};

/** The permit issuance register: a 13-digit NIB, printed, handed over, access explained; never a password. */
export function PermitCard(props: Props) {
  const { visit, api, lang, canWrite, reload } = props;
  const t = translator(TEXTS, lang);
  const { form, setForm, bind } = useForm(NO_PERMIT);
  const { message, busy, send } = useSend(lang, reload);
  const submit = (event: Event) => {
    event.preventDefault();
    void send(() =>
      api.post(`/visits/${visit.id}/permits`, { ...form, issuedInOssAt: new Date().toISOString() }),
    ).then((ok) => {
      if (ok) setForm(NO_PERMIT);
    });
  };
  const check = (key: 'printed' | 'handedOver' | 'accessExplained', label: string) => (
    <label class="mb-check">
      <input
        type="checkbox"
        name={key}
        checked={form[key]}
        onChange={(e) => {
          setForm({ ...form, [key]: e.currentTarget.checked });
        }}
      />
      {label}
    </label>
  );
  return (
    <Card title={t('permits')}>
      {canWrite && (
        <form class="mb-form" name="permit" onSubmit={submit}>
          <Field label={t('nib')} name="nib" {...bind('nib')} inputMode="numeric" required />
          <Field label={t('business')} name="permitBusiness" {...bind('businessName')} required />
          <Select
            label={t('risk')}
            name="permitRisk"
            {...bind('riskClass')}
            options={options(RISK_CLASSES, RISK_CLASS_NAMES, lang)}
          />
          <Select
            label={t('document')}
            name="document"
            {...bind('document')}
            options={options(PERMIT_DOCUMENTS, PERMIT_DOCUMENT_NAMES, lang)}
          />
          {check('printed', t('printed'))}
          {check('handedOver', t('handedOver'))}
          {check('accessExplained', t('accessExplained'))}
          <button type="submit" class="mb-btn mb-btn-primary" disabled={busy}>
            {t('addPermit')}
          </button>
          <Outcome message={message} />
        </form>
      )}
      <ol class="mb-list" data-list="permits">
        {visit.permits.map((p) => (
          <li key={p.id}>
            <span class="mb-mono">{p.nib}</span> · {p.businessName} ·{' '}
            {pick(PERMIT_DOCUMENT_NAMES[p.document as 'nib'], lang)}
          </li>
        ))}
      </ol>
    </Card>
  );
}
