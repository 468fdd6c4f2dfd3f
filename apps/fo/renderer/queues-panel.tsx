import { pick, type Lang } from '@giliran/ui';
import type { FoText } from './texts.ts';
import type { CounterView, ServiceView, TicketView } from './wire.ts';

interface Props {
  readonly tickets: readonly TicketView[];
  readonly services: readonly ServiceView[];
  readonly counters: readonly CounterView[];
  readonly lang: Lang;
  readonly t: (key: FoText, vars?: Record<string, string | number>) => string;
}

/** Priority first, then the oldest: the order the counters call in (UU 25/2009 Pasal 29). */
function callOrder(a: TicketView, b: TicketView): number {
  if ((a.priority === null) !== (b.priority === null)) return a.priority === null ? 1 : -1;
  return a.issuedAt < b.issuedAt ? -1 : a.issuedAt > b.issuedAt ? 1 : 0;
}

/** Every service that has someone waiting, with the numbers in call order and whether any counter is open for it. */
export function QueuesPanel({ tickets, services, counters, lang, t }: Props) {
  const waiting = services
    .map((s) => ({
      service: s,
      tickets: tickets.filter((x) => x.serviceId === s.id && x.status === 'waiting').sort(callOrder),
      open: counters.some((c) => c.serviceIds.includes(s.id) && c.pausedReason === null),
    }))
    .filter((q) => q.tickets.length > 0);
  return (
    <section class="fo-card fo-queues" aria-labelledby="fo-queues-title">
      <h2 id="fo-queues-title">{t('queuesTitle')}</h2>
      {waiting.length === 0 && <p class="fo-muted">{t('queuesNone')}</p>}
      <ul>
        {waiting.map((q) => (
          <li key={q.service.id} class="fo-queue" data-service={q.service.id}>
            <span class="fo-queue-name">
              {q.service.prefix} · {pick(q.service.name, lang)}
            </span>
            <span class="fo-queue-count">
              {t('waitingCount', { count: q.tickets.length })}
              {!q.open && <span class="fo-closed"> · {t('closedCounters')}</span>}
            </span>
            <span class="fo-queue-numbers">
              {q.tickets.map((x) => (
                <span key={x.id} class={x.priority ? 'fo-chip fo-chip-priority' : 'fo-chip'}>
                  {x.number}
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
