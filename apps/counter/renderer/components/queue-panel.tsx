import { pick, type Lang } from '@giliran/ui';
import type { DeskTicket } from '../desk-state.ts';
import { minutesSince } from '../format-time.ts';
import type { ServiceView } from '../wire.ts';
import type { ComponentChildren } from 'preact';
import type { T } from './types.ts';

interface Props {
  readonly waiting: readonly DeskTicket[];
  readonly noShows: readonly DeskTicket[];
  readonly services: readonly ServiceView[];
  readonly hubNow: number;
  readonly canCall: boolean;
  readonly canReactivate: boolean;
  readonly onCall: (ticket: DeskTicket) => void;
  readonly onReactivate: (ticket: DeskTicket) => void;
  readonly lang: Lang;
  readonly t: T;
  readonly children?: ComponentChildren;
}

const SHOWN = 30;

/** The counter's services' queue in call order, each with its wait, and today's no-shows to put back in line. */
export function QueuePanel(props: Props) {
  const { waiting, noShows, services, hubNow, lang, t } = props;
  const serviceName = (id: string) => {
    const s = services.find((x) => x.id === id);
    return s ? pick(s.name, lang) : id;
  };
  return (
    <aside class="queue-panel">
      <h2>{t('waitingList', { count: waiting.length })}</h2>
      {waiting.length === 0 && <p class="muted">{t('nothingWaiting')}</p>}
      <ol class="queue" data-testid="waiting-list">
        {waiting.slice(0, SHOWN).map((ticket) => (
          <li
            key={ticket.id}
            class={ticket.priority ? 'priority' : ''}
            data-number={ticket.number}
            data-booked={ticket.booked ? 'true' : undefined}
          >
            <span class="q-number">{ticket.number}</span>
            <span class="q-service">
              {ticket.priority && <span class="q-star">★ </span>}
              {ticket.booked && (
                <span class="q-booked" title={t('booked')}>
                  {t('bookedShort')}
                </span>
              )}
              {serviceName(ticket.serviceId)}
              {ticket.status === 'transferred' && <span class="q-moved"> · {t('transferred')}</span>}
            </span>
            <span class="q-wait">{t('minutes', { m: minutesSince(ticket.issuedAt, hubNow) })}</span>
            <button
              type="button"
              class="btn btn-small"
              disabled={!props.canCall}
              onClick={() => {
                props.onCall(ticket);
              }}
            >
              {t('call')}
            </button>
          </li>
        ))}
      </ol>
      {noShows.length > 0 && (
        <>
          <h3>{t('noShows')}</h3>
          <ul class="queue no-shows" data-testid="no-show-list">
            {noShows.slice(0, SHOWN).map((ticket) => (
              <li key={ticket.id} data-number={ticket.number}>
                <span class="q-number">{ticket.number}</span>
                <span class="q-service">{serviceName(ticket.serviceId)}</span>
                <button
                  type="button"
                  class="btn btn-small"
                  disabled={!props.canReactivate}
                  onClick={() => {
                    props.onReactivate(ticket);
                  }}
                >
                  {t('reactivate')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {props.children}
    </aside>
  );
}
