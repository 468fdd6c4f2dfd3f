import type { ReportView } from '@giliran/protocol';
import type { Cells } from './report-cells.ts';
import type { T } from './report-tables.tsx';

/** The headline figures of the period, the same boxes as on the PDF's first page. */
export function ReportSummary({ view, cells, t }: { view: ReportView; cells: Cells; t: T }) {
  const total = view.total;
  let within = 0;
  let judged = 0;
  for (const entry of view.compliance.total) {
    within += entry.withinStandard;
    judged += entry.withinStandard + entry.late;
  }
  const figures: readonly (readonly [string, string, string])[] = [
    [t('figIssued'), cells.count(total.issued), t('subPriority', { count: cells.count(total.priority) })],
    [t('figServed'), cells.count(total.served), t('subHanded', { count: cells.count(total.handedToAgency) })],
    [t('figNoShows'), cells.count(total.noShows), t('subCancelled', { count: cells.count(total.cancelled) })],
    [
      t('figWait'),
      cells.duration(total.wait.averageSeconds),
      t('subP90', { time: cells.duration(total.wait.p90Seconds) }),
    ],
    [
      t('figService'),
      cells.duration(total.service.averageSeconds),
      t('subP90', { time: cells.duration(total.service.p90Seconds) }),
    ],
    [
      t('figCompliance'),
      cells.share(judged === 0 ? null : within / judged),
      t('subJudged', { count: cells.count(judged) }),
    ],
    [
      t('figCompensations'),
      cells.count(view.compensations.total.raised),
      t('subOpen', { count: cells.count(view.compensations.total.open) }),
    ],
  ];
  return (
    <dl class="reports-figures" data-testid="report-figures">
      {figures.map(([label, value, sub]) => (
        <div key={label} class="reports-figure">
          <dt>{label}</dt>
          <dd>
            <strong>{value}</strong>
            <span>{sub}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
