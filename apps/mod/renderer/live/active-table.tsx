import { timingStatus } from '@giliran/domain';
import { formatClock, formatDuration, pick, translator, type Lang } from '@giliran/ui';
import { useState } from 'preact/hooks';
import type { ServiceView, TimingView } from '../wire.ts';
import { elapsedNow } from './alerts.ts';
import type { LIVE_TEXTS } from './texts.ts';

type T = ReturnType<typeof translator<keyof typeof LIVE_TEXTS>>;
type SortKey = 'number' | 'service' | 'counter' | 'elapsed' | 'status' | 'due';

interface Props {
  readonly timings: readonly TimingView[];
  readonly timingsAt: number;
  readonly hubNow: number;
  readonly services: readonly ServiceView[];
  readonly counterName: (id: string | null) => string;
  readonly timeZone: string;
  readonly warningRatio: number;
  readonly lang: Lang;
  readonly t: T;
}

const STATUS_RANK = { late: 0, warning: 1, ok: 2 } as const;

interface Row {
  readonly timing: TimingView;
  readonly elapsed: number;
  readonly status: TimingView['status'];
  readonly agencyId: string;
  readonly serviceName: string;
}

function compare(key: SortKey, a: Row, b: Row): number {
  switch (key) {
    case 'number':
      return a.timing.number.localeCompare(b.timing.number);
    case 'service':
      return a.serviceName.localeCompare(b.serviceName);
    case 'counter':
      return (a.timing.counterId ?? '~').localeCompare(b.timing.counterId ?? '~', undefined, {
        numeric: true,
      });
    case 'elapsed':
      return b.elapsed - a.elapsed;
    case 'status':
      return STATUS_RANK[a.status] - STATUS_RANK[b.status] || b.elapsed - a.elapsed;
    case 'due':
      return (a.timing.compensationDueAt ?? '~').localeCompare(b.timing.compensationDueAt ?? '~');
  }
}

/** Every active ticket with its stage against the standard; sortable by any column, filterable by agency. */
export function ActiveTable(props: Props) {
  const { timings, services, lang, t } = props;
  const [sort, setSort] = useState<SortKey>('status');
  const [agency, setAgency] = useState('');
  const agencies = [...new Map(services.map((s) => [s.agency.id, s.agency])).values()];
  const rows: Row[] = timings
    .map((timing) => {
      const service = services.find((s) => s.id === timing.serviceId);
      const elapsed = elapsedNow(timing, props.timingsAt, props.hubNow);
      return {
        timing,
        elapsed,
        // Judged afresh each second: a step crosses its standard between two reports from the hub.
        status: timingStatus(elapsed, timing.standardSeconds, props.warningRatio),
        agencyId: service?.agency.id ?? '',
        serviceName: service ? pick(service.name, lang) : timing.serviceId,
      };
    })
    .filter((r) => agency === '' || r.agencyId === agency)
    .sort((a, b) => compare(sort, a, b));
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
        <h2>{t('activeTickets', { count: rows.length })}</h2>
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
        <div class="live-scroll">
          <table class="live-table" data-testid="active-tickets">
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
              {rows.map((r) => (
                <tr key={r.timing.ticketId} class={`live-row-${r.status}`} data-number={r.timing.number}>
                  <td class="live-number">{r.timing.number}</td>
                  <td>{r.serviceName}</td>
                  <td>{props.counterName(r.timing.counterId)}</td>
                  <td>{stage(r.timing)}</td>
                  <td class="live-num">{formatDuration(r.elapsed)}</td>
                  <td class="live-num">{formatDuration(r.timing.standardSeconds)}</td>
                  <td>
                    <span class={`live-badge live-badge-${r.status}`} data-status={r.status}>
                      {t(`status_${r.status}`)}
                    </span>
                  </td>
                  <td class="live-num">
                    {r.timing.compensationDueAt
                      ? formatClock(r.timing.compensationDueAt, props.timeZone, lang)
                      : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
