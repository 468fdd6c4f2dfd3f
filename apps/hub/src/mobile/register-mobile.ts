import type { Router } from 'express';
import type { AuthService } from '../auth/auth-service.ts';
import type { CommandBus } from '../commands/command-bus.ts';
import type { QueueEngine } from '../commands/queue-engine.ts';
import type { ComplaintService } from '../complaints/complaint-service.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { Db } from '../db/database.ts';
import type { ExportPool } from '../exports/export-pool.ts';
import { MobileReports } from './mobile-report.ts';
import { mobileRoutes } from './mobile-routes.ts';
import { MobileService } from './mobile-service.ts';
import { PhotoFiles } from './photo-files.ts';

export interface MobileContext {
  readonly db: Db;
  readonly site: SiteConfig;
  readonly bus: CommandBus;
  readonly engine: QueueEngine;
  readonly auth: AuthService;
  readonly exports: ExportPool;
  readonly dataDir: string;
  readonly complaints: ComplaintService;
}

/**
 * The mobile service unit (issue 17): requests, the schedule, the visit day and its registers, the visit report.
 * Its routes are on every hub (a hall's Dinas may plan its unit's visits); a site of `"kind": "mobile"` is the
 * unit's own laptop. Returns the router to mount under `/api`.
 */
export function registerMobile(ctx: MobileContext): {
  readonly router: Router;
  readonly service: MobileService;
} {
  const photos = new PhotoFiles(ctx.dataDir);
  const service = new MobileService({
    db: ctx.db,
    site: ctx.site,
    bus: ctx.bus,
    engine: ctx.engine,
    photos,
    complaintCalendar: () => ctx.complaints.calendar.state(),
    // A field complaint may be ringan (3 hours): the late watcher re-arms for the nearest deadline.
    complaintFiled: () => {
      void ctx.complaints.start();
    },
  });
  const reports = new MobileReports({
    mobile: service,
    site: ctx.site,
    exports: ctx.exports,
    photos,
    now: () => ctx.engine.nowIso(),
  });
  return { router: mobileRoutes({ auth: ctx.auth, mobile: service, reports, photos }), service };
}
