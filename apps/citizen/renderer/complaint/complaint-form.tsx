import { newIdempotencyKey, pick, type Lang, type translator } from '@giliran/ui';
import { useEffect, useState } from 'preact/hooks';
import { DeadlineLine } from './deadline-line.tsx';
import {
  fileComplaint,
  groupedCode,
  loadForm,
  type PublicComplaintForm,
  type PublicComplaintStatus,
} from './public-api.ts';
import type { Key } from './texts.ts';

type T = ReturnType<typeof translator<Key>>;

type Field = 'name' | 'occupation' | 'address' | 'contact' | 'agencyId' | 'ticket' | 'text';
type Values = Record<Field, string>;

const EMPTY: Values = {
  name: '',
  occupation: '',
  address: '',
  contact: '',
  agencyId: '',
  ticket: '',
  text: '',
};

interface Props {
  readonly lang: Lang;
  readonly t: T;
}

function followHref(code: string, lang: Lang): string {
  return `/pengaduan/${code}${lang === 'en' ? '?lang=en' : ''}`;
}

/** The form of the register's fields; after sending, the code to follow the complaint with. */
export function ComplaintForm({ lang, t }: Props) {
  const [form, setForm] = useState<PublicComplaintForm | null>(null);
  const [values, setValues] = useState<Values>(EMPTY);
  const [key, setKey] = useState(newIdempotencyKey);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<{ text: string; fields: readonly string[] } | null>(null);
  const [filed, setFiled] = useState<PublicComplaintStatus | null>(null);
  const [anonymous, setAnonymous] = useState(false);

  useEffect(() => {
    void loadForm().then((answer) => {
      if (answer.ok) setForm(answer.data);
    });
  }, []);

  const set = (field: Field) => (event: { currentTarget: { value: string } }) => {
    setValues({ ...values, [field]: event.currentTarget.value });
  };

  if (filed) {
    return (
      <main class="pgd-body">
        <section class="pgd-card pgd-filed" data-testid="complaint-filed">
          <h1>{t('filedTitle')}</h1>
          <p class="pgd-label">{t('yourCode')}</p>
          <p class="pgd-code" data-testid="complaint-code">
            {groupedCode(filed.code)}
          </p>
          <p class="pgd-muted">{t('registerNo', { no: filed.registerNo })}</p>
          <p>{t('keepCode')}</p>
          <DeadlineLine status={filed} lang={lang} t={t} />
          <a class="pgd-button" href={followHref(filed.code, lang)} data-testid="follow-link">
            {t('follow')}
          </a>
          <button
            type="button"
            class="pgd-button pgd-button-ghost"
            onClick={() => {
              setFiled(null);
              setValues(EMPTY);
              setKey(newIdempotencyKey());
            }}
          >
            {t('another')}
          </button>
        </section>
      </main>
    );
  }

  const invalid = (field: Field) => error?.fields.includes(field) ?? false;
  const input = (
    field: Exclude<Field, 'agencyId' | 'text'>,
    options: { hint?: Key; max: number; auto?: string },
  ) => (
    <label class={`pgd-field ${invalid(field) ? 'pgd-invalid' : ''}`}>
      <span>{t(field)}</span>
      <input
        name={field}
        value={values[field]}
        maxLength={options.max}
        required={field === 'name' || field === 'contact'}
        autoComplete={options.auto ?? 'off'}
        onInput={set(field)}
      />
      {options.hint && <small>{t(options.hint)}</small>}
    </label>
  );

  return (
    <main class="pgd-body">
      <p class="pgd-site">{form?.siteName}</p>
      <p class="pgd-intro">{t('intro')}</p>
      <form
        class="pgd-card pgd-form"
        data-testid="complaint-form"
        onSubmit={(event) => {
          event.preventDefault();
          setSending(true);
          setError(null);
          void fileComplaint(
            {
              ...(anonymous
                ? { anonymous: true }
                : { name: values.name, occupation: values.occupation, address: values.address }),
              contact: values.contact,
              agencyId: values.agencyId || null,
              ticket: values.ticket.trim() || null,
              text: values.text,
            },
            key,
          ).then((answer) => {
            setSending(false);
            if (answer.ok) {
              setFiled(answer.data);
              window.scrollTo(0, 0);
              return;
            }
            setError({
              text: answer.error ? pick(answer.error.message, lang) : t('offline'),
              fields: answer.error?.details?.map((d) => d.path) ?? [],
            });
          });
        }}
      >
        <label class="pgd-check">
          <input
            type="checkbox"
            name="anonymous"
            checked={anonymous}
            onChange={(e) => {
              setAnonymous(e.currentTarget.checked);
            }}
          />
          <span>{t('anonymous')}</span>
        </label>
        {anonymous ? (
          <p class="pgd-muted" data-testid="anonymous-hint">
            {t('anonymousHint')}
          </p>
        ) : (
          <>
            {input('name', { max: 120, auto: 'name' })}
            {input('occupation', { max: 120 })}
            {input('address', { max: 300, auto: 'street-address' })}
          </>
        )}
        {input('contact', { max: 120, hint: 'contactHint', auto: 'tel' })}
        <label class={`pgd-field ${invalid('agencyId') ? 'pgd-invalid' : ''}`}>
          <span>{t('agency')}</span>
          <select name="agencyId" value={values.agencyId} onChange={set('agencyId')}>
            <option value="">{t('agencyNone')}</option>
            {form?.agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {pick(a.name, lang)}
              </option>
            ))}
          </select>
        </label>
        {input('ticket', { max: 32, hint: 'ticketHint' })}
        <label class={`pgd-field ${invalid('text') ? 'pgd-invalid' : ''}`}>
          <span>{t('text')}</span>
          <textarea
            name="text"
            rows={6}
            maxLength={4000}
            required
            value={values.text}
            onInput={set('text')}
          />
          <small>
            {t('textHint')} · {t('characters', { n: values.text.length })}
          </small>
        </label>
        {error && (
          <p class="pgd-error" role="alert">
            {error.text}
          </p>
        )}
        <p class="pgd-muted">{t('privacy')}</p>
        <button type="submit" class="pgd-button" disabled={sending}>
          {sending ? t('sending') : t('submit')}
        </button>
      </form>
      <TrackByCode lang={lang} t={t} />
    </main>
  );
}

function TrackByCode({ lang, t }: Props) {
  const [code, setCode] = useState('');
  return (
    <form
      class="pgd-card pgd-track"
      onSubmit={(event) => {
        event.preventDefault();
        const wanted = code.trim();
        if (wanted) location.assign(followHref(encodeURIComponent(wanted), lang));
      }}
    >
      <label class="pgd-field">
        <span>{t('haveCode')}</span>
        <div class="pgd-row">
          <input
            name="code"
            value={code}
            placeholder={t('codePlaceholder')}
            autoCapitalize="characters"
            onInput={(e) => {
              setCode(e.currentTarget.value);
            }}
          />
          <button type="submit" class="pgd-button pgd-button-small">
            {t('look')}
          </button>
        </div>
      </label>
    </form>
  );
}
