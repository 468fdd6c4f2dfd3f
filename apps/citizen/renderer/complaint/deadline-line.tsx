import { formatClock, formatDate, type Lang, type translator } from '@giliran/ui';
import type { PublicComplaintStatus } from './public-api.ts';
import type { Key } from './texts.ts';

type T = ReturnType<typeof translator<Key>>;

/**
 * "To be answered by the end of Wednesday 2 December 2026" for a working-day category (the deadline instant is the
 * next midnight, so the day before it is named), or a date and time for a category counted in hours.
 */
export function DeadlineLine({ status, lang, t }: { status: PublicComplaintStatus; lang: Lang; t: T }) {
  const zone = status.timeZone;
  // Refused as no complaint: there is no deadline to show, and none to miss (the answer card says why).
  if (status.status === 'spam') return null;
  if (status.answeredAt !== null) {
    return status.late ? <p class="pgd-late">{t('answeredLate')}</p> : null;
  }
  if (status.late && status.status !== 'closed') {
    return (
      <p class="pgd-late" data-testid="complaint-late">
        {t('late')}
      </p>
    );
  }
  if (status.status === 'closed') return null;
  const line =
    status.deadlineDay !== null
      ? t('deadlineDay', { date: formatDate(Date.parse(status.deadlineAt) - 1, zone, lang) })
      : t('deadlineTime', {
          date: formatDate(status.deadlineAt, zone, lang),
          time: formatClock(status.deadlineAt, zone, lang),
        });
  return (
    <p class="pgd-deadline" data-testid="complaint-deadline">
      {line}
    </p>
  );
}
