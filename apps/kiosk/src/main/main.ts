import { join } from 'node:path';
import { app, BrowserWindow, powerSaveBlocker, screen, type Rectangle } from 'electron';
import { loadKioskSettings, resolveConfigPath, type KioskSettings } from './kiosk-config.ts';
import { createKioskWindow, kioskPageUrl, loadPage } from './kiosk-window.ts';
import { configErrorPageUrl, offlinePageUrl } from './local-pages.ts';
import { createSenderCheck, installNavigationGuard } from './navigation-guard.ts';
import { registerPrinterBridge, type PrintFn } from './printer-bridge.ts';
import { installRelaunchWatchdog } from './relaunch.ts';

// Wiring only: each feature module installs its own handlers (the electron/fiddle layout).

// A fixed folder, so the config path does not depend on how the app was started (`electron .` or installed).
app.setPath('userData', join(app.getPath('appData'), 'giliran-kiosk'));

// `@giliran/printing` loads on the first ticket: a printing problem then fails that print, reported to the
// hub, instead of keeping the kiosk from starting at all.
const printTicket: PrintFn = async (content, options) => {
  const printing = await import('@giliran/printing');
  await printing.printTicket(content, options);
};

function displayBounds(settings: KioskSettings): Rectangle | undefined {
  if (settings.displayIndex === undefined) return undefined;
  const display = screen.getAllDisplays()[settings.displayIndex];
  if (!display) console.warn(`[kiosk] no display ${settings.displayIndex}; using the primary display`);
  return display?.bounds;
}

function showConfigError(title: string, detail: string): void {
  console.error(`[kiosk] ${title}\n${detail}`);
  // No preload, no script: this window can do nothing but show the message.
  const win = new BrowserWindow({
    kiosk: true,
    fullscreen: true,
    frame: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  loadPage(win, configErrorPageUrl(title, detail));
}

async function start(): Promise<void> {
  const loaded = await loadKioskSettings(resolveConfigPath(process.env, app.getPath('userData')));
  if (!loaded.ok) {
    showConfigError(loaded.problem.title, loaded.problem.detail);
    return;
  }
  const settings = loaded.settings;
  const pageUrl = kioskPageUrl(settings.hubUrl);
  const hubOrigin = new URL(pageUrl).origin;

  const win = createKioskWindow(
    settings,
    join(app.getAppPath(), 'dist', 'preload.cjs'),
    displayBounds(settings),
  );
  installNavigationGuard(win, hubOrigin);
  registerPrinterBridge({ settings, print: printTicket, isTrustedSender: createSenderCheck(win, hubOrigin) });
  const watchdog = installRelaunchWatchdog(win, {
    pageUrl,
    offlinePageUrl: offlinePageUrl(settings.language),
  });
  app.on('before-quit', watchdog.dispose);
  // A kiosk whose screen blanks looks switched off to the people queueing in front of it.
  powerSaveBlocker.start('prevent-display-sleep');
  watchdog.start();
}

// Two kiosk processes would fight over one printer and one screen.
if (app.requestSingleInstanceLock()) {
  app.on('window-all-closed', () => {
    app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('[kiosk] failed to start:', error);
      app.exit(1);
    });
} else {
  app.quit();
}
