import type { ReportChainStage } from '@giliran/domain';
import type { ReportChainSignResult, ReportChainStepView, ReportChainView } from '@giliran/protocol';
import { formatClock, type HubClient, type Lang } from '@giliran/ui';
import { formatDuration, stepTiming } from './chain-model.ts';
import { SignedBy, TimingBadge } from './chain-parts.tsx';
import { GeraiChecklist } from './gerai-checklist.tsx';
import { SignForm } from './sign-form.tsx';
import type { ChainText } from './texts.ts';

type T = (key: ChainText, vars?: Readonly<Record<string, string | number>>) => string;

export interface StepContext {
  readonly hub: HubClient;
  readonly view: ReportChainView;
  readonly hubNow: string;
  readonly mine: readonly ReportChainStage[];
  readonly timeZone: string;
  readonly lang: Lang;
  readonly t: T;
  readonly onSigned: (result: ReportChainSignResult) => void;
}

const TITLE = { 9: 'step9', 10: 'step10', 11: 'step11', 12: 'step12', 13: 'step13' } as const;

/** One step of the vertical timeline: its state, who and when, elapsed against standard, and its sign button. */
export function ChainStep({ step, ctx }: { step: ReportChainStepView; ctx: StepContext }) {
  const { view, t, lang, timeZone } = ctx;
  const timing = stepTiming(step, ctx.hubNow);
  // Step 9 has no clock of its own: it is late when any gerai was.
  const late = timing?.late ?? step.late === true;
  const record = step.record;
  const names = new Map(view.gerai.map((g) => [g.agencyId, g.shortName]));
  const mayI = ctx.mine.includes(step.step);
  return (
    <li class={`chain-item chain-item-${step.status}`} data-step={step.step} data-status={step.status}>
      <span class={`chain-marker ${late ? 'chain-marker-late' : ''}`} aria-hidden="true">
        {step.status === 'signed' ? '✓' : step.step}
      </span>
      <div class="chain-card">
        <header class="chain-card-head">
          <h3>
            <span class="chain-step-no">{t('step', { step: step.step })}</span>
            {t(TITLE[step.step])}
          </h3>
          <span class={`chain-status chain-status-${step.status}`}>{t(`status_${step.status}`)}</span>
        </header>
        <div class="chain-meta">
          <span class="chain-muted">
            {t('standard', { time: formatDuration(step.standardSeconds, lang) })}
          </span>
          {record && <SignedBy record={record} timeZone={timeZone} lang={lang} t={t} />}
          {timing && <TimingBadge timing={timing} lang={lang} t={t} />}
          {step.clockStartedAt && (
            <span class="chain-muted">
              {t('clockFrom', { time: formatClock(step.clockStartedAt, timeZone, lang) })}
            </span>
          )}
        </div>
        {record?.missingAgencyIds.length ? (
          <p class="chain-missing-noted">
            {t('missingNoted', { list: record.missingAgencyIds.map((id) => names.get(id) ?? id).join(', ') })}
          </p>
        ) : null}
        {record?.note && <q class="chain-note">{record.note}</q>}
        {record?.report && (
          <div class="chain-report">
            <strong>{t('report')}</strong>
            <p>{record.report}</p>
          </div>
        )}
        {step.step === 9 && (
          <GeraiChecklist
            hub={ctx.hub}
            date={view.date}
            gerai={view.gerai}
            standardSeconds={step.standardSeconds}
            hubNow={ctx.hubNow}
            canSubmit={mayI}
            done={step.status === 'signed'}
            timeZone={timeZone}
            lang={lang}
            t={t}
            onSigned={ctx.onSigned}
          />
        )}
        {mayI && step.step !== 9 && (
          <SignForm
            key={`${view.date}-${String(step.step)}`}
            hub={ctx.hub}
            date={view.date}
            stage={step.step}
            missing={step.step === 10 ? view.gerai.filter((g) => g.status === 'due') : []}
            lang={lang}
            t={t}
            onSigned={ctx.onSigned}
          />
        )}
      </div>
    </li>
  );
}

/** The Kepala Dinas's acknowledgement after step 13: optional and untimed. */
export function ReceiptItem({ ctx }: { ctx: StepContext }) {
  const { view, t, lang, timeZone } = ctx;
  const record = view.receipt;
  const mayI = ctx.mine.includes('receipt');
  const status = record ? 'signed' : view.complete ? 'open' : 'waiting';
  return (
    <li class={`chain-item chain-item-${status} chain-item-receipt`} data-step="receipt" data-status={status}>
      <span class="chain-marker" aria-hidden="true">
        {record ? '✓' : '★'}
      </span>
      <div class="chain-card">
        <header class="chain-card-head">
          <h3>{t('receiptTitle')}</h3>
          <span class="chain-muted">{t('receiptOptional')}</span>
        </header>
        {record && (
          <div class="chain-meta">
            <SignedBy record={record} timeZone={timeZone} lang={lang} t={t} />
          </div>
        )}
        {record?.note && <q class="chain-note">{record.note}</q>}
        {mayI && (
          <SignForm
            key={`${view.date}-receipt`}
            hub={ctx.hub}
            date={view.date}
            stage="receipt"
            lang={lang}
            t={t}
            onSigned={ctx.onSigned}
          />
        )}
      </div>
    </li>
  );
}
