import type { CentralFeedPuller } from '../central/feed-puller.ts';
import type { ComplaintService } from '../complaints/complaint-service.ts';
import type { HubContext } from '../hub-context.ts';
import { MobileReports } from './mobile-report.ts';
import { mobileRoutes } from './mobile-routes.ts';
import { MobileService } from './mobile-service.ts';
import { announceVisitChanges } from './mobile-broadcast.ts';
import { visitRegisterErasure } from './personal-data.ts';
import { PhotoFiles } from './photo-files.ts';
import { MOBILE_OPERATIONS } from './mobile-openapi.ts';
import type { ErasurePart } from '../messages/privacy-eraser.ts';

/**
 * The mobile service unit (issue 17): requests, the schedule, the visit day and its registers, the visit report.
 * Its routes are on every hub (a hall's Dinas may plan its unit's visits); a site of `"kind": "mobile"` is the
 * unit's own laptop. Field complaints go into the complaint register, so it takes that feature's service; visits
 * scheduled at central arrive through central's site feed (kind `visit:scheduled`).
 */
export function registerMobile(
  ctx: HubContext,
  complaints: ComplaintService,
  feed: CentralFeedPuller,
): { readonly service: MobileService; readonly personalData: ErasurePart } {
  ctx.openapi.add(MOBILE_OPERATIONS);
  const photos = new PhotoFiles(ctx.options.dataDir);
  const service = new MobileService({
    db: ctx.db,
    site: ctx.site,
    bus: ctx.bus,
    engine: ctx.engine,
    photos,
    complaintCalendar: () => complaints.calendar.state(),
    // A field complaint may be ringan (3 hours): the late watcher re-arms for the nearest deadline.
    complaintFiled: () => {
      void complaints.start();
    },
  });
  const reports = new MobileReports({
    mobile: service,
    site: ctx.site,
    exports: ctx.exports,
    photos,
    now: () => ctx.engine.nowIso(),
  });
  ctx.api(mobileRoutes({ auth: ctx.auth, commands: ctx.commands, mobile: service, reports, photos }));
  // Another officer's entry, the counter page's register form, a visit from central: every open /mobile page reloads.
  ctx.bus.onBroadcast((batch) => {
    announceVisitChanges(ctx.io, batch);
  });
  feed.kinds.handle('visit:scheduled', { decide: (payload, context) => service.fromFeed(payload, context) });
  // NIK and phone of past visits: erased by the hub's privacy eraser (messages), which the hub hands this part.
  const personalData = visitRegisterErasure(ctx.db, () => ctx.site.mobile.keepPersonalDataDays);
  return { service, personalData };
}
