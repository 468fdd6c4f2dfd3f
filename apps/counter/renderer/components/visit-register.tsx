import { VISIT_OUTCOME_NAMES, VISIT_OUTCOMES, VISIT_PURPOSE_NAMES, VISIT_PURPOSES } from '@giliran/domain';
import type { VisitRegisterEntryView, VisitSummaryView } from '@giliran/protocol';
import { HubRequestError, newIdempotencyKey, pick, translator, type HubClient, type Lang } from '@giliran/ui';
import { useEffect, useState } from 'preact/hooks';

const TEXTS = {
  title: { id: 'Register kunjungan layanan keliling', en: 'Mobile unit visit register' },
  name: { id: 'Nama', en: 'Name' },
  nik: { id: 'NIK (opsional)', en: 'NIK (optional)' },
  phone: { id: 'No. HP (opsional)', en: 'Phone (optional)' },
  business: { id: 'Nama usaha', en: 'Business name' },
  purpose: { id: 'Keperluan', en: 'Purpose' },
  outcome: { id: 'Hasil', en: 'Outcome' },
  reason: { id: 'Alasan di luar jam layanan', en: 'Reason outside service hours' },
  complaint: { id: 'Isi pengaduan', en: 'Complaint' },
  save: { id: 'Simpan ke register', en: 'Save to the register' },
  saved: { id: 'Tercatat dengan nomor urut {n}.', en: 'Recorded with order number {n}.' },
} as const;

const EMPTY = {
  name: '',
  nik: '',
  phone: '',
  businessName: '',
  purpose: 'permit',
  outcome: 'completed',
  reason: '',
  complaint: '',
};

/**
 * On a mobile unit (a visit scheduled today), the officer fills the visit register for the citizen being served,
 * without leaving the counter page; the entry carries the ticket. Nothing shows on a hall with no visit today.
 */
export function VisitRegisterPanel(props: {
  readonly hub: HubClient;
  readonly ticketId: string;
  readonly lang: Lang;
}) {
  const { hub, ticketId, lang } = props;
  const t = translator(TEXTS, lang);
  const [visit, setVisit] = useState<VisitSummaryView | null>(null);
  const [form, setForm] = useState(EMPTY);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [savedFor, setSavedFor] = useState<string | null>(null);
  useEffect(() => {
    hub.get<VisitSummaryView | null>('/api/visits/today').then(setVisit, () => {
      setVisit(null);
    });
  }, [hub]);
  if (!visit || visit.status === 'planned' || visit.status === 'done') return null;
  const set = (key: keyof typeof EMPTY) => (e: Event) => {
    setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement).value });
  };
  const submit = (event: Event) => {
    event.preventDefault();
    const body = {
      name: form.name,
      nik: form.nik || null,
      phone: form.phone || null,
      businessName: form.businessName || null,
      purpose: form.purpose,
      outcome: form.outcome,
      outsideWindowReason: form.reason || null,
      ticketId,
      ...(form.purpose === 'complaint' ? { complaint: { text: form.complaint } } : {}),
    };
    hub.post<VisitRegisterEntryView>(`/api/visits/${visit.id}/register`, body, newIdempotencyKey()).then(
      (entry) => {
        setMessage({ ok: true, text: t('saved', { n: entry.orderNumber }) });
        setSavedFor(ticketId);
        setForm(EMPTY);
      },
      (error: unknown) => {
        const said = error instanceof HubRequestError ? error.body?.error.message : undefined;
        setMessage({ ok: false, text: said ? pick(said, lang) : String(error) });
      },
    );
  };
  return (
    <section class="visit-register" data-testid="visit-register">
      <h2>{t('title')}</h2>
      {savedFor === ticketId && message?.ok ? (
        <p class="visit-register-ok" role="status">
          {message.text}
        </p>
      ) : (
        <form onSubmit={submit}>
          <label>
            {t('name')}
            <input name="visitorName" value={form.name} required onInput={set('name')} />
          </label>
          <label>
            {t('nik')}
            <input name="visitorNik" inputMode="numeric" value={form.nik} onInput={set('nik')} />
          </label>
          <label>
            {t('phone')}
            <input name="visitorPhone" inputMode="tel" value={form.phone} onInput={set('phone')} />
          </label>
          <label>
            {t('purpose')}
            <select name="visitorPurpose" value={form.purpose} onChange={set('purpose')}>
              {VISIT_PURPOSES.map((p) => (
                <option key={p} value={p}>
                  {pick(VISIT_PURPOSE_NAMES[p], lang)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('business')}
            <input name="visitorBusiness" value={form.businessName} onInput={set('businessName')} />
          </label>
          <label>
            {t('outcome')}
            <select name="visitorOutcome" value={form.outcome} onChange={set('outcome')}>
              {VISIT_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {pick(VISIT_OUTCOME_NAMES[o], lang)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('reason')}
            <input name="visitorReason" value={form.reason} onInput={set('reason')} />
          </label>
          {form.purpose === 'complaint' && (
            <label>
              {t('complaint')}
              <input name="visitorComplaint" value={form.complaint} required onInput={set('complaint')} />
            </label>
          )}
          <button type="submit" class="btn btn-primary">
            {t('save')}
          </button>
          {message && !message.ok && (
            <p class="visit-register-error" role="alert">
              {message.text}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
