import { pick, type Lang } from '@giliran/ui';
import { formatTimer, secondsSince } from '../format-time.ts';
import type { ServiceView, TicketView } from '../wire.ts';
import { StepTimer } from './step-timer.tsx';
import type { T } from './types.ts';

interface Props {
  readonly ticket: TicketView | null;
  /** The site's SOP step names, "1" … "13". */
  readonly sopSteps: Readonly<Record<string, { id: string; en: string }>>;
  readonly services: readonly ServiceView[];
  readonly hubNow: number;
  readonly warningRatio: number;
  readonly lang: Lang;
  readonly t: T;
}

const PRIORITY_TEXT = {
  lansia: { id: 'Lansia', en: 'Elderly' },
  disabilitas: { id: 'Disabilitas', en: 'Disability' },
  ibu_hamil: { id: 'Ibu hamil', en: 'Pregnant' },
  anak: { id: 'Anak', en: 'Child' },
  korban_bencana: { id: 'Korban bencana', en: 'Disaster victim' },
} as const;

/** "13 detik", "2 menit": how long ago, as said aloud, not a stopwatch's 0:13. */
function agoText(seconds: number, t: T): string {
  return seconds < 60 ? t('seconds', { n: seconds }) : t('minutesAgo', { n: Math.floor(seconds / 60) });
}

export function CurrentTicket({ ticket, sopSteps, services, hubNow, warningRatio, lang, t }: Props) {
  if (!ticket)
    return (
      <section class="current current-idle" data-testid="current-ticket" data-state="idle">
        <p class="idle-title">{t('idle')}</p>
        <p class="idle-hint">{t('idleHint')}</p>
      </section>
    );
  const service = services.find((s) => s.id === ticket.serviceId);
  const waitedSeconds = ticket.timeline[0]?.elapsedSeconds ?? 0;
  return (
    <section class="current" data-testid="current-ticket" data-state={ticket.status}>
      <div class="current-main">
        <div class="current-label">{t('currentTicket')}</div>
        <div class="current-number" data-testid="current-number">
          {ticket.number}
        </div>
        <div class="current-service">{service ? pick(service.name, lang) : ticket.serviceId}</div>
        {ticket.priority && (
          <div class="priority-mark" data-testid="priority-mark">
            ★ {t('priority')} · {pick(PRIORITY_TEXT[ticket.priority], lang)}
          </div>
        )}
        {ticket.booked === true && (
          <div class="booked-mark" data-testid="booked-mark">
            {t('booked')}
          </div>
        )}
        <div class="current-meta">
          <span>{t('waited', { time: formatTimer(waitedSeconds) })}</span>
          {ticket.calledAt && (
            <span data-testid="called-ago">
              {t('calledAgo', { time: agoText(secondsSince(ticket.calledAt, hubNow), t) })}
            </span>
          )}
          {ticket.recalls > 0 && <span>{t('recalled', { recalls: ticket.recalls })}</span>}
        </div>
      </div>
      {ticket.status === 'called' ? (
        <p class="awaiting">{t('awaitingCitizen')}</p>
      ) : (
        <StepTimer
          ticket={ticket}
          hubNow={hubNow}
          warningRatio={warningRatio}
          stepName={(step) => {
            const name = sopSteps[String(step)];
            return name ? pick(name, lang) : '';
          }}
          standards={service?.stepStandardMinutes ?? {}}
          t={t}
        />
      )}
    </section>
  );
}
