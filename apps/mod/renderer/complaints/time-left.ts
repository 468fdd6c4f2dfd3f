import { awaitsAnswer } from '@giliran/domain';
import type { Lang } from '@giliran/ui';
import type { ComplaintSummary } from './wire.ts';

export type DeadlineState =
  | { readonly kind: 'left' | 'overdue'; readonly minutes: number }
  | { readonly kind: 'answered' | 'answered_late' | 'closed' | 'spam' };

/** Where a complaint stands against its deadline on the hub's clock (never the PC's). */
export function deadlineState(
  c: Pick<ComplaintSummary, 'status' | 'deadlineAt' | 'answeredAt'>,
  hubNowMs: number,
): DeadlineState {
  const deadline = Date.parse(c.deadlineAt);
  if (c.answeredAt !== null)
    return { kind: Date.parse(c.answeredAt) >= deadline ? 'answered_late' : 'answered' };
  if (c.status === 'spam') return { kind: 'spam' };
  if (!awaitsAnswer(c.status)) return { kind: 'closed' };
  // Late from the deadline instant on, as the hub counts it.
  if (hubNowMs >= deadline) return { kind: 'overdue', minutes: Math.floor((hubNowMs - deadline) / 60_000) };
  return { kind: 'left', minutes: Math.ceil((deadline - hubNowMs) / 60_000) };
}

const UNITS = {
  id: { day: 'hari', hour: 'jam', minute: 'menit' },
  en: { day: 'd', hour: 'h', minute: 'min' },
} as const;

/** "2 hari 5 jam", "3 jam 20 menit", "45 menit": the two largest units are enough to act on. */
export function formatSpan(totalMinutes: number, lang: Lang): string {
  const units = UNITS[lang];
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return hours > 0 ? `${days} ${units.day} ${hours} ${units.hour}` : `${days} ${units.day}`;
  if (hours > 0)
    return minutes > 0 ? `${hours} ${units.hour} ${minutes} ${units.minute}` : `${hours} ${units.hour}`;
  return `${minutes} ${units.minute}`;
}
