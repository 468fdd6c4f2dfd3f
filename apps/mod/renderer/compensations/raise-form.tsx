import { translator, type HubClient } from '@giliran/ui';
import { useState } from 'preact/hooks';
import type { CounterView } from '../wire.ts';
import type { Run } from './compensations-tab.tsx';
import type { COMPENSATION_TEXTS } from './texts.ts';

type T = ReturnType<typeof translator<keyof typeof COMPENSATION_TEXTS>>;

/** The kinds of SK 108/2024 that a person, not the clock, decides. */
const MANUAL_KINDS = [
  'fee_mismatch',
  'officer_incompetent',
  'sop_not_followed',
  'complaint_late',
  'wrong_product',
] as const;

interface Props {
  readonly hub: HubClient;
  readonly run: Run;
  readonly numbers: ReadonlyMap<string, string>;
  readonly counters: readonly CounterView[];
  readonly t: T;
}

export function RaiseForm({ hub, run, numbers, counters, t }: Props) {
  const [kind, setKind] = useState<(typeof MANUAL_KINDS)[number]>('fee_mismatch');
  const [number, setNumber] = useState('');
  const [counterId, setCounterId] = useState('');
  const [note, setNote] = useState('');
  const [unknown, setUnknown] = useState(false);
  return (
    <form
      class="comp-raise"
      data-testid="raise-form"
      onSubmit={(event) => {
        event.preventDefault();
        const wanted = number.trim().toUpperCase();
        const ticketId = wanted ? [...numbers].find(([, n]) => n === wanted)?.[0] : undefined;
        if (wanted && !ticketId) {
          setUnknown(true);
          return;
        }
        void run((key) =>
          hub.command('compensation:raise', {
            kind,
            ticketId: ticketId ?? null,
            counterId: counterId || null,
            note: note.trim() || null,
            idempotencyKey: key,
          }),
        ).then((ok) => {
          if (ok) {
            setNumber('');
            setNote('');
          }
        });
      }}
    >
      <h2>{t('raiseTitle')}</h2>
      <label>
        {t('kind')}
        <select
          name="kind"
          value={kind}
          onChange={(e) => {
            setKind(e.currentTarget.value as (typeof MANUAL_KINDS)[number]);
          }}
        >
          {MANUAL_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind_${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('ticketNumber')}
        <input
          name="number"
          value={number}
          onInput={(e) => {
            setNumber(e.currentTarget.value);
            setUnknown(false);
          }}
        />
      </label>
      {unknown && <p class="comp-error">{t('unknownNumber')}</p>}
      <label>
        {t('counter')}
        <select
          name="counter"
          value={counterId}
          onChange={(e) => {
            setCounterId(e.currentTarget.value);
          }}
        >
          <option value="">{t('noCounter')}</option>
          {counters.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('note')}
        <textarea
          name="note"
          rows={3}
          value={note}
          onInput={(e) => {
            setNote(e.currentTarget.value);
          }}
        />
      </label>
      <button type="submit" class="mod-btn mod-btn-primary">
        {t('raise')}
      </button>
    </form>
  );
}
