import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  asWindow,
  FakeBrowserWindow,
  globalShortcut,
  resetFakeElectron,
} from '@giliran/desktop-shell/testing/fake-electron.ts';
import { COUNTER_CHANNELS } from '../shared/ipc-channels.ts';
import { counterSettings } from '../testing/settings.ts';
import { DEFAULT_SHORTCUTS, type Shortcuts } from './counter-config.ts';
import { registerCounterShortcuts } from './counter-shortcuts.ts';

vi.mock('electron', () => import('@giliran/desktop-shell/testing/fake-electron.ts'));

const HUB = 'http://hub.mpp.local:8080';

let win: FakeBrowserWindow;

beforeEach(() => {
  resetFakeElectron();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  win = new FakeBrowserWindow();
  void win.loadURL(`${HUB}/counter?lang=id`);
});

const register = (shortcuts: Shortcuts): ReturnType<typeof registerCounterShortcuts> =>
  registerCounterShortcuts(asWindow(win), { shortcuts, hubOrigin: HUB, logTag: 'counter' });

describe('registerCounterShortcuts', () => {
  it('registers each configured accelerator, in the page order', () => {
    const shortcuts = counterSettings({ shortcuts: { transfer: 'Control+Alt+P' } }).shortcuts;
    const registered = register(shortcuts);
    expect(registered.registered).toEqual([
      'call-next',
      'recall',
      'step',
      'finish',
      'no-show',
      'transfer',
      'pause',
      'resume',
    ]);
    expect([...globalShortcut.registered.keys()].sort()).toEqual(
      [...Object.values(DEFAULT_SHORTCUTS), 'Control+Alt+P'].sort(),
    );
  });

  it('sends the action of a pressed shortcut to the page, and nothing else', () => {
    register(DEFAULT_SHORTCUTS);
    globalShortcut.press('Control+Alt+N');
    globalShortcut.press('Control+Alt+S');
    expect(win.webContents.send.mock.calls).toEqual([
      [COUNTER_CHANNELS.onShortcut, 'call-next'],
      [COUNTER_CHANNELS.onShortcut, 'finish'],
    ]);
  });

  it('skips and logs a shortcut another program holds, and one Electron cannot parse', () => {
    globalShortcut.takenByOthers.add('Control+Alt+U');
    globalShortcut.unparsable.add('Hyper+N');
    const registered = register({ 'call-next': 'Hyper+N', recall: 'Control+Alt+U', finish: 'F9' });
    expect(registered.registered).toEqual(['finish']);
    expect(console.warn).toHaveBeenCalledWith(
      '[counter] shortcut recall: Control+Alt+U is taken by another program; skipped',
    );
    expect(console.warn).toHaveBeenCalledWith(
      '[counter] shortcut call-next: Hyper+N is not a valid accelerator; skipped',
      expect.any(TypeError),
    );
    globalShortcut.press('F9');
    expect(win.webContents.send).toHaveBeenCalledWith(COUNTER_CHANNELS.onShortcut, 'finish');
  });

  it('drops a press while the offline page shows, or after the window is gone', () => {
    register(DEFAULT_SHORTCUTS);
    void win.loadURL('data:text/html;charset=utf-8,offline');
    globalShortcut.press('Control+Alt+N');
    expect(console.warn).toHaveBeenCalledWith(
      '[counter] shortcut call-next pressed while the hub page is not shown; ignored',
    );
    win.destroyed = true;
    globalShortcut.press('Control+Alt+N');
    expect(win.webContents.send).not.toHaveBeenCalled();
  });

  it('gives every shortcut back to the OS on dispose', () => {
    const shortcuts = register(DEFAULT_SHORTCUTS);
    shortcuts.dispose();
    expect(globalShortcut.unregisterAll).toHaveBeenCalledOnce();
    expect(globalShortcut.registered.size).toBe(0);
  });
});
