import { formatClock, formatDate, type Lang, type translator } from '@giliran/ui';
import { shortDate } from './short-date.ts';
import type { ComplaintText } from './texts.ts';
import { deadlineState, formatSpan } from './time-left.ts';
import type { ComplaintSummary } from './wire.ts';

type T = ReturnType<typeof translator<ComplaintText>>;

const SOON_MINUTES = 24 * 60;

interface Props {
  readonly complaint: ComplaintSummary;
  readonly hubNow: number;
  readonly timeZone: string;
  readonly lang: Lang;
  readonly t: T;
  /** The register's narrow column: dates without the weekday. */
  readonly short?: boolean;
}

/** "by the end of Wed 2 December 2026 · 2 d 3 h left", red once overdue. */
export function DeadlineCell({ complaint, hubNow, timeZone, lang, t, short = false }: Props) {
  const state = deadlineState(complaint, hubNow);
  const date = (instant: string | number) =>
    short ? shortDate(instant, timeZone, lang) : formatDate(instant, timeZone, lang);
  // A working-day deadline is the next midnight: name the last day, not the midnight after it.
  const when =
    complaint.deadlineDay !== null
      ? t('endOfDay', { date: date(Date.parse(complaint.deadlineAt) - 1) })
      : t('byTime', {
          date: date(complaint.deadlineAt),
          time: formatClock(complaint.deadlineAt, timeZone, lang),
        });
  let label: string;
  switch (state.kind) {
    case 'left':
      label = t('left', { span: formatSpan(state.minutes, lang) });
      break;
    case 'overdue':
      label = t('overdue', { span: formatSpan(state.minutes, lang) });
      break;
    case 'answered':
      label = t('answeredOnTime');
      break;
    case 'answered_late':
      label = t('answeredLate');
      break;
    case 'closed':
      label = t('closedUnanswered');
      break;
    case 'spam':
      label = t('spamNoDeadline');
      break;
  }
  // Under a day left: amber, so it is seen before it turns red.
  const soon = state.kind === 'left' && state.minutes < SOON_MINUTES ? ' complaints-deadline-soon' : '';
  return (
    <div class={`complaints-deadline complaints-deadline-${state.kind}${soon}`} data-deadline={state.kind}>
      <span class="complaints-deadline-when">{when}</span>
      <strong>{label}</strong>
      {complaint.deadlineProvisional && (
        <span class="complaints-deadline-provisional" data-testid="deadline-provisional">
          {t('provisional')}
        </span>
      )}
    </div>
  );
}
