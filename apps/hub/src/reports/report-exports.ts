import { hostUrl } from '../exports/background-process.ts';
import { ExportPool, type ExportPoolOptions } from '../exports/export-pool.ts';
import type { ExportJob } from './export-host.ts';

/** The host process that renders the hub's files (reports, SKM, the mobile unit's visit reports). */
const EXPORT_HOST = hostUrl('export-host', import.meta.url);

/**
 * The export pool with this feature's host, typed with the jobs that host renders: made by hub.ts, and by
 * central for its region reports.
 */
export class ReportExports extends ExportPool<ExportJob> {
  constructor(options: ExportPoolOptions = {}) {
    super(EXPORT_HOST, options);
  }
}
