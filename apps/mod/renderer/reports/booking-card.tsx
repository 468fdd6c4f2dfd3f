import type { BookingFiguresView, ReportView } from '@giliran/protocol';
import { pick, translator, type Lang } from '@giliran/ui';
import { useMemo } from 'preact/hooks';
import { cellsFor } from './report-cells.ts';
import { BOOKING_CARD_TEXTS } from './booking-card-texts.ts';

type Bookings = NonNullable<ReportView['bookings']>;

/**
 * Online booking over the report's period (issue 18): booked tickets against walk-ins, the bookings not kept and
 * how punctual check-ins were, in total, per service and per day. The same figures are in the report's files.
 */
export function BookingCard({ bookings, lang }: { readonly bookings: Bookings; readonly lang: Lang }) {
  const t = useMemo(() => translator(BOOKING_CARD_TEXTS, lang), [lang]);
  const cells = useMemo(() => cellsFor(lang), [lang]);
  const { total } = bookings;
  const pair = (a: number, b: number) => `${cells.count(a)} / ${cells.count(b)}`;
  const punctual = (f: BookingFiguresView) =>
    `${cells.count(f.punctuality.early)} / ${cells.count(f.punctuality.onTime)} / ${cells.count(f.punctuality.late)}`;
  const boxes: readonly (readonly [string, string, string])[] = [
    [
      t('tickets'),
      pair(total.booked.tickets, total.walkIn.tickets),
      `${t('served')} ${pair(total.booked.served, total.walkIn.served)}`,
    ],
    [
      t('wait'),
      cells.duration(total.booked.meanWaitSeconds),
      t('walkInWait', { time: cells.duration(total.walkIn.meanWaitSeconds) }),
    ],
    [
      t('noShowRate'),
      cells.share(total.bookings.noShowRate),
      t('noShowDetail', { missed: total.bookings.missed, called: total.bookings.calledNoShow }),
    ],
    [t('punctuality'), punctual(total), t('punctualityDetail', { count: total.bookings.checkedIn })],
  ];
  const row = (f: BookingFiguresView) => (
    <>
      <td>{pair(f.booked.tickets, f.walkIn.tickets)}</td>
      <td>
        {cells.duration(f.booked.meanWaitSeconds)} / {cells.duration(f.walkIn.meanWaitSeconds)}
      </td>
      <td>{pair(f.booked.served, f.walkIn.served)}</td>
      <td>{cells.count(f.bookings.made)}</td>
      <td>{cells.count(f.bookings.checkedIn)}</td>
      <td>{cells.count(f.bookings.missed)}</td>
      <td>{cells.count(f.bookings.calledNoShow)}</td>
      <td>{cells.share(f.bookings.noShowRate)}</td>
      <td>{punctual(f)}</td>
    </>
  );
  const head = (first: readonly string[]) => (
    <thead>
      <tr>
        {first.map((label) => (
          <th key={label}>{label}</th>
        ))}
        {(['colTickets', 'colWait', 'served'] as const).map((key) => (
          <th key={key}>
            {t(key)} <small>({t('bookedWalkIn')})</small>
          </th>
        ))}
        <th>{t('bookings')}</th>
        <th>{t('checkedIn')}</th>
        <th>{t('missed')}</th>
        <th>{t('calledNoShow')}</th>
        <th>{t('noShowRate')}</th>
        <th>{t('punctuality')}</th>
      </tr>
    </thead>
  );
  return (
    <section class="reports-accuracy reports-bookings" data-testid="booking-report">
      <header class="reports-accuracy-head">
        <h3>{t('title')}</h3>
        <span class="reports-muted">{t('intro')}</span>
      </header>
      {total.bookings.made === 0 && total.booked.tickets === 0 ? (
        <p class="reports-muted">{t('none')}</p>
      ) : (
        <>
          <dl class="reports-figures reports-figures-four">
            {boxes.map(([label, value, sub]) => (
              <div key={label} class="reports-figure">
                <dt>{label}</dt>
                <dd>
                  <strong data-figure={label}>{value}</strong>
                  <span>{sub}</span>
                </dd>
              </div>
            ))}
          </dl>
          <div class="reports-scroll">
            <table class="reports-table" data-testid="booking-services">
              {head([t('service')])}
              <tbody>
                {bookings.services
                  .filter((s) => s.bookings.made > 0 || s.booked.tickets > 0)
                  .map((s) => (
                    <tr key={s.serviceId} data-service={s.serviceId}>
                      <th scope="row">{pick(s.name, lang)}</th>
                      {row(s)}
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
          <details>
            <summary>{t('perDay', { count: bookings.days.length })}</summary>
            <div class="reports-scroll">
              <table class="reports-table">
                {head([t('day'), t('service')])}
                <tbody>
                  {bookings.days.map((d) => (
                    <tr key={`${d.day}:${d.serviceId}`}>
                      <td>{d.day}</td>
                      <th scope="row">{pick(d.name, lang)}</th>
                      {row(d)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
          <p class="reports-muted">{t('note')}</p>
        </>
      )}
    </section>
  );
}
