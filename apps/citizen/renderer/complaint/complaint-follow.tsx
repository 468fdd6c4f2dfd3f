import { formatClock, formatDate, pick, type Lang, type translator } from '@giliran/ui';
import { useEffect, useState } from 'preact/hooks';
import { DeadlineLine } from './deadline-line.tsx';
import {
  followComplaint,
  groupedCode,
  type ComplaintStatus,
  type PublicComplaintStatus,
} from './public-api.ts';
import { CATEGORY_LABELS, CHANNEL_LABELS, STATUS_LABELS, type Key } from './texts.ts';

type T = ReturnType<typeof translator<Key>>;

const STEPS: readonly ComplaintStatus[] = ['received', 'verified', 'in_follow_up', 'answered', 'closed'];
/** A filing MOD marked as no complaint: received, then refused, and nothing further. */
const SPAM_STEPS: readonly ComplaintStatus[] = ['received', 'spam'];
// A phone left on the page sees the answer arrive; a minute is plenty for an answer counted in hours or days.
const REFRESH_MS = 60_000;

interface Props {
  readonly code: string;
  readonly lang: Lang;
  readonly t: T;
}

/** Where one complaint stands: its steps with their dates, its deadline and, once given, the answer. */
export function ComplaintFollow({ code, lang, t }: Props) {
  const [status, setStatus] = useState<PublicComplaintStatus | null>(null);
  const [missing, setMissing] = useState(false);
  const [offline, setOffline] = useState(false);

  // Bumped by the refresh button: the effect below loads again.
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    const load = () => {
      void followComplaint(code).then((answer) => {
        if (answer.ok) {
          setStatus(answer.data);
          setOffline(false);
        } else if (answer.status === 404) setMissing(true);
        else setOffline(true);
      });
    };
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      clearInterval(timer);
    };
  }, [code, asked]);

  if (missing) {
    return (
      <main class="pgd-body">
        <section class="pgd-card">
          <p class="pgd-error">{t('notFound')}</p>
          <a class="pgd-button" href={`/pengaduan${lang === 'en' ? '?lang=en' : ''}`}>
            {t('newComplaint')}
          </a>
        </section>
      </main>
    );
  }
  if (!status) return <main class="pgd-body">{offline ? <p class="pgd-error">{t('offline')}</p> : '…'}</main>;

  const zone = status.timeZone;
  const when = (at: string) => `${formatDate(at, zone, lang)}, ${formatClock(at, zone, lang)}`;
  const reached = (step: ComplaintStatus) =>
    status.history.filter((h) => h.status === step).at(-1)?.at ?? null;
  return (
    <main class="pgd-body">
      <p class="pgd-site">{status.siteName}</p>
      <section class="pgd-card" data-testid="complaint-status" data-status={status.status}>
        <h1>{t('statusTitle')}</h1>
        <p class="pgd-code">{groupedCode(status.code)}</p>
        <p class="pgd-muted">
          {t('registerNo', { no: status.registerNo })} ·{' '}
          {t('category', { category: pick(CATEGORY_LABELS[status.category], lang) })}
        </p>
        <p class="pgd-muted">
          {t('agencyConcerned', {
            agency: status.agencyName ? pick(status.agencyName, lang) : t('hallItself'),
          })}
        </p>
        <DeadlineLine status={status} lang={lang} t={t} />
        <ol class="pgd-steps">
          {(status.status === 'spam' ? SPAM_STEPS : STEPS).map((step) => {
            const at = reached(step);
            return (
              <li key={step} class={at ? 'pgd-step-done' : ''} data-step={step}>
                <strong>{pick(STATUS_LABELS[step], lang)}</strong>
                <span>{at ? when(at) : '—'}</span>
              </li>
            );
          })}
        </ol>
      </section>
      <section class="pgd-card pgd-answer" data-testid="complaint-answer">
        <h2>{t('answer')}</h2>
        {status.answer !== null && status.answeredAt !== null ? (
          <>
            <p class="pgd-answer-text">{status.answer}</p>
            <p class="pgd-muted">
              {t('answeredAt', {
                date: formatDate(status.answeredAt, zone, lang),
                time: formatClock(status.answeredAt, zone, lang),
                channel: pick(CHANNEL_LABELS[status.answerChannel ?? 'website'], lang),
              })}
            </p>
          </>
        ) : (
          <p class="pgd-muted">{t(status.status === 'spam' ? 'spamNoAnswer' : 'noAnswerYet')}</p>
        )}
        <button
          type="button"
          class="pgd-button pgd-button-ghost pgd-button-small"
          onClick={() => {
            setAsked(asked + 1);
          }}
        >
          {t('refresh')}
        </button>
      </section>
    </main>
  );
}
