import { join } from 'node:path';
import { app } from 'electron';

export interface BootOptions {
  /** Names the shell in the log. */
  readonly logTag: string;
  /** The folder under appData for userData, e.g. `giliran-kiosk`. */
  readonly userDataDir: string;
  /** Runs once Electron is ready, in the only instance. */
  readonly start: () => Promise<void>;
}

/**
 * The app lifecycle every shell shares. userData is a fixed folder, so the config path does not depend on
 * how the app was started (`electron .` or installed); it is set first, since the single-instance lock lives
 * there. A second instance (an auto-start entry plus a technician's double-click) quits at once: two would
 * fight over one screen, and a kiosk's over one printer.
 */
export function bootShell(options: BootOptions): void {
  app.setPath('userData', join(app.getPath('appData'), options.userDataDir));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('window-all-closed', () => {
    app.quit();
  });
  app
    .whenReady()
    .then(options.start)
    .catch((error: unknown) => {
      console.error(`[${options.logTag}] failed to start:`, error);
      app.exit(1);
    });
}

/** Where `app.setLoginItemSettings` does anything: Linux autostart is the installer's or the OS image's job. */
const LOGIN_ITEM_PLATFORMS: readonly NodeJS.Platform[] = ['win32', 'darwin'];

/**
 * Starts the shell at login, or stops doing so. Only an installed app registers itself: `electron .` in a
 * checkout would register the bare Electron binary, which opens its default app at every login.
 */
export function setOpenAtLogin(openAtLogin: boolean, platform: NodeJS.Platform = process.platform): boolean {
  if (!app.isPackaged || !LOGIN_ITEM_PLATFORMS.includes(platform)) return false;
  app.setLoginItemSettings({ openAtLogin });
  return true;
}
