import type { DeadlineScheduler } from '../compensation/deadline-scheduler.ts';
import type { HubContext } from '../hub-context.ts';
import type { SettingsService } from '../settings/settings-service.ts';
import { hallRoutes } from './hall-routes.ts';
import { HallSetup } from './hall-setup.ts';
import { HALL_OPERATIONS } from './hall-openapi.ts';

/**
 * Setting up the hall from the screens (issue 14): admin adds, edits and retires agencies, services and counters.
 * The changes are `setting:changed` events, so the settings feature announces them (`settings:changed`) and the
 * stored settings lay them over the site file at the next start.
 */
export function registerHallSetup(
  ctx: HubContext,
  scheduler: DeadlineScheduler,
  settings: SettingsService,
): void {
  ctx.openapi.add(HALL_OPERATIONS);
  const { site, engine, bus } = ctx;
  const hall = new HallSetup({
    site,
    engine,
    bus,
    rearm: () => scheduler.fire(),
    view: (actor) => settings.view(actor.role),
  });
  ctx.api(hallRoutes(hall, ctx.commands));
}
