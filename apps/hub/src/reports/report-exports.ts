import { ExportPool, workerUrl, type ExportPoolOptions } from '../exports/export-pool.ts';

/** The worker entry that renders the hub's files (reports, SKM, the mobile unit's visit reports). */
const EXPORT_WORKER = workerUrl('export-worker', import.meta.url);

/** The export pool with this feature's worker: made by hub.ts, and by central for its region reports. */
export class ReportExports extends ExportPool {
  constructor(options: ExportPoolOptions = {}) {
    super(EXPORT_WORKER, options);
  }
}
