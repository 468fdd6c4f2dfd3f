import { waitText, type Lang } from '@giliran/ui';
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

function TicketSummary({
  ticket,
  serviceName,
  t,
  lang,
}: {
  ticket: IssuedTicket;
  serviceName: string;
  t: T;
  lang: Lang;
}) {
  // The promise logged at issue, as a range when the hub is unsure; "soon" only when no counter is held up.
  const waitLine =
    ticket.ahead === 0 && ticket.estimate.holdUp === null && ticket.estimate.minutes === 0
      ? t('soon')
      : waitText(ticket.estimate, lang);
  return (
    <>
      {ticket.priority !== null && <p class="priority-mark">{t('priorityMark')}</p>}
      {ticket.booked === true && <p class="priority-mark booked-mark">{t('bookedMark')}</p>}
      <p class="ticket-number" data-testid="ticket-number">
        {ticket.number}
      </p>
      <p class="ticket-service">{serviceName}</p>
      <p class="ticket-ahead">{ticket.ahead === 0 ? t('noneAhead') : t('ahead', { n: ticket.ahead })}</p>
      {waitLine !== null && <p class="ticket-estimate">{waitLine}</p>}
    </>
  );
}

export function Done({
  ticket,
  serviceName,
  t,
  lang,
  onWhatsApp,
}: {
  ticket: IssuedTicket;
  serviceName: string;
  t: T;
  lang: Lang;
  /** Offered when the site sends WhatsApp or SMS (issue 18). */
  onWhatsApp?: (() => void) | undefined;
}) {
  return (
    <section class="screen centered done" data-screen="done">
      <p class="status-title">{t('takeTicket')}</p>
      <TicketSummary ticket={ticket} serviceName={serviceName} t={t} lang={lang} />
      <p class="hint">{t('scanStatus')}</p>
      {onWhatsApp && (
        <button class="whatsapp-button" data-action="whatsapp" onClick={onWhatsApp}>
          {t('whatsappOffer')}
        </button>
      )}
    </section>
  );
}

export function PrintFailed({
  ticket,
  serviceName,
  t,
  lang,
}: {
  ticket: IssuedTicket;
  serviceName: string;
  t: T;
  lang: Lang;
}) {
  return (
    <section class="screen centered warning" data-screen="print-failed" role="alert">
      <p class="status-title">{t('printFailedTitle')}</p>
      <TicketSummary ticket={ticket} serviceName={serviceName} t={t} lang={lang} />
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
