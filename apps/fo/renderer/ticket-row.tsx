import { formatClock, type Lang } from '@giliran/ui';
import type { FoText } from './texts.ts';
import type { TicketView } from './wire.ts';

export interface RowContext {
  readonly serviceName: (id: string) => string;
  readonly counterName: (id: string | null) => string;
  readonly timeZone: string;
  readonly lang: Lang;
  readonly t: (key: FoText, vars?: Record<string, string | number>) => string;
  readonly onReprint: (ticket: TicketView) => void;
  readonly onCancel: (ticket: TicketView) => void;
  readonly onReactivate: (ticket: TicketView) => void;
}

const OPEN = new Set(['waiting', 'called', 'serving', 'no_show']);

/** One ticket with what the desk may do to it: reprint while it is open, cancel while it waits, put a no-show back. */
export function TicketRow({ ticket, ctx }: { readonly ticket: TicketView; readonly ctx: RowContext }) {
  const { t } = ctx;
  return (
    <li
      class={`fo-ticket fo-ticket-${ticket.status}`}
      data-ticket={ticket.number}
      data-booked={ticket.booked === true ? 'true' : undefined}
    >
      <span class="fo-number">{ticket.number}</span>
      <span class="fo-ticket-main">
        <span class="fo-ticket-service">
          {ticket.booked === true && (
            <span class="fo-booked" title={t('booked')}>
              {t('bookedShort')}
            </span>
          )}
          {ctx.serviceName(ticket.serviceId)}
        </span>
        <span class="fo-ticket-meta">
          {t(`status_${ticket.status}`)}
          {ticket.counterId && ` ${t('atCounter', { counter: ctx.counterName(ticket.counterId) })}`}
          {' · '}
          {t('issuedAt', { time: formatClock(ticket.issuedAt, ctx.timeZone, ctx.lang) })}
          {' · '}
          <span class={`fo-print fo-print-${ticket.printStatus}`}>{t(`print_${ticket.printStatus}`)}</span>
        </span>
      </span>
      <span class="fo-ticket-actions">
        {OPEN.has(ticket.status) && (
          <button
            type="button"
            class="fo-btn"
            data-action="reprint"
            onClick={() => {
              ctx.onReprint(ticket);
            }}
          >
            {t('reprint')}
          </button>
        )}
        {ticket.status === 'no_show' && (
          <button
            type="button"
            class="fo-btn"
            data-action="reactivate"
            onClick={() => {
              ctx.onReactivate(ticket);
            }}
          >
            {t('reactivate')}
          </button>
        )}
        {(ticket.status === 'waiting' || ticket.status === 'no_show') && (
          <button
            type="button"
            class="fo-btn fo-btn-danger"
            data-action="cancel"
            onClick={() => {
              ctx.onCancel(ticket);
            }}
          >
            {t('cancel')}
          </button>
        )}
      </span>
    </li>
  );
}
