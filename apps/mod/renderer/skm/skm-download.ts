import { downloadFile } from '@giliran/ui/download-file';
import type { StaffSession } from '../tab-props.ts';
import { skmQuery, type SkmPeriod, type SkmScopeChoice } from './skm-period.ts';

/** The SKM report as a file, named as the hub names it; a refusal (429 when the export pool is busy) throws. */
export function downloadSkm(
  session: StaffSession,
  period: SkmPeriod,
  scope: SkmScopeChoice,
  format: 'xlsx' | 'pdf',
): Promise<void> {
  return downloadFile(
    new URL(`/api/skm?${skmQuery(period, scope, format)}`, session.hubUrl),
    session.token,
    `skm-${period.from}_${period.to}.${format}`,
  );
}
