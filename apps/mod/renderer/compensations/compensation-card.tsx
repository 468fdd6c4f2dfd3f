import { GIVEN_CONSEQUENCES } from '@giliran/domain';
import { formatClock, pick, translator, type HubClient, type Lang } from '@giliran/ui';
import { useState } from 'preact/hooks';
import type { CompensationView } from '../wire.ts';
import type { Run } from './compensations-tab.tsx';
import type { COMPENSATION_TEXTS, CompensationText } from './texts.ts';

type T = ReturnType<typeof translator<keyof typeof COMPENSATION_TEXTS>>;

/** What the MOD may record as the officer's consequence when resolving. */
const CONSEQUENCES = GIVEN_CONSEQUENCES;

interface Props {
  readonly record: CompensationView;
  readonly number: string | null;
  readonly counterName: string | null;
  readonly hub: HubClient;
  readonly run: Run;
  readonly timeZone: string;
  readonly lang: Lang;
  readonly t: T;
}

export function CompensationCard({ record, number, counterName, hub, run, timeZone, lang, t }: Props) {
  const [remedy, setRemedy] = useState(pick(record.remedy, 'id'));
  const [consequence, setConsequence] = useState<(typeof CONSEQUENCES)[number]>(
    record.officerConsequence === 'none' ? 'none' : 'teguran_lisan',
  );
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const r = record.resolution;
  return (
    <li class={`comp-card ${r ? 'comp-card-done' : ''}`} data-kind={record.kind} data-id={record.id}>
      <div class="comp-card-head">
        <strong>{t(`kind_${record.kind}` as CompensationText)}</strong>
        {number && (
          <span class="comp-ticket">
            {t('ticket')} {number}
          </span>
        )}
        {counterName && <span class="comp-ticket">{counterName}</span>}
        {record.tier !== null && record.tier > 0 && <span>{t('tier', { tier: record.tier + 1 })}</span>}
      </div>
      <p>
        {t('owed')}: <b>{pick(record.remedy, lang)}</b>
      </p>
      {record.officerConsequence !== 'none' && (
        <p>
          {t('officerRule')}: {t(`consequence_${record.officerConsequence}` as CompensationText)}
        </p>
      )}
      {record.note && <p class="comp-note">{record.note}</p>}
      <p class="comp-muted">
        {t('raisedAt', {
          time: formatClock(record.raisedAt, timeZone, lang),
          by: record.raisedBy === 'system' ? t('bySystem') : record.raisedBy,
        })}
      </p>
      {r ? (
        <p class="comp-resolution">
          {t('resolvedBy', { time: formatClock(r.at, timeZone, lang), by: r.by, remedy: r.remedyGiven })} ·{' '}
          {t(`consequence_${r.officerConsequence}` as CompensationText)}
        </p>
      ) : (
        <form
          class="comp-resolve"
          onSubmit={(event) => {
            event.preventDefault();
            setBusy(true);
            void run((key) =>
              hub.command('compensation:resolve', {
                compensationId: record.id,
                remedyGiven: remedy,
                officerConsequence: consequence,
                note: note.trim() || null,
                idempotencyKey: key,
              }),
            ).finally(() => {
              setBusy(false);
            });
          }}
        >
          <label>
            {t('remedyGiven')}
            <input
              name="remedy"
              value={remedy}
              required
              onInput={(e) => {
                setRemedy(e.currentTarget.value);
              }}
            />
          </label>
          <label>
            {t('consequence')}
            <select
              name="consequence"
              value={consequence}
              onChange={(e) => {
                setConsequence(e.currentTarget.value as (typeof CONSEQUENCES)[number]);
              }}
            >
              {CONSEQUENCES.map((c) => (
                <option key={c} value={c}>
                  {t(`consequence_${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('note')}
            <input
              name="note"
              value={note}
              onInput={(e) => {
                setNote(e.currentTarget.value);
              }}
            />
          </label>
          <button type="submit" class="mod-btn mod-btn-primary" disabled={busy}>
            {t('resolve')}
          </button>
        </form>
      )}
    </li>
  );
}
