import { timingStatus } from '@giliran/domain';
import { formatClock, formatDuration, pick, translator, type Lang } from '@giliran/ui';
import { memo } from 'preact/compat';
import { useMemo, useState } from 'preact/hooks';
import type { ServiceView, TimingView } from '../wire.ts';
import { elapsedNow } from './alerts.ts';
import { ROW_HEIGHT, useRowWindow } from './row-window.ts';
import type { LIVE_TEXTS } from './texts.ts';

type T = ReturnType<typeof translator<keyof typeof LIVE_TEXTS>>;
type SortKey = 'number' | 'service' | 'counter' | 'elapsed' | 'status' | 'due';

interface Props {
  readonly timings: readonly TimingView[];
  readonly hubNow: number;
  readonly services: readonly ServiceView[];
  readonly counterName: (id: string | null) => string;
  readonly timeZone: string;
  readonly warningRatio: number;
  readonly lang: Lang;
  readonly t: T;
}

const STATUS_RANK = { late: 0, warning: 1, ok: 2 } as const;
/**
 * One collator for every sort, built once: `localeCompare` with options may build one per call (sorting 2,000
 * counter names took 266 ms that way in Node on this machine, 3 ms with one collator), and the table sorts every
 * second. Numeric, so Loket 2 comes before Loket 10.
 */
const COLLATOR = new Intl.Collator(undefined, { numeric: true });

interface Row {
  readonly timing: TimingView;
  readonly elapsed: number;
  readonly status: TimingView['status'];
  readonly agencyId: string;
  readonly serviceName: string;
}

/**
 * Tickets without a counter (or a deadline) after those with one. ('~' as a stand-in sorted first: the locale's
 * collation puts punctuation before letters.)
 */
function nullsLast(a: string | null, b: string | null): number {
  if (a === null || b === null) return (a === null ? 1 : 0) - (b === null ? 1 : 0);
  return COLLATOR.compare(a, b);
}

function compare(key: SortKey, a: Row, b: Row): number {
  switch (key) {
    case 'number':
      return COLLATOR.compare(a.timing.number, b.timing.number);
    case 'service':
      return COLLATOR.compare(a.serviceName, b.serviceName);
    case 'counter':
      return nullsLast(a.timing.counterId, b.timing.counterId);
    case 'elapsed':
      return b.elapsed - a.elapsed;
    case 'status':
      return STATUS_RANK[a.status] - STATUS_RANK[b.status] || b.elapsed - a.elapsed;
    case 'due':
      return nullsLast(a.timing.compensationDueAt, b.timing.compensationDueAt);
  }
}

