import { ExportPool, workerUrl, type ExportPoolOptions } from '../exports/export-pool.ts';
import type { ExportJob } from './export-worker.ts';

/** The worker entry that renders the hub's files (reports, SKM, the mobile unit's visit reports). */
const EXPORT_WORKER = workerUrl('export-worker', import.meta.url);

/**
 * The export pool with this feature's worker, typed with the jobs that worker renders: made by hub.ts, and by
 * central for its region reports.
 */
export class ReportExports extends ExportPool<ExportJob> {
  constructor(options: ExportPoolOptions = {}) {
    super(EXPORT_WORKER, options);
  }
}
