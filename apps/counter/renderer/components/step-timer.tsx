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
            <span class="step-minutes">{t('minutes', { m: standards[String(step)] ?? '–' })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
