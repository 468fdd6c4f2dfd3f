import { formatClock, formatDate, pick, type HubClient, type Lang, type translator } from '@giliran/ui';
import { useEffect, useState } from 'preact/hooks';
import { ComplaintActions } from './complaint-actions.tsx';
import { DeadlineCell } from './deadline-cell.tsx';
import { CATEGORY_LABELS, CHANNEL_LABELS, STATUS_LABELS, type ComplaintText } from './texts.ts';
import type {
  ComplaintCategoryRule,
  ComplaintHistoryEntry,
  ComplaintSummary,
  ComplaintView,
} from './wire.ts';

type T = ReturnType<typeof translator<ComplaintText>>;

interface Props {
  readonly hub: HubClient;
  /** The row from the register: a new one after each change, which reloads the history here. */
  readonly summary: ComplaintSummary;
  readonly canHandle: boolean;
  readonly rules: readonly ComplaintCategoryRule[];
  readonly hubNow: number;
  readonly timeZone: string;
  readonly lang: Lang;
  readonly t: T;
}

/** One complaint as the register has it: who, what, where it stands, its history, and what MOD can do next. */
export function ComplaintDetail({ hub, summary, canHandle, rules, hubNow, timeZone, lang, t }: Props) {
  const [view, setView] = useState<ComplaintView | null>(null);
  useEffect(() => {
    let current = true;
    hub.get<ComplaintView>(`/api/complaints/${encodeURIComponent(summary.id)}`).then(
      (v) => {
        if (current) setView(v);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [hub, summary]);

  const c = view?.id === summary.id ? view : null;
  // The fresher of the two: the detail right after an action here, the register's row otherwise.
  const shown: ComplaintSummary = c ?? summary;
  const when = (at: string) => `${formatDate(at, timeZone, lang)} ${formatClock(at, timeZone, lang)}`;
  const who = (by: string) => (by === 'system' ? t('system') : by === 'public' ? t('publicForm') : by);
  const field = (label: ComplaintText, value: string | null) =>
    value ? (
      <>
        <dt>{t(label)}</dt>
        <dd>{value}</dd>
      </>
    ) : null;
  const ticket = shown.ticket;
  return (
    <section class="complaints-detail" data-testid="complaint-detail" data-status={shown.status}>
      <header class="complaints-detail-head">
        <h2>
          {shown.registerNo} · {shown.name}
        </h2>
        <span class={`complaints-status complaints-status-${shown.status}`}>
          {pick(STATUS_LABELS[shown.status], lang)}
        </span>
      </header>
      <DeadlineCell complaint={shown} hubNow={hubNow} timeZone={timeZone} lang={lang} t={t} />
      <dl class="complaints-fields">
        {field('code', `${shown.code.slice(0, 5)}-${shown.code.slice(5)}`)}
        {field('channel', pick(CHANNEL_LABELS[shown.channel], lang))}
        {field('channelRef', shown.channelRef)}
        {field('category', pick(CATEGORY_LABELS[shown.category], lang))}
        {field('agency', shown.agencyName ? pick(shown.agencyName, lang) : t('hall'))}
        {field('ticket', ticket ? (ticket.number ?? t('ticketUnknown', { ref: ticket.ref })) : null)}
        {field('occupation', shown.occupation)}
        {field('address', shown.address)}
        {field('contact', shown.contact)}
      </dl>
      <p class="complaints-muted">
        {t('received', { time: when(shown.receivedAt), by: who(shown.receivedBy) })}
      </p>
      <blockquote class="complaints-text">{shown.text}</blockquote>
      {shown.answer !== null && shown.answeredAt !== null && (
        <div class="complaints-answer">
          <h3>{t('answer')}</h3>
          <p>{shown.answer}</p>
          <p class="complaints-muted">
            {t('answeredBy', {
              time: when(shown.answeredAt),
              by: shown.answeredBy ?? '',
              channel: pick(CHANNEL_LABELS[shown.answerChannel ?? shown.channel], lang),
            })}
          </p>
        </div>
      )}
      {shown.lateCompensationId !== null && (
        <p class="complaints-late-note" data-testid="complaint-compensated">
          {t('compensation')}
        </p>
      )}
      {c && canHandle && (
        <ComplaintActions
          key={`${c.id}-${c.status}`}
          hub={hub}
          complaint={c}
          rules={rules}
          onDone={setView}
          lang={lang}
          t={t}
        />
      )}
      {!canHandle && <p class="complaints-muted">{t('readOnly')}</p>}
      {c && (
        <div class="complaints-history">
          <h3>{t('history')}</h3>
          <ol>
            {c.history.map((h, i) => (
              <li key={i} class={h.kind === 'late' ? 'complaints-history-late' : ''}>
                <span class="complaints-history-when">{when(h.at)}</span>
                <span>
                  {historyText(h, lang, t)} · {who(h.by)}
                </span>
                {h.note && <span class="complaints-muted">{h.note}</span>}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

function historyText(h: ComplaintHistoryEntry, lang: Lang, t: T): string {
  switch (h.kind) {
    case 'received':
      return t('historyReceived');
    case 'status':
      return t('historyStatus', { status: pick(STATUS_LABELS[h.status], lang) });
    case 'category':
      return t('historyCategory', { category: h.category ? pick(CATEGORY_LABELS[h.category], lang) : '' });
    case 'late':
      return t('historyLate');
  }
}