/** Every active ticket with its stage against the standard; sortable by any column, filterable by agency. */
export function ActiveTable(props: Props) {
  const { timings, services, lang, t } = props;
  const [sort, setSort] = useState<SortKey>('status');
  const [agency, setAgency] = useState('');
  const agencies = useMemo(
    () => [...new Map(services.map((s) => [s.agency.id, s.agency])).values()],
    [services],
  );
  const serviceById = useMemo(() => new Map(services.map((s) => [s.id, s])), [services]);
  const rows: Row[] = [];
  for (const timing of timings) {
    const service = serviceById.get(timing.serviceId);
    const agencyId = service?.agency.id ?? '';
    if (agency !== '' && agencyId !== agency) continue;
    const elapsed = elapsedNow(timing, props.hubNow);
    rows.push({
      timing,
      elapsed,
      // Judged afresh each second: a step crosses its standard between two reports from the hub.
      status: timingStatus(elapsed, timing.standardSeconds, props.warningRatio),
      agencyId,
      serviceName: service ? pick(service.name, lang) : timing.serviceId,
    });
  }
  rows.sort((a, b) => compare(sort, a, b));
  const { box, range } = useRowWindow(rows.length);
  const shown = rows.slice(range.start, range.end);
  const header = (key: SortKey, label: string) => (
    <th>
      <button
        type="button"
        class={`live-sort ${sort === key ? 'live-sorted' : ''}`}
        data-sort={key}
        onClick={() => {
          setSort(key);
        }}
      >
        {label}
      </button>
    </th>
  );
  const stage = (x: TimingView) =>
    x.phase === 'waiting'
      ? t('stageWaiting')
      : x.phase === 'called'
        ? t('stageCalled')
        : t('stageStep', { step: x.step ?? '' });
  return (
    <section class="live-panel live-active">
      <header class="live-panel-head">
        <h2 data-testid="active-count" data-count={rows.length}>
          {t('activeTickets', { count: rows.length })}
        </h2>
        <label>
          {t('agency')}{' '}
          <select
            name="agency"
            value={agency}
            onChange={(e) => {
              setAgency(e.currentTarget.value);
            }}
          >
            <option value="">{t('allAgencies')}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {pick(a.name, lang)}
              </option>
            ))}
          </select>
        </label>
      </header>
      {rows.length === 0 ? (
        <p class="live-muted">{t('noActive')}</p>
      ) : (
        <div class="live-scroll" ref={box}>
          <table class="live-table" data-testid="active-tickets" aria-rowcount={rows.length + 1}>
            <thead>
              <tr>
                {header('number', t('colNumber'))}
                {header('service', t('colService'))}
                {header('counter', t('colCounter'))}
                <th>{t('colStage')}</th>
                {header('elapsed', t('colElapsed'))}
                <th>{t('colStandard')}</th>
                {header('status', t('colStatus'))}
                {header('due', t('colDue'))}
              </tr>
            </thead>
            <tbody>
              {range.start > 0 && <tr class="live-spacer" style={{ height: range.start * ROW_HEIGHT }} />}
              {shown.map((r, i) => (
                <ActiveRow
                  key={r.timing.ticketId}
                  index={range.start + i + 2}
                  number={r.timing.number}
                  booked={r.timing.booked === true ? t('bookedShort') : ''}
                  bookedTitle={t('booked')}
                  service={r.serviceName}
                  counter={props.counterName(r.timing.counterId)}
                  stage={stage(r.timing)}
                  elapsed={formatDuration(r.elapsed)}
                  standard={formatDuration(r.timing.standardSeconds)}
                  status={r.status}
                  statusText={t(`status_${r.status}`)}
                  due={
                    r.timing.compensationDueAt
                      ? formatClock(r.timing.compensationDueAt, props.timeZone, lang)
                      : ''
                  }
                />
              ))}
              {range.end < rows.length && (
                <tr class="live-spacer" style={{ height: (rows.length - range.end) * ROW_HEIGHT }} />
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

interface RowProps {
  /** The row's place in the whole table (the header is 1), for screen readers: only part of it is drawn. */
  readonly index: number;
  readonly number: string;
  /** The booked mark's text, empty on a walk-in's ticket. */
  readonly booked: string;
  readonly bookedTitle: string;
  readonly service: string;
  readonly counter: string;
  readonly stage: string;
  readonly elapsed: string;
  readonly standard: string;
  readonly status: TimingView['status'];
  readonly statusText: string;
  readonly due: string;
}

/**
 * One ticket's row, from strings only: Preact skips a row whose texts did not change, so a delta or a clock tick
 * redraws only the drawn rows it changed.
 */
const ActiveRow = memo(function ActiveRow(p: RowProps) {
  return (
    <tr
      class={`live-row-${p.status}`}
      data-number={p.number}
      data-booked={p.booked === '' ? undefined : 'true'}
      aria-rowindex={p.index}
    >
      <td class="live-number">
        {p.number}
        {p.booked !== '' && (
          <span class="live-booked" title={p.bookedTitle}>
            {p.booked}
          </span>
        )}
      </td>
      <td>{p.service}</td>
      <td>{p.counter}</td>
      <td>{p.stage}</td>
      <td class="live-num">{p.elapsed}</td>
      <td class="live-num">{p.standard}</td>
      <td>
        <span class={`live-badge live-badge-${p.status}`} data-status={p.status}>
          {p.statusText}
        </span>
      </td>
      <td class="live-num">{p.due}</td>
    </tr>
  );
});
