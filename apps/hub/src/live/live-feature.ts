import type { HubWarning } from '@giliran/protocol';
import type { PublicAddress } from '../config/public-address.ts';
import type { HubContext } from '../hub-context.ts';
import { dashboardRoutes } from './dashboard-routes.ts';
import { LiveDeltas } from './live-deltas.ts';

/** What MOD must see on the live screen for as long as it holds (GET /api/hub/warnings). */
function hubWarnings(address: PublicAddress): HubWarning[] {
  return address.warning ? [{ kind: 'public-address', message: address.warning }] : [];
}

/** The floor managers' live table: a snapshot, then deltas after each batch; presence and standing warnings. */
export function registerLive(ctx: HubContext): void {
  const live = new LiveDeltas(() => ctx.io, ctx.engine, ctx.store, ctx.site);
  ctx.api(
    dashboardRoutes({
      auth: ctx.auth,
      presence: ctx.presence,
      live,
      warnings: () => hubWarnings(ctx.publicAddress()),
    }),
  );
  ctx.bus.onBroadcast((batch) => {
    live.onBatch(batch);
  });
}
