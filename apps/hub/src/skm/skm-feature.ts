import type { HubContext } from '../hub-context.ts';
import { skmRoutes } from './skm-routes.ts';
import { SKM_OPERATIONS } from './skm-openapi.ts';

/** The SKM survey (citizens' answers) and the IKM report. */
export function registerSkm(ctx: HubContext): void {
  ctx.openapi.add(SKM_OPERATIONS);
  const { auth, db, site, engine, clock, bus, commands, exports } = ctx;
  ctx.api(skmRoutes({ auth, db, site, engine, clock, bus, commands, exports }));
}
