import type { HubContext } from '../hub-context.ts';
import { findTicketByCode } from '../queue/ticket-lookup.ts';
import { ReportStore } from '../reports/report-store.ts';
import { publicTicketStatus } from '../views/views.ts';
import { ForecastCache } from './forecast-cache.ts';
import { PublicTicketWatchers } from './public-watchers.ts';
import { TimeOnlyRefresh } from './time-only-refresh.ts';
import { ticketStatusRoutes } from './ticket-status-routes.ts';
import { UnstaffedCounters } from './unstaffed-counters.ts';
import { waitAccuracyRoutes } from './wait-accuracy-routes.ts';
import { keepWaitHistory } from './wait-history-loader.ts';
import { WaitPromises } from './wait-promises.ts';

/** How often status pages are refreshed without a commit, for estimates that change with time alone. */
const STATUS_REFRESH_MS = 60_000;

/**
 * The wait a citizen is promised: the estimate on the status page and its live updates, every shown estimate
 * logged as a promise, and the report of how well the promises were kept.
 */
export function registerWait(ctx: HubContext): void {
  const { auth, engine, store, site, db, bus, logger } = ctx;
  const promises = new WaitPromises(bus, engine, store, (error) => {
    logger.error({ err: error }, 'logging a shown wait estimate failed');
  });
  const shown = (codes: readonly string[]): void => {
    promises.shownByCode(codes, 'status');
  };
  ctx.api(ticketStatusRoutes(ctx, shown));
  ctx.api(waitAccuracyRoutes({ auth, engine, site, db }));

  const forecasts = new ForecastCache(engine);
  const watchers = new PublicTicketWatchers(
    ctx.io,
    (code) => {
      const ticket = findTicketByCode(engine, store, code);
      return ticket
        ? publicTicketStatus(ticket, site, engine.state, engine.config, engine.nowIso(), forecasts.current())
        : null;
    },
    shown,
    () => {
      timeOnly.wake();
    },
  );
  bus.onBroadcast(() => {
    watchers.refresh();
  });
  // Estimates move with time alone (a pause runs on, a desk goes through its steps): status pages hear it.
  const timeOnly = new TimeOnlyRefresh(ctx.clock, watchers, STATUS_REFRESH_MS);
  const stopWaitHistory = keepWaitHistory(engine, new ReportStore(db));
  // Counters nobody sits at are not promised to citizens; a counter added later counts until someone leaves it.
  const unstaffed = new UnstaffedCounters(ctx.presence, engine, ctx.clock, () =>
    engine.config.counters.map((c) => c.id),
  );
  unstaffed.start();
  ctx.onClose(() => {
    timeOnly.stop();
    stopWaitHistory();
    unstaffed.stop();
  });
}
