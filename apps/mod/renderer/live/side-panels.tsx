import { formatClock, formatDuration, pick, translator, type Lang } from '@giliran/ui';
import type { CounterView, PresentOfficer, ServiceView, TimingView } from '../wire.ts';
import { elapsedNow, type LiveAlert } from './alerts.ts';
import type { LIVE_TEXTS, LiveText } from './texts.ts';

type T = ReturnType<typeof translator<keyof typeof LIVE_TEXTS>>;

interface CountersProps {
  readonly counters: readonly CounterView[];
  readonly presence: readonly PresentOfficer[];
  readonly numbers: ReadonlyMap<string, string>;
  readonly timeZone: string;
  readonly lang: Lang;
  readonly t: T;
}

/** Each counter: serving whom, idle or paused (why and since when), and who sits there. */
export function CountersPanel({ counters, presence, numbers, timeZone, lang, t }: CountersProps) {
  return (
    <section class="live-panel">
      <h2>{t('counters')}</h2>
      <ul class="live-counters" data-testid="counters">
        {counters.map((c) => {
          const officer = presence.find((p) => p.counterId === c.id);
          const state = c.pausedReason ? 'paused' : c.activeTicketId ? 'serving' : 'idle';
          const status =
            c.pausedReason && c.pausedSince
              ? t('counterPaused', {
                  reason: t(`reason_${c.pausedReason}` as LiveText),
                  time: formatClock(c.pausedSince, timeZone, lang),
                })
              : c.activeTicketId
                ? t('counterServing', { number: numbers.get(c.activeTicketId) ?? '…' })
                : t('counterIdle');
          return (
            <li
              key={c.id}
              class={`live-counter live-counter-${state}`}
              data-counter={c.id}
              data-state={state}
            >
              <span class="live-counter-name">{c.name}</span>
              <span class="live-counter-status">{status}</span>
              <span class="live-counter-officer">{officer ? officer.name : t('noOfficer')}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

interface WaitingProps {
  readonly services: readonly ServiceView[];
  readonly timings: readonly TimingView[];
  readonly hubNow: number;
  readonly lang: Lang;
  readonly t: T;
}

/** Waiting per service with its longest current wait, longest first. */
export function WaitingPanel({ services, timings, hubNow, lang, t }: WaitingProps) {
  const longest = new Map<string, number>();
  for (const x of timings)
    if (x.phase === 'waiting')
      longest.set(x.serviceId, Math.max(longest.get(x.serviceId) ?? 0, elapsedNow(x, hubNow)));
  const rows = services
    .filter((s) => s.waiting > 0)
    .sort((a, b) => (longest.get(b.id) ?? 0) - (longest.get(a.id) ?? 0));
  return (
    <section class="live-panel">
      <h2>{t('waiting')}</h2>
      <ul class="live-waiting" data-testid="waiting">
        {rows.map((s) => (
          <li key={s.id} data-service={s.id}>
            <span class="live-waiting-name">
              <b>{s.prefix}</b> {pick(s.name, lang)}
            </span>
            <span>{t('waitingCount', { count: s.waiting })}</span>
            <span class="live-num">{t('longest', { time: formatDuration(longest.get(s.id) ?? 0) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface AlertsProps {
  readonly alerts: readonly LiveAlert[];
  readonly counterName: (id: string | null) => string;
  readonly timeZone: string;
  readonly lang: Lang;
  readonly t: T;
}

function alertText(a: LiveAlert, counterName: (id: string | null) => string, t: T, lang: Lang): string {
  switch (a.kind) {
    case 'step-late':
      return t('alertStepLate', {
        number: a.number ?? '',
        step: a.step ?? '',
        counter: counterName(a.counterId),
      });
    case 'soon-late':
      return t('alertSoonLate', { number: a.number ?? '', minutes: a.minutesLeft ?? '' });
    case 'compensation':
      return t('alertCompensation', { kind: t(`kind_${a.text ?? ''}` as LiveText), number: a.number ?? '' });
    case 'print-failed':
      return t('alertPrintFailed', { number: a.number ?? '', reason: a.text ?? '' });
    case 'warning':
      return (lang === 'en' ? a.textEn : a.text) ?? '';
    case 'hub':
      return a.text ?? '';
  }
}

/** Alerts as they happen, newest first. */
export function AlertsPanel({ alerts, counterName, timeZone, lang, t }: AlertsProps) {
  return (
    <section class="live-panel live-alerts-panel">
      <h2>{t('alerts')}</h2>
      {alerts.length === 0 && <p class="live-muted">{t('noAlerts')}</p>}
      <ul class="live-alerts" data-testid="alerts" aria-live="polite">
        {alerts.map((a) => (
          <li key={a.key} class={`live-alert live-alert-${a.kind}`} data-kind={a.kind}>
            <span class="live-alert-time">{formatClock(a.at, timeZone, lang)}</span>
            <span>{alertText(a, counterName, t, lang)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
