import type { HubContext } from '../hub-context.ts';
import { skmRoutes } from './skm-routes.ts';

/** The SKM survey (citizens' answers) and the IKM report. */
export function registerSkm(ctx: HubContext): void {
  const { auth, db, site, engine, clock, bus, exports } = ctx;
  ctx.api(skmRoutes({ auth, db, site, engine, clock, bus, exports }));
}
