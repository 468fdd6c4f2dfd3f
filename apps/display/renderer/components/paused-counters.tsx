import type { DisplayText, Translate } from '../texts.ts';
import type { CounterView } from '../wire.ts';

const KNOWN_REASONS = new Set(['istirahat', 'sholat', 'sholat_jumat', 'urusan_dinas']);

interface Props {
  readonly counters: readonly CounterView[];
  /** The site lets the TV say why (display.showPauseReason); a reason typed by hand is never shown. */
  readonly showReason: boolean;
  readonly t: Translate;
}

/** Counters the waiting room should not expect a call from for now, and why when the site allows. */
export function PausedCounters({ counters, showReason, t }: Props) {
  const paused = counters.filter((c) => c.pausedReason !== null);
  if (paused.length === 0) return null;
  return (
    <section class="paused-counters" data-testid="paused-counters">
      <h2 class="paused-title">{t('pausedTitle')}</h2>
      <ul class="paused-list">
        {paused.map((c) => {
          const reason = c.pausedReason ?? '';
          const label =
            showReason && KNOWN_REASONS.has(reason) ? t(`reason_${reason}` as DisplayText) : t('paused');
          return (
            <li key={c.id} class="paused-item" data-counter={c.id}>
              <span class="paused-name">{c.name}</span>
              <span class="paused-reason">{label}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
