import type { KioskText } from '../texts.ts';
import type { IssuedTicket } from '../wire.ts';

type T = (key: KioskText, vars?: Record<string, string | number>) => string;

export function Issuing({ t }: { t: T }) {
  return (
    <section class="screen centered" aria-busy="true">
      <div class="spinner" aria-hidden="true" />
      <p class="status-title">{t('printing')}</p>
    </section>
  );
}

function TicketSummary({ ticket, serviceName, t }: { ticket: IssuedTicket; serviceName: string; t: T }) {
  // No estimate means no counter is open for the service now: never "soon" then.
  const waitText =
    ticket.estimatedWaitMinutes === null
      ? t('estimateNone')
      : ticket.ahead === 0
        ? t('soon')
        : t('estimate', { m: ticket.estimatedWaitMinutes });
  return (
    <>
      {ticket.priority !== null && <p class="priority-mark">{t('priorityMark')}</p>}
      <p class="ticket-number" data-testid="ticket-number">
        {ticket.number}
      </p>
      <p class="ticket-service">{serviceName}</p>
      <p class="ticket-ahead">{ticket.ahead === 0 ? t('noneAhead') : t('ahead', { n: ticket.ahead })}</p>
      <p class="ticket-estimate">{waitText}</p>
    </>
  );
}

export function Done({ ticket, serviceName, t }: { ticket: IssuedTicket; serviceName: string; t: T }) {
  return (
    <section class="screen centered done" data-screen="done">
      <p class="status-title">{t('takeTicket')}</p>
      <TicketSummary ticket={ticket} serviceName={serviceName} t={t} />
      <p class="hint">{t('scanStatus')}</p>
    </section>
  );
}

export function PrintFailed({ ticket, serviceName, t }: { ticket: IssuedTicket; serviceName: string; t: T }) {
  return (
    <section class="screen centered warning" data-screen="print-failed" role="alert">
      <p class="status-title">{t('printFailedTitle')}</p>
      <TicketSummary ticket={ticket} serviceName={serviceName} t={t} />
      <p class="status-body">{t('printFailedBody')}</p>
    </section>
  );
}

export function Message({
  title,
  body,
  tone,
  screen,
}: {
  title: string;
  body: string;
  tone: 'warning' | 'offline';
  screen: string;
}) {
  return (
    <section class={`screen centered ${tone}`} data-screen={screen} role="alert">
      <p class="status-title">{title}</p>
      <p class="status-body">{body}</p>
    </section>
  );
}
