import { COMPLAINT_CHANNELS, COMPLAINT_TRANSITIONS, awaitsAnswer } from '@giliran/domain';
import { pick, type HubClient, type Lang, type translator } from '@giliran/ui';
import { useState } from 'preact/hooks';
import { CategorySelect, TextField } from './form-fields.tsx';
import { CHANNEL_LABELS, STATUS_LABELS, type ComplaintText } from './texts.ts';
import { useSend } from './use-send.ts';
import type {
  ComplaintCategory,
  ComplaintCategoryRule,
  ComplaintChannel,
  ComplaintStatus,
  ComplaintView,
} from './wire.ts';

type T = ReturnType<typeof translator<ComplaintText>>;

interface Props {
  readonly hub: HubClient;
  readonly complaint: ComplaintView;
  readonly rules: readonly ComplaintCategoryRule[];
  readonly onDone: (view: ComplaintView) => void;
  readonly lang: Lang;
  readonly t: T;
}

function post(hub: HubClient, complaint: ComplaintView, path: string, body: unknown, key: string) {
  return hub.post<ComplaintView>(`/api/complaints/${encodeURIComponent(complaint.id)}/${path}`, body, key);
}

/** What MOD may do next with this complaint: the next status with a note, the answer, the category. */
export function ComplaintActions(props: Props) {
  const { complaint } = props;
  // Answering has its own form (text and channel); the other steps only need a note.
  const steps = COMPLAINT_TRANSITIONS[complaint.status].filter((s) => s !== 'answered');
  const answerable = COMPLAINT_TRANSITIONS[complaint.status].includes('answered');
  return (
    <div class="complaints-actions">
      {steps.length > 0 && <StatusForm {...props} steps={steps} />}
      {answerable && <AnswerForm {...props} />}
      {awaitsAnswer(complaint.status) && <CategoryForm {...props} />}
    </div>
  );
}

function StatusForm({
  hub,
  complaint,
  onDone,
  lang,
  t,
  steps,
}: Props & { steps: readonly ComplaintStatus[] }) {
  const [to, setTo] = useState<ComplaintStatus>(steps[0] ?? 'verified');
  const [note, setNote] = useState('');
  const send = useSend(lang, t('offline'));
  const next = steps.includes(to) ? to : (steps[0] ?? to);
  return (
    <form
      class="complaints-form"
      data-testid="status-form"
      onSubmit={(event) => {
        event.preventDefault();
        void send
          .run((key) => post(hub, complaint, 'status', { to: next, note: note.trim() || null }, key))
          .then((view) => {
            if (!view) return;
            setNote('');
            onDone(view);
          });
      }}
    >
      <h3>{t('nextStep')}</h3>
      <div class="complaints-choices">
        {steps.map((s) => (
          <label key={s} class="complaints-choice">
            <input
              type="radio"
              name="to"
              value={s}
              checked={next === s}
              onChange={() => {
                setTo(s);
              }}
            />
            {pick(STATUS_LABELS[s], lang)}
          </label>
        ))}
      </div>
      <label>
        {complaint.status === 'received' ? t('reasonNote') : t('note')}
        <textarea
          name="note"
          rows={2}
          value={note}
          onInput={(e) => {
            setNote(e.currentTarget.value);
          }}
        />
      </label>
      {send.error && <p class="complaints-error">{send.error}</p>}
      <button type="submit" class="mod-btn mod-btn-primary" disabled={send.busy}>
        {t('apply')}
      </button>
    </form>
  );
}

function AnswerForm({ hub, complaint, onDone, lang, t }: Props) {
  const [answer, setAnswer] = useState('');
  // The answer goes back through the channel the complaint came by, unless MOD picks another.
  const [channel, setChannel] = useState<ComplaintChannel>(complaint.channel);
  const [note, setNote] = useState('');
  const send = useSend(lang, t('offline'));
  return (
    <form
      class="complaints-form"
      data-testid="answer-form"
      onSubmit={(event) => {
        event.preventDefault();
        void send
          .run((key) =>
            post(
              hub,
              complaint,
              'status',
              { to: 'answered', answer: answer.trim(), answerChannel: channel, note: note.trim() || null },
              key,
            ),
          )
          .then((view) => {
            if (view) onDone(view);
          });
      }}
    >
      <h3>{t('answerTitle')}</h3>
      <label>
        {t('answer')}
        <textarea
          name="answer"
          rows={4}
          required
          maxLength={4000}
          value={answer}
          onInput={(e) => {
            setAnswer(e.currentTarget.value);
          }}
        />
      </label>
      <label>
        {t('answerChannel')}
        <select
          name="answerChannel"
          value={channel}
          onChange={(e) => {
            setChannel(e.currentTarget.value as ComplaintChannel);
          }}
        >
          {COMPLAINT_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {pick(CHANNEL_LABELS[c], lang)}
            </option>
          ))}
        </select>
      </label>
      <TextField name="note" label={t('note')} value={note} onInput={setNote} />
      {send.error && <p class="complaints-error">{send.error}</p>}
      <button type="submit" class="mod-btn mod-btn-primary" disabled={send.busy}>
        {t('sendAnswer')}
      </button>
    </form>
  );
}

function CategoryForm({ hub, complaint, rules, onDone, lang, t }: Props) {
  const [category, setCategory] = useState<ComplaintCategory>(complaint.category);
  const [note, setNote] = useState('');
  const send = useSend(lang, t('offline'));
  return (
    <form
      class="complaints-form"
      data-testid="category-form"
      onSubmit={(event) => {
        event.preventDefault();
        void send
          .run((key) => post(hub, complaint, 'category', { category, note: note.trim() || null }, key))
          .then((view) => {
            if (!view) return;
            setNote('');
            onDone(view);
          });
      }}
    >
      <h3>{t('categoryTitle')}</h3>
      <CategorySelect value={category} onChange={setCategory} rules={rules} lang={lang} t={t} />
      <TextField name="note" label={t('note')} value={note} onInput={setNote} />
      {send.error && <p class="complaints-error">{send.error}</p>}
      <button type="submit" class="mod-btn" disabled={send.busy || category === complaint.category}>
        {t('changeCategory')}
      </button>
    </form>
  );
}
