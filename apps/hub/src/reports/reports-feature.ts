import type { HubContext } from '../hub-context.ts';
import { reportRoutes } from './report-routes.ts';

/** The day's and a range's recap as JSON, CSV, XLSX and PDF. */
export function registerReports(ctx: HubContext): void {
  const { auth, engine, site, db, exports, clock } = ctx;
  ctx.api(reportRoutes({ auth, engine, site, db, exports, clock }));
}
