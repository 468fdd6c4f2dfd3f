import { join } from 'node:path';
import { app } from 'electron';
import { bootShell } from '@giliran/desktop-shell/boot.ts';
import { createSenderCheck, installNavigationGuard } from '@giliran/desktop-shell/navigation-guard.ts';
import { trustHallCertificate } from '@giliran/desktop-shell/hall-certificate.ts';
import { installRelaunchWatchdog } from '@giliran/desktop-shell/relaunch.ts';
import { registerCounterBridge } from './counter-bridge.ts';
import { loadCounterSettings, resolveCounterConfigPath } from './counter-config.ts';
import { configErrorPageUrl, offlinePageUrl } from './counter-pages.ts';
import { registerCounterShortcuts } from './counter-shortcuts.ts';
import { openCounterStore, STATE_FILE_NAME } from './counter-state.ts';
import {
  counterPageUrl,
  createCounterWindow,
  focusOnSecondInstance,
  showCounterErrorWindow,
} from './counter-window.ts';
import { electronTokenVault } from '@giliran/desktop-shell/token-vault.ts';

// Wiring only: each feature module installs its own handlers (the electron/fiddle layout).

const LOG_TAG = 'counter';

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  const loaded = await loadCounterSettings(
    resolveCounterConfigPath(process.env, userData),
    electronTokenVault(),
  );
  if (!loaded.ok) {
    console.error(`[${LOG_TAG}] ${loaded.problem.title}\n${loaded.problem.detail}`);
    showCounterErrorWindow(configErrorPageUrl(loaded.problem.title, loaded.problem.detail));
    return;
  }
  const settings = loaded.settings;
  const store = await openCounterStore(join(userData, STATE_FILE_NAME));
  const pageUrl = counterPageUrl(settings);
  const hubOrigin = new URL(pageUrl).origin;

  const win = createCounterWindow(settings, join(app.getAppPath(), 'dist', 'preload.cjs'));
  installNavigationGuard(win, hubOrigin, LOG_TAG);
  trustHallCertificate(win.webContents.session, settings.hubUrl, settings.hubCertificate);
  focusOnSecondInstance(win);
  registerCounterBridge({ settings, store, isTrustedSender: createSenderCheck(win, hubOrigin) });
  // The page reconnects its own socket; the watchdog covers the page itself failing to load or crashing.
  const watchdog = installRelaunchWatchdog(win, {
    pageUrl,
    offlinePageUrl: offlinePageUrl(settings.language),
    logTag: LOG_TAG,
  });
  app.on('before-quit', watchdog.dispose);
  const shortcuts = registerCounterShortcuts(win, {
    shortcuts: settings.shortcuts,
    hubOrigin,
    logTag: LOG_TAG,
  });
  // Global shortcuts outlive windows until unregistered: give them back to the OS before the process goes.
  app.on('will-quit', shortcuts.dispose);
  watchdog.start();
}

bootShell({ logTag: LOG_TAG, userDataDir: 'giliran-counter', start });
