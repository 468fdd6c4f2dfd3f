import type { HubContext } from '../hub-context.ts';
import { reportRoutes } from './report-routes.ts';
import { REPORT_OPERATIONS } from './report-openapi.ts';

/** The day's and a range's recap as JSON, CSV, XLSX and PDF. */
export function registerReports(ctx: HubContext): void {
  ctx.openapi.add(REPORT_OPERATIONS);
  const { auth, engine, site, db, exports, clock } = ctx;
  ctx.api(reportRoutes({ auth, engine, site, db, exports, clock }));
}
