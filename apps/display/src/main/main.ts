import { join } from 'node:path';
import { app, powerSaveBlocker, screen } from 'electron';
import { bootShell, setOpenAtLogin } from '@giliran/desktop-shell/boot.ts';
import { createSenderCheck, installNavigationGuard } from '@giliran/desktop-shell/navigation-guard.ts';
import { trustHallCertificate } from '@giliran/desktop-shell/hall-certificate.ts';
import { installRelaunchWatchdog } from '@giliran/desktop-shell/relaunch.ts';
import { chooseDisplayBounds, showErrorWindow } from '@giliran/desktop-shell/shell-window.ts';
import { registerDisplayBridge, type Synthesize } from './display-bridge.ts';
import { loadDisplaySettings, resolveDisplayConfigPath, type SpeechSettings } from './display-config.ts';
import { electronTokenVault } from '@giliran/desktop-shell/token-vault.ts';
import { configErrorPageUrl, DISPLAY_BACKGROUND, offlinePageUrl } from './display-pages.ts';
import { createDisplayWindow, displayPageUrl } from './display-window.ts';

// Wiring only: each feature module installs its own handlers (the electron/fiddle layout).

const LOG_TAG = 'display';

/**
 * `@giliran/speech` loads on the first request to speak: a speech problem then fails that request, reported
 * to the page, instead of keeping the TV from starting at all. A failed load is retried on the next request.
 */
function lazySynthesize(settings: SpeechSettings): Synthesize {
  let loading: Promise<Synthesize> | undefined;
  return async (text, lang) => {
    loading ??= import('./speech-engines.ts').then(
      (speech) => speech.createSynthesize(settings),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    const synthesize = await loading;
    return synthesize(text, lang);
  };
}

async function start(): Promise<void> {
  const loaded = await loadDisplaySettings(
    resolveDisplayConfigPath(process.env, app.getPath('userData')),
    electronTokenVault(),
  );
  if (!loaded.ok) {
    console.error(`[${LOG_TAG}] ${loaded.problem.title}\n${loaded.problem.detail}`);
    showErrorWindow(configErrorPageUrl(loaded.problem.title, loaded.problem.detail), DISPLAY_BACKGROUND);
    return;
  }
  const settings = loaded.settings;
  const pageUrl = displayPageUrl(settings);
  const hubOrigin = new URL(pageUrl).origin;

  const win = createDisplayWindow(
    settings,
    chooseDisplayBounds(screen, settings.displayIndex, LOG_TAG),
    join(app.getAppPath(), 'dist', 'preload.cjs'),
  );
  installNavigationGuard(win, hubOrigin, LOG_TAG);
  trustHallCertificate(win.webContents.session, settings.hubUrl, settings.hubCertificate);
  registerDisplayBridge({
    settings,
    synthesize: lazySynthesize(settings.speech),
    isTrustedSender: createSenderCheck(win, hubOrigin),
  });
  const watchdog = installRelaunchWatchdog(win, {
    pageUrl,
    offlinePageUrl: offlinePageUrl(settings.language),
    logTag: LOG_TAG,
  });
  app.on('before-quit', watchdog.dispose);
  // A TV that blanks after the OS's idle minutes shows the hall nothing, though nobody ever touches it.
  powerSaveBlocker.start('prevent-display-sleep');
  setOpenAtLogin(settings.autoStart);
  watchdog.start();
}

bootShell({ logTag: LOG_TAG, userDataDir: 'giliran-display', start });
