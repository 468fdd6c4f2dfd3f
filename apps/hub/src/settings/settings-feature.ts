import { MANAGERS } from '../auth/roles.ts';
import type { DeadlineScheduler } from '../compensation/deadline-scheduler.ts';
import type { HubContext } from '../hub-context.ts';
import { displayRoutes } from './display-routes.ts';
import { SettingsService } from './settings-service.ts';
import { settingsRoutes } from './settings-routes.ts';
import { SETTINGS_OPERATIONS } from './settings-openapi.ts';

/**
 * The hall's settings and accounts (MOD and admin), the displays' running text, and the alert to managers when
 * an account's PIN is guessed at. A setting that moves deadlines wakes the compensation scheduler.
 */
export function registerSettings(ctx: HubContext, scheduler: DeadlineScheduler): SettingsService {
  ctx.openapi.add(SETTINGS_OPERATIONS);
  const { db, site, siteFile, engine, auth, bus, io, clock, logger } = ctx;
  const settings = new SettingsService({
    db,
    site,
    siteFile,
    engine,
    auth,
    io: () => io,
    scheduler: () => scheduler,
    bus,
  });
  ctx.api(settingsRoutes({ auth, settings, commands: ctx.commands, dates: ctx.dates }));
  ctx.api(displayRoutes({ auth, settings, commands: ctx.commands }));
  bus.onBroadcast((batch) => {
    for (const { event } of batch) settings.announce(event);
  });
  auth.onRepeatedFailures(({ username, address, failures }) => {
    // A guessing attack, or an officer who forgot their PIN: MOD and admin hear of it, with where it comes from.
    logger.warn({ username, address, failures }, 'repeated sign-in failures');
    const alert = {
      kind: 'sign-in-failures',
      message: `${String(failures)} kali gagal masuk untuk akun ${username} (terakhir dari ${address}).`,
      at: new Date(clock.now()).toISOString(),
    };
    for (const socket of io.sockets.sockets.values())
      if (MANAGERS.includes(socket.data.actor.role)) socket.emit('hub:alert', alert);
  });
  return settings;
}
