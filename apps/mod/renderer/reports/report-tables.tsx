import type { ReportRow, ReportStepCompliance, ReportView } from '@giliran/protocol';
import { pick, type Lang, type translator } from '@giliran/ui';
import type { Cells } from './report-cells.ts';
import type { REPORT_TEXTS, ReportText } from './texts.ts';

export type T = ReturnType<typeof translator<keyof typeof REPORT_TEXTS>>;

interface Common {
  readonly cells: Cells;
  readonly lang: Lang;
  readonly t: T;
}

type Column = readonly [ReportText, (row: ReportRow, cells: Cells) => string];

const DURATIONS: readonly Column[] = [
  ['colWaitAvg', (r, c) => c.duration(r.wait.averageSeconds)],
  ['colWaitP90', (r, c) => c.duration(r.wait.p90Seconds)],
  ['colServiceAvg', (r, c) => c.duration(r.service.averageSeconds)],
  ['colServiceP90', (r, c) => c.duration(r.service.p90Seconds)],
];

export const QUEUE_COLUMNS: readonly Column[] = [
  ['colIssued', (r, c) => c.count(r.issued)],
  ['colPriority', (r, c) => c.count(r.priority)],
  ['colServed', (r, c) => c.count(r.served)],
  ['colHanded', (r, c) => c.count(r.handedToAgency)],
  ['colNoShows', (r, c) => c.count(r.noShows)],
  ['colCancelled', (r, c) => c.count(r.cancelled)],
  ['colTransferred', (r, c) => c.count(r.transferred)],
  ['colOpen', (r, c) => c.count(r.open)],
  ['colLate', (r, c) => c.count(r.lateService)],
  ...DURATIONS,
];

export const DESK_COLUMNS: readonly Column[] = [
  ['colServed', (r, c) => c.count(r.served)],
  ['colHanded', (r, c) => c.count(r.handedToAgency)],
  ['colNoShows', (r, c) => c.count(r.noShows)],
  ['colTransferred', (r, c) => c.count(r.transferred)],
  ...DURATIONS,
];

