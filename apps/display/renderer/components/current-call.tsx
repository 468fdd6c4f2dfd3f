import { flashKey, type CallEntry } from '../display-state.ts';
import type { Translate } from '../texts.ts';

interface Props {
  readonly call: CallEntry | undefined;
  readonly counterName: string;
  readonly serviceName: string;
  /** Just arrived live: flash for a few seconds to draw the hall's eyes. */
  readonly highlight: boolean;
  /** Calls were made today, but the latest has ended: say so rather than show an older call again. */
  readonly idle: boolean;
  readonly t: Translate;
}

export function CurrentCall({ call, counterName, serviceName, highlight, idle, t }: Props) {
  if (!call)
    return (
      <section class="current-call empty" data-testid="current-call">
        <p class="current-label">{idle ? t('noCallNow') : t('noCallsYet')}</p>
        <p class="current-hint">{t('noCallsHint')}</p>
      </section>
    );
  return (
    // Keyed by the call, so each new call (or recall) mounts afresh and its flash plays again.
    <section
      key={flashKey(call)}
      class={`current-call${highlight ? ' flash' : ''}`}
      data-testid="current-call"
      aria-live="polite"
    >
      <p class="current-label">{call.shownAt === call.calledAt ? t('nowCalling') : t('recall')}</p>
      <p class="current-number" data-testid="current-number">
        {call.number}
      </p>
      {/* The booked mark beside the service, not under it: the panel has no height to spare on a TV. */}
      <div class="current-service-row">
        <p class="current-service">{serviceName}</p>
        {call.booked === true && (
          <p class="current-booked" data-testid="current-booked">
            {t('booked')}
          </p>
        )}
      </div>
      <div class="current-counter-box">
        <span class="current-goto">{t('goTo')}</span>
        <span class="current-counter" data-testid="current-counter">
          {counterName}
        </span>
      </div>
    </section>
  );
}
