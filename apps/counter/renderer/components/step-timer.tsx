import { timingStatus } from '@giliran/domain';
import { formatTimer, secondsSince } from '../format-time.ts';
import type { TicketView } from '../wire.ts';
import type { T } from './types.ts';

interface Props {
  readonly ticket: TicketView;
  readonly hubNow: number;
  readonly warningRatio: number;
  /** The site's name of a step (SiteView.sopSteps), in the page's language. */
  readonly stepName: (step: number) => string;
  /** The service's standard minutes per counter step (ServiceView.stepStandardMinutes). */
  readonly standards: Readonly<Record<string, number>>;
  readonly t: T;
}

const STATUS_TEXT = { ok: 'stepOk', warning: 'stepWarning', late: 'stepLate' } as const;

/** The running SOP step against its standard: green, amber near the standard, red past it. */
/**
 * A step's standard as an officer reads it: "2 mnt", and a standard fitted to a service's own total (which gives
 * quarters of a minute) in minutes and seconds, "1 mnt 15 dtk", never "1.25 mnt".
 */
function standardText(minutes: number | undefined, t: T): string {
  if (minutes === undefined) return t('minutes', { m: '–' });
  const total = Math.round(minutes * 60);
  const m = Math.floor(total / 60);
  const s = total % 60;
  if (s === 0) return t('minutes', { m });
  return m === 0 ? t('stepSeconds', { s }) : t('minutesSeconds', { m, s });
}

export function StepTimer({ ticket, hubNow, warningRatio, stepName, standards, t }: Props) {
  const entry = ticket.timeline.at(-1);
  if (ticket.status !== 'serving' || ticket.currentStep === null || !entry) return null;
  const elapsed = secondsSince(entry.startedAt, hubNow);
  const status = timingStatus(elapsed, entry.standardSeconds, warningRatio);
  const share = Math.min(1, elapsed / Math.max(1, entry.standardSeconds));
  return (
    <section class={`step-timer step-${status}`} data-testid="step-timer" data-status={status}>
      <div class="step-timer-head">
        <span class="step-name" data-testid="step-name">
          {t('step', { step: ticket.currentStep })} · {stepName(ticket.currentStep)}
        </span>
        <span class="step-standard">{t('standard', { time: formatTimer(entry.standardSeconds) })}</span>
      </div>
      <div class="step-clock" data-testid="step-clock">
        {formatTimer(elapsed)}
      </div>
      <div class="step-bar" aria-hidden="true">
        <div class="step-bar-fill" style={{ width: `${share * 100}%` }} />
      </div>
      <div class="step-verdict">{t(STATUS_TEXT[status])}</div>
      <ol class="step-list" data-testid="step-list">
        {[4, 5, 6, 7, 8].map((step) => (
          <li
            key={step}
            class={
              step < (ticket.currentStep ?? 0)
                ? 'step-done'
                : step === ticket.currentStep
                  ? 'step-now'
                  : 'step-todo'
            }
            aria-current={step === ticket.currentStep ? 'step' : undefined}
          >
            <span class="step-number">{step}</span>
            <span class="step-label">{stepName(step)}</span>
            <span class="step-minutes">{standardText(standards[String(step)], t)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