/** Rows of agencies, services, counters or officers, with the total last when there is one. */
export function RecapTable(
  props: Common & {
    readonly rows: readonly ReportRow[];
    readonly columns: readonly Column[];
    readonly total: ReportRow | null;
    readonly note: ReportText;
  },
) {
  const { rows, columns, total, cells, lang, t } = props;
  const line = (row: ReportRow, isTotal: boolean) => (
    <tr key={row.key} class={isTotal ? 'reports-total' : undefined}>
      <th scope="row">{isTotal ? t('total') : pick(row.name, lang)}</th>
      {columns.map(([key, value]) => (
        <td key={key}>{value(row, cells)}</td>
      ))}
    </tr>
  );
  return (
    <>
      <div class="reports-scroll">
        <table class="reports-table">
          <thead>
            <tr>
              <th scope="col">{t('colName')}</th>
              {columns.map(([key]) => (
                <th key={key} scope="col">
                  {t(key)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => line(row, false))}
            {total && line(total, true)}
          </tbody>
        </table>
      </div>
      <p class="reports-note">{t(props.note)}</p>
    </>
  );
}

/** "Langkah 4 · Penjelasan layanan & persyaratan": the number and the site's name of the step. */
function stepName(steps: readonly number[], view: ReportView, lang: Lang, t: T): string {
  if (steps.length > 1) return t('stepPre');
  const name = view.sopSteps[steps.join('')];
  const label = t('step', { step: steps.join('') });
  return name ? `${label} · ${pick(name, lang)}` : label;
}

/** Amber under 80 % within standard, red under half: where a manager looks first. */
function shareClass(share: number | null): string | undefined {
  if (share === null || share >= 0.8) return undefined;
  return share < 0.5 ? 'reports-low' : 'reports-mid';
}

/** Services × SOP entries, the share within standard in each cell, the counts of all services underneath. */
export function ComplianceTable({ view, cells, lang, t }: Common & { readonly view: ReportView }) {
  const entries = view.compliance.total;
  const shareCell = (s: ReportStepCompliance | undefined) => (
    <td class={shareClass(s?.share ?? null)}>{cells.share(s?.share ?? null)}</td>
  );
  return (
    <>
      <div class="reports-scroll">
        <table class="reports-table">
          <thead>
            <tr>
              <th scope="col">{t('colService')}</th>
              {entries.map((e) => (
                <th key={e.steps.join('-')} scope="col">
                  {stepName(e.steps, view, lang, t)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.compliance.services.map((s) => (
              <tr key={s.key}>
                <th scope="row">{pick(s.name, lang)}</th>
                {s.steps.map((step) => shareCell(step))}
              </tr>
            ))}
            <tr class="reports-total">
              <th scope="row">{t('allServices')}</th>
              {entries.map((e) => shareCell(e))}
            </tr>
          </tbody>
        </table>
      </div>
      <table class="reports-table reports-table-narrow">
        <thead>
          <tr>
            <th scope="col">{t('allServices')}</th>
            {(['colMeasured', 'colWithin', 'colLate', 'colHanded', 'colShare', 'colAverage'] as const).map(
              (k) => (
                <th key={k} scope="col">
                  {t(k)}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.steps.join('-')}>
              <th scope="row">{stepName(e.steps, view, lang, t)}</th>
              <td>{cells.count(e.measured)}</td>
              <td>{cells.count(e.withinStandard)}</td>
              <td>{cells.count(e.late)}</td>
              <td>{cells.count(e.handedOver)}</td>
              <td>{cells.share(e.share)}</td>
              <td>{cells.duration(e.averageSeconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="reports-note">{t('noteCompliance')}</p>
    </>
  );
}

export function CompensationTable({ view, cells, lang, t }: Common & { readonly view: ReportView }) {
  const { kinds, total } = view.compensations;
  return (
    <>
      <table class="reports-table reports-table-narrow">
        <thead>
          <tr>
            {(['colKind', 'colRaised', 'colResolved', 'colStillOpen'] as const).map((k) => (
              <th key={k} scope="col">
                {t(k)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {kinds.map((k) => (
            <tr key={k.kind}>
              <th scope="row">{pick(k.name, lang)}</th>
              <td>{cells.count(k.raised)}</td>
              <td>{cells.count(k.resolved)}</td>
              <td class={k.open > 0 ? 'reports-low' : undefined}>{cells.count(k.open)}</td>
            </tr>
          ))}
          <tr class="reports-total">
            <th scope="row">{t('total')}</th>
            <td>{cells.count(total.raised)}</td>
            <td>{cells.count(total.resolved)}</td>
            <td>{cells.count(total.open)}</td>
          </tr>
        </tbody>
      </table>
      <p class="reports-note">{t('noteCompensations')}</p>
    </>
  );
}

/** Bars per local hour with the count above, and the numbers in a table for reading exactly. */
export function ArrivalsView({ view, cells, t }: Common & { readonly view: ReportView }) {
  const max = Math.max(1, ...view.arrivals);
  const hour = (h: number) => `${String(h).padStart(2, '0')}.00`;
  return (
    <div class="reports-arrivals">
      <div class="reports-bars" role="img" aria-label={t('viewArrivals')}>
        {view.arrivals.map((n, h) => (
          <div key={h} class="reports-bar" title={`${hour(h)}: ${cells.count(n)}`}>
            <span class="reports-bar-n">{n > 0 ? cells.count(n) : ''}</span>
            <span class="reports-bar-fill" style={{ height: `${(n / max) * 100}%` }} />
            <span class="reports-bar-hour">{String(h).padStart(2, '0')}</span>
          </div>
        ))}
      </div>
      <table class="reports-table reports-table-narrow">
        <thead>
          <tr>
            <th scope="col">{t('colHour')}</th>
            <th scope="col">{t('colArrivals')}</th>
            <th scope="col">{t('colPerDay')}</th>
          </tr>
        </thead>
        <tbody>
          {view.arrivals.map((n, h) =>
            n === 0 ? null : (
              <tr key={h}>
                <th scope="row">{`${hour(h)}–${String(h).padStart(2, '0')}.59`}</th>
                <td>{cells.count(n)}</td>
                <td>{cells.decimal(n / Math.max(1, view.days))}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
