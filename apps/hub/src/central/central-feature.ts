import { ComplaintCalendarStore } from '../complaints/complaint-calendar-store.ts';
import type { HubContext } from '../hub-context.ts';
import { ReportStore } from '../reports/report-store.ts';
import { siteProfile } from './central-profile.ts';
import { CentralPushStore } from './central-push-store.ts';
import { CentralPusher, type CentralTarget } from './central-pusher.ts';
import { centralStatusRoutes } from './central-routes.ts';
import { CENTRAL_KEY_ENV } from '../config/central-settings.ts';
import { CentralFeedPuller } from './feed-puller.ts';
import { centralFeedRoutes } from './feed-routes.ts';
import { CentralFeedStore } from './feed-store.ts';
import type { SiteConfig } from '../config/site-config.ts';
import { CENTRAL_OPERATIONS } from './central-openapi.ts';

/** Where to push the log, when the site file names a central server and a key is at hand. */
function centralTarget(site: SiteConfig, envKey: string | undefined): CentralTarget | null {
  const key = site.central?.key ?? envKey;
  if (!site.central) return null;
  if (!key) throw new Error(`site ${site.id}: central.key is missing (or set ${CENTRAL_KEY_ENV})`);
  return { url: site.central.url, siteId: site.central.siteId, key };
}

/**
 * The push of the event log to the central server and the pull of central's site feed, both off the command path,
 * and their status for MOD.
 */
export function registerCentral(ctx: HubContext): { pusher: CentralPusher; feed: CentralFeedPuller } {
  ctx.openapi.add(CENTRAL_OPERATIONS);
  const { site, db, clock, logger, options } = ctx;
  const target = centralTarget(site, options.centralKey ?? process.env[CENTRAL_KEY_ENV]);
  const pusher = new CentralPusher(target, new CentralPushStore(db), clock, logger, options.centralTiming);
  // Central builds this hall's reports as the hall does: it needs the names and standards the hall runs with.
  const reports = new ReportStore(db);
  const calendar = new ComplaintCalendarStore(db);
  pusher.describeSite(() =>
    siteProfile(
      site,
      ctx.engine.config,
      reports.accountNames(),
      calendar.holidays().map((h) => h.date),
    ),
  );
  const feed = new CentralFeedPuller(
    target,
    new CentralFeedStore(db),
    ctx.bus,
    clock,
    logger,
    options.centralTiming,
  );
  ctx.api(centralFeedRoutes({ auth: ctx.auth, feed }));
  ctx.api(centralStatusRoutes({ auth: ctx.auth, pusher }));
  ctx.bus.onCommitted(() => {
    pusher.nudge();
  });
  ctx.onStart(() => {
    pusher.start();
    feed.start();
  });
  ctx.onClose(async () => {
    await pusher.stop();
    await feed.stop();
  });
  return { pusher, feed };
}
