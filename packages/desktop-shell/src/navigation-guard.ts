import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { urlForLog } from './log-url.ts';

/** Whether an IPC request comes from the shell's own page; the bridges check it before anything else. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** `false` for anything unparsable and for opaque origins (file:, data:, about:), which are never the hub. */
export function isHubUrl(url: string, hubOrigin: string): boolean {
  try {
    return new URL(url).origin === hubOrigin;
  } catch {
    return false;
  }
}

/**
 * Keeps a shell window on the hub: a public screen must never become a browser. Navigation and redirects
 * elsewhere are cancelled, popups and <webview> refused. The main process's own `loadURL` (the local offline
 * and error pages) does not pass through `will-navigate`, so it stays possible. `logTag` names the shell.
 */
export function installNavigationGuard(win: BrowserWindow, hubOrigin: string, logTag = 'shell'): void {
  const contents = win.webContents;
  const keepOnHub = (event: { readonly url: string; preventDefault(): void }, kind: string): void => {
    if (isHubUrl(event.url, hubOrigin)) return;
    event.preventDefault();
    console.warn(`[${logTag}] blocked ${kind} to ${urlForLog(event.url)}`);
  };
  contents.on('will-navigate', (event) => {
    keepOnHub(event, 'navigation');
  });
  contents.on('will-redirect', (event) => {
    keepOnHub(event, 'redirect');
  });
  // Even a same-origin window would open over the shell's page with no way back for the citizen.
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`[${logTag}] blocked window.open of ${urlForLog(url)}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  // Nobody stands at a kiosk or a TV to answer a camera, location or notification prompt: all are refused.
  contents.session.setPermissionRequestHandler((_contents, permission, callback) => {
    console.warn(`[${logTag}] refused permission ${permission}`);
    callback(false);
  });
}

/**
 * Like electron/fiddle's ipc.ts: IPC counts only when it comes from the shell window's top frame showing a hub
 * page. An iframe, a popup or a page that got there some other way (the local offline page included) gets
 * nothing: the bridges hand out the device token and drive the printer or the speech engines.
 */
export function createSenderCheck(win: BrowserWindow, hubOrigin: string): SenderCheck {
  return (event) => {
    if (win.isDestroyed() || event.sender !== win.webContents) return false;
    const frame = event.senderFrame;
    // A frame without a parent is the top frame, i.e. the window's main frame: iframes are refused here.
    if (frame === null || frame.parent !== null) return false;
    return frame.origin === hubOrigin && isHubUrl(frame.url, hubOrigin);
  };
}
