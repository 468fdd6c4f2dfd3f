import type { CallEntry } from '../display-state.ts';
import type { Translate } from '../texts.ts';

interface Props {
  readonly calls: readonly CallEntry[];
  readonly counterName: (counterId: string) => string;
  readonly t: Translate;
}

export function RecentCalls({ calls, counterName, t }: Props) {
  return (
    <section class="panel recent-calls" data-testid="recent-calls">
      <h2 class="panel-title">{t('previousCalls')}</h2>
      {calls.length === 0 ? (
        <p class="panel-empty">{t('noPreviousCalls')}</p>
      ) : (
        <ol class="recent-list">
          {calls.map((call) => (
            <li
              key={call.key}
              class={`recent-item recent-${call.outcome}`}
              data-call={call.number}
              data-counter={call.counterId}
              data-outcome={call.outcome}
              data-booked={call.booked === true ? 'true' : undefined}
            >
              <span class="recent-number">{call.number}</span>
              <span class="recent-counter">{counterName(call.counterId)}</span>
              <span class="recent-outcome">
                {call.booked === true && <span class="recent-booked">{t('bookedShort')}</span>}
                {t(`outcome_${call.outcome}`)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
