import type { CounterAction } from '@giliran/ui';
import { globalShortcut, type BrowserWindow } from 'electron';
import { isHubUrl } from '@giliran/desktop-shell/navigation-guard.ts';
import { COUNTER_ACTIONS as ACTIONS } from '@giliran/ui/counter-bridge';
import { COUNTER_CHANNELS } from '../shared/ipc-channels.ts';
import type { Shortcuts } from './counter-config.ts';

export interface CounterShortcutsOptions {
  readonly shortcuts: Shortcuts;
  /** Presses go to the hub's page only, never to the local offline page or anything else in the window. */
  readonly hubOrigin: string;
  readonly logTag?: string;
}

export interface CounterShortcuts {
  /** The actions whose accelerator the OS gave us, in the page's order. */
  readonly registered: readonly CounterAction[];
  /** Gives every global shortcut back to the OS; for quitting. */
  readonly dispose: () => void;
}

/**
 * Electron answers false for keys another program holds, and throws for an accelerator it cannot parse;
 * either way the app runs on without that shortcut, and the page's button still works.
 */
function tryRegister(accelerator: string, onPress: () => void, what: string): boolean {
  try {
    if (globalShortcut.register(accelerator, onPress)) return true;
    console.warn(`${what}: ${accelerator} is taken by another program; skipped`);
  } catch (error) {
    console.warn(`${what}: ${accelerator} is not a valid accelerator; skipped`, error);
  }
  return false;
}

/**
 * Registers each configured accelerator as a global shortcut (the window need not have focus: the officer may
 * be typing in another program) and sends its action to the page.
 */
export function registerCounterShortcuts(
  win: BrowserWindow,
  options: CounterShortcutsOptions,
): CounterShortcuts {
  const tag = `[${options.logTag ?? 'counter'}]`;

  const send = (action: CounterAction): void => {
    if (win.isDestroyed()) return;
    const contents = win.webContents;
    if (!isHubUrl(contents.getURL(), options.hubOrigin)) {
      console.warn(`${tag} shortcut ${action} pressed while the hub page is not shown; ignored`);
      return;
    }
    contents.send(COUNTER_CHANNELS.onShortcut, action);
  };

  const registered = ACTIONS.filter((action) => {
    const accelerator = options.shortcuts[action];
    if (accelerator === undefined) return false;
    return tryRegister(
      accelerator,
      () => {
        send(action);
      },
      `${tag} shortcut ${action}`,
    );
  });

  return {
    registered,
    dispose: () => {
      globalShortcut.unregisterAll();
    },
  };
}
