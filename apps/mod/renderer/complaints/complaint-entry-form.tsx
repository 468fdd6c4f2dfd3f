import { COMPLAINT_CHANNELS, DEFAULT_COMPLAINT_CATEGORY } from '@giliran/domain';
import { pick, type HubClient, type Lang, type translator } from '@giliran/ui';
import { useState } from 'preact/hooks';
import { CategorySelect, TextField } from './form-fields.tsx';
import { CHANNEL_LABELS, type ComplaintText } from './texts.ts';
import { useSend } from './use-send.ts';
import type { ComplaintCategory, ComplaintCategoryRule, ComplaintChannel, ComplaintView } from './wire.ts';

type T = ReturnType<typeof translator<ComplaintText>>;

/** Staff enter what came by desk, phone, box, e-mail or SP4N-LAPOR!; the website files by itself. */
const STAFF_CHANNELS = COMPLAINT_CHANNELS.filter((c) => c !== 'website');

type Text = 'channelRef' | 'name' | 'occupation' | 'address' | 'contact' | 'ticket' | 'text';
const EMPTY: Record<Text, string> = {
  channelRef: '',
  name: '',
  occupation: '',
  address: '',
  contact: '',
  ticket: '',
  text: '',
};

interface Props {
  readonly hub: HubClient;
  readonly agencies: readonly { id: string; name: { id: string; en: string } }[];
  readonly rules: readonly ComplaintCategoryRule[];
  readonly onEntered: (view: ComplaintView) => void;
  readonly lang: Lang;
  readonly t: T;
}

/** The Buku Pengaduan's fields: name, occupation, address (SOP: asked of everyone), channel and the complaint. */
export function ComplaintEntryForm({ hub, agencies, rules, onEntered, lang, t }: Props) {
  const [channel, setChannel] = useState<ComplaintChannel>('in_person');
  const [values, setValues] = useState(EMPTY);
  const [agencyId, setAgencyId] = useState('');
  const [category, setCategory] = useState<ComplaintCategory>(DEFAULT_COMPLAINT_CATEGORY);
  const send = useSend(lang, t('offline'));
  const text = (name: Text, label: ComplaintText, required = false) => (
    <TextField
      name={name}
      label={t(label)}
      required={required}
      value={values[name]}
      onInput={(value) => {
        setValues({ ...values, [name]: value });
      }}
    />
  );
  const orNull = (value: string) => value.trim() || null;
  return (
    <form
      class="complaints-form complaints-entry"
      data-testid="entry-form"
      onSubmit={(event) => {
        event.preventDefault();
        void send
          .run((key) =>
            hub.post<ComplaintView>(
              '/api/complaints',
              {
                channel,
                channelRef: orNull(values.channelRef),
                name: values.name,
                occupation: orNull(values.occupation),
                address: orNull(values.address),
                contact: orNull(values.contact),
                agencyId: agencyId || null,
                ticket: orNull(values.ticket),
                text: values.text,
                category,
              },
              key,
            ),
          )
          .then((view) => {
            if (!view) return;
            setValues(EMPTY);
            onEntered(view);
          });
      }}
    >
      <h2>{t('entryTitle')}</h2>
      <div class="complaints-grid">
        <label>
          {t('channel')}
          <select
            name="channel"
            value={channel}
            onChange={(e) => {
              setChannel(e.currentTarget.value as ComplaintChannel);
            }}
          >
            {STAFF_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {pick(CHANNEL_LABELS[c], lang)}
              </option>
            ))}
          </select>
        </label>
        {text('channelRef', channel === 'sp4n_lapor' ? 'refLapor' : 'refOther', channel === 'sp4n_lapor')}
        {text('name', 'name', true)}
        {text('occupation', 'occupation')}
        {text('address', 'address')}
        {text('contact', 'contact')}
        <label>
          {t('agency')}
          <select
            name="agencyId"
            value={agencyId}
            onChange={(e) => {
              setAgencyId(e.currentTarget.value);
            }}
          >
            <option value="">{t('hall')}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {pick(a.name, lang)}
              </option>
            ))}
          </select>
        </label>
        {text('ticket', 'ticketOptional')}
        <CategorySelect value={category} onChange={setCategory} rules={rules} lang={lang} t={t} />
      </div>
      <label>
        {t('text')}
        <textarea
          name="text"
          rows={5}
          required
          maxLength={4000}
          value={values.text}
          onInput={(e) => {
            setValues({ ...values, text: e.currentTarget.value });
          }}
        />
      </label>
      {send.error && <p class="complaints-error">{send.error}</p>}
      <button type="submit" class="mod-btn mod-btn-primary" disabled={send.busy}>
        {t('enter')}
      </button>
    </form>
  );
}
