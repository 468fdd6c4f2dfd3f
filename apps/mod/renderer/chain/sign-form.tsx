import type { ReportChainStage } from '@giliran/domain';
import type { GeraiRecapView, ReportChainSignResult } from '@giliran/protocol';
import { HubRequestError, newIdempotencyKey, pick, type HubClient, type Lang } from '@giliran/ui';
import { useRef, useState } from 'preact/hooks';
import { signPath } from './chain-model.ts';
import type { ChainText } from './texts.ts';

type T = (key: ChainText, vars?: Readonly<Record<string, string | number>>) => string;

interface Props {
  readonly hub: HubClient;
  readonly date: string;
  readonly stage: ReportChainStage;
  /** Step 9: the gerai whose recap this is. */
  readonly agencyId?: string;
  /** Step 10: gerai still owing their recap, which FO/BO must name to go on without them. */
  readonly missing?: readonly GeraiRecapView[];
  readonly lang: Lang;
  readonly t: T;
  readonly onSigned: (result: ReportChainSignResult) => void;
  readonly onCancel?: () => void;
}

const BUTTON: Readonly<Record<ReportChainStage, ChainText>> = {
  9: 'submitRecap',
  10: 'sign10',
  11: 'sign11',
  12: 'sign12',
  13: 'sign13',
  receipt: 'signReceipt',
};

/** One sign-off: the fields its step takes, one press = one request with one idempotency key. */
export function SignForm({ hub, date, stage, agencyId, missing = [], lang, t, onSigned, onCancel }: Props) {
  const [note, setNote] = useState('');
  const [report, setReport] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Kept for the life of the form: a retry after a lost answer replays the first sign-off instead of a second one.
  const key = useRef(newIdempotencyKey());

  const needsReason = stage === 10 && missing.length > 0;
  const ready =
    !sending && (stage !== 11 || report.trim() !== '') && (!needsReason || (confirmed && note.trim() !== ''));

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!ready) return;
    setSending(true);
    setError(null);
    const body = {
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(stage === 9 && agencyId ? { agencyId } : {}),
      ...(stage === 11 ? { report: report.trim() } : {}),
      ...(needsReason ? { missingAgencyIds: missing.map((g) => g.agencyId) } : {}),
    };
    try {
      onSigned(await hub.post<ReportChainSignResult>(signPath(date, stage), body, key.current));
    } catch (e) {
      const message = e instanceof HubRequestError ? e.body?.error.message : undefined;
      setError(message ? pick(message, lang) : t('networkError'));
    } finally {
      setSending(false);
    }
  };

  return (
    <form class="chain-form" data-testid={`chain-form-${String(stage)}`} onSubmit={(e) => void submit(e)}>
      {needsReason && (
        <div class="chain-form-missing">
          <p>{t('missingList', { list: missing.map((g) => g.shortName).join(', ') })}</p>
          <label class="chain-check">
            <input
              type="checkbox"
              checked={confirmed}
              onChange={(e) => {
                setConfirmed(e.currentTarget.checked);
              }}
            />
            {t('confirmMissing')}
          </label>
        </div>
      )}
      {stage === 11 && (
        <label class="chain-field">
          <span>{t('report')}</span>
          <textarea
            rows={6}
            maxLength={8000}
            value={report}
            required
            onInput={(e) => {
              setReport(e.currentTarget.value);
            }}
          />
        </label>
      )}
      <label class="chain-field">
        <span>{needsReason ? t('reason') : t('note')}</span>
        <input
          type="text"
          maxLength={1000}
          value={note}
          onInput={(e) => {
            setNote(e.currentTarget.value);
          }}
        />
      </label>
      {error && (
        <p class="chain-error" role="alert">
          {error}
        </p>
      )}
      <div class="chain-form-actions">
        <button type="submit" class="chain-btn chain-btn-primary" disabled={!ready}>
          {sending ? t('sending') : t(BUTTON[stage])}
        </button>
        {onCancel && (
          <button type="button" class="chain-btn" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
