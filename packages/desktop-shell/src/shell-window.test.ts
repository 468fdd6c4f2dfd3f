import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  chooseDisplayBounds,
  createShellWindow,
  loadPage,
  shellWindowOptions,
  showErrorWindow,
  type ShellWindowSpec,
} from './shell-window.ts';
import {
  asWindow,
  fakeEvent,
  FakeBrowserWindow,
  Menu,
  PRIMARY_DISPLAY,
  resetFakeElectron,
  screen,
} from './testing/fake-electron.ts';

vi.mock('electron', () => import('./testing/fake-electron.ts'));

const SPEC: ShellWindowSpec = {
  preloadPath: '/app/dist/preload.cjs',
  devTools: false,
  backgroundColor: '#101010',
  title: 'Giliran',
};

beforeEach(() => {
  resetFakeElectron();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('shellWindowOptions', () => {
  it('isolates and sandboxes the renderer, without Node, and fills the screen without frame or menu', () => {
    expect(shellWindowOptions(SPEC)).toEqual({
      kiosk: true,
      fullscreen: true,
      frame: false,
      autoHideMenuBar: true,
      backgroundColor: '#101010',
      title: 'Giliran',
      webPreferences: {
        preload: '/app/dist/preload.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        devTools: false,
        spellcheck: false,
      },
    });
  });

  it('covers the given monitor', () => {
    const bounds = { x: -1080, y: 200, width: 1080, height: 1920 };
    expect(shellWindowOptions({ ...SPEC, bounds })).toMatchObject(bounds);
  });
});

describe('createShellWindow', () => {
  const create = (devTools = false): FakeBrowserWindow => {
    createShellWindow(shellWindowOptions({ ...SPEC, devTools }));
    const win = FakeBrowserWindow.instances.at(-1);
    if (!win) throw new Error('no window');
    return win;
  };

  it('removes the application menu and creates the window with the options given', () => {
    const options = shellWindowOptions(SPEC);
    const win = createShellWindow(options);
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(FakeBrowserWindow.instances[0]?.options).toBe(options);
    expect(win.webContents).toBe(FakeBrowserWindow.instances[0]?.webContents);
  });

  it('turns pinch-zoom off, again after every load', () => {
    const contents = create().webContents;
    expect(contents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
    contents.emit('did-finish-load');
    expect(contents.setVisualZoomLevelLimits).toHaveBeenCalledTimes(2);
  });

  it('swallows zoom shortcuts but lets other keys through', () => {
    const contents = create().webContents;
    const swallowed = (input: { key: string; control?: boolean; meta?: boolean }): boolean => {
      const event = fakeEvent({});
      contents.emit('before-input-event', event, { control: false, meta: false, ...input });
      return event.defaultPrevented;
    };
    expect(['+', '-', '=', '0'].map((key) => swallowed({ key, control: true }))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(swallowed({ key: '0', meta: true })).toBe(true);
    expect(swallowed({ key: '+' })).toBe(false);
    expect(swallowed({ key: 'a', control: true })).toBe(false);
  });

  it('toggles DevTools on F12 only when the options allow them', () => {
    const f12 = (win: FakeBrowserWindow): FakeBrowserWindow => {
      const input = { type: 'keyDown', key: 'F12', control: false, meta: false };
      win.webContents.emit('before-input-event', fakeEvent({}), input);
      return win;
    };
    expect(f12(create(true)).webContents.toggleDevTools).toHaveBeenCalledOnce();
    expect(f12(create(false)).webContents.toggleDevTools).not.toHaveBeenCalled();
  });
});

describe('loadPage', () => {
  it('spends a failed load (did-fail-load reports it) and skips a destroyed window', async () => {
    const win = new FakeBrowserWindow();
    win.loadURL.mockRejectedValueOnce(new Error('ERR_CONNECTION_REFUSED'));
    loadPage(asWindow(win), 'http://hub/page');
    await Promise.resolve();
    win.destroyed = true;
    loadPage(asWindow(win), 'http://hub/page');
    expect(win.loadURL).toHaveBeenCalledTimes(1);
  });
});

describe('chooseDisplayBounds', () => {
  const side = { id: 2, bounds: { x: 1920, y: 0, width: 3840, height: 2160 } };
  const primary = { id: 3, bounds: { x: -1280, y: 0, width: 1280, height: 1024 } };

  beforeEach(() => {
    screen.displays = [PRIMARY_DISPLAY, side, primary];
    screen.primary = primary;
  });

  it('takes the monitor at that index, as the OS orders them', () => {
    expect(chooseDisplayBounds(screen, 1)).toEqual(side.bounds);
    expect(chooseDisplayBounds(screen, 0)).toEqual(PRIMARY_DISPLAY.bounds);
  });

  it('falls back to the primary monitor when none is chosen or the chosen one is missing', () => {
    expect(chooseDisplayBounds(screen, undefined)).toEqual(primary.bounds);
    expect(console.warn).not.toHaveBeenCalled();
    expect(chooseDisplayBounds(screen, 3, 'display')).toEqual(primary.bounds);
    expect(console.warn).toHaveBeenCalledWith('[display] no display 3; using the primary display');
  });
});

describe('showErrorWindow', () => {
  it('shows the page in a window without preload or script', () => {
    showErrorWindow('data:text/html,problem', '#000000');
    const win = FakeBrowserWindow.instances[0];
    expect(win?.options.webPreferences).toEqual({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
    });
    expect(win?.options).toMatchObject({ kiosk: true, backgroundColor: '#000000' });
    expect(win?.loadURL).toHaveBeenCalledWith('data:text/html,problem');
  });
});
