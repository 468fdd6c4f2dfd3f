import type { HubContext } from '../hub-context.ts';
import { apiRoutes } from './queue-routes.ts';

/**
 * The queue: issuing, calling and serving tickets, compensations, the site and sign-in. Registered first:
 * a request walks the routes in order, and these carry the hall's traffic.
 */
export function registerQueue(ctx: HubContext): void {
  const { auth, bus, engine, store, site, settings, clock, openapi } = ctx;
  ctx.api(apiRoutes({ auth, bus, engine, store, site, settings, clock, openapi, startedAt: clock.now() }));
}
