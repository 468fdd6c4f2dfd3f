import { join } from 'node:path';
import { app, powerSaveBlocker, screen } from 'electron';
import { bootShell } from '@giliran/desktop-shell/boot.ts';
import { createSenderCheck, installNavigationGuard } from '@giliran/desktop-shell/navigation-guard.ts';
import { trustHallCertificate } from '@giliran/desktop-shell/hall-certificate.ts';
import { installRelaunchWatchdog } from '@giliran/desktop-shell/relaunch.ts';
import { chooseDisplayBounds, showErrorWindow } from '@giliran/desktop-shell/shell-window.ts';
import { loadKioskSettings, resolveConfigPath } from './kiosk-config.ts';
import { createKioskWindow, KIOSK_BACKGROUND, kioskPageUrl } from './kiosk-window.ts';
import { configErrorPageUrl, offlinePageUrl } from './local-pages.ts';
import { registerPrinterBridge, type PrintFn } from './printer-bridge.ts';
import { electronTokenVault } from '@giliran/desktop-shell/token-vault.ts';

// Wiring only: each feature module installs its own handlers (the electron/fiddle layout).

const LOG_TAG = 'kiosk';

// `@giliran/printing` loads on the first ticket: a printing problem then fails that print, reported to the
// hub, instead of keeping the kiosk from starting at all.
const printTicket: PrintFn = async (content, options) => {
  const printing = await import('@giliran/printing');
  await printing.printTicket(content, options);
};

async function start(): Promise<void> {
  const loaded = await loadKioskSettings(
    resolveConfigPath(process.env, app.getPath('userData')),
    electronTokenVault(),
  );
  if (!loaded.ok) {
    console.error(`[${LOG_TAG}] ${loaded.problem.title}\n${loaded.problem.detail}`);
    showErrorWindow(configErrorPageUrl(loaded.problem.title, loaded.problem.detail), KIOSK_BACKGROUND);
    return;
  }
  const settings = loaded.settings;
  const pageUrl = kioskPageUrl(settings.hubUrl);
  const hubOrigin = new URL(pageUrl).origin;

  const win = createKioskWindow(
    settings,
    join(app.getAppPath(), 'dist', 'preload.cjs'),
    chooseDisplayBounds(screen, settings.displayIndex, LOG_TAG),
  );
  installNavigationGuard(win, hubOrigin, LOG_TAG);
  trustHallCertificate(win.webContents.session, settings.hubUrl, settings.hubCertificate);
  registerPrinterBridge({ settings, print: printTicket, isTrustedSender: createSenderCheck(win, hubOrigin) });
  const watchdog = installRelaunchWatchdog(win, {
    pageUrl,
    offlinePageUrl: offlinePageUrl(settings.language),
    logTag: LOG_TAG,
  });
  app.on('before-quit', watchdog.dispose);
  // A kiosk whose screen blanks looks switched off to the people queueing in front of it.
  powerSaveBlocker.start('prevent-display-sleep');
  watchdog.start();
}

bootShell({ logTag: LOG_TAG, userDataDir: 'giliran-kiosk', start });
