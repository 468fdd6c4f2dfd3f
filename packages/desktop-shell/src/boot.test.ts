import { beforeEach, describe, expect, it, vi } from 'vitest';
import { bootShell, setOpenAtLogin } from './boot.ts';
import { app, emitApp, resetFakeElectron } from './testing/fake-electron.ts';

vi.mock('electron', () => import('./testing/fake-electron.ts'));

beforeEach(() => {
  resetFakeElectron();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

describe('bootShell', () => {
  it('fixes userData before taking the single-instance lock, then starts once ready', async () => {
    const start = vi.fn(() => Promise.resolve());
    bootShell({ logTag: 'display', userDataDir: 'giliran-display', start });
    expect(app.setPath).toHaveBeenCalledWith('userData', '/fake/appData/giliran-display');
    expect(app.setPath.mock.invocationCallOrder[0]).toBeLessThan(
      app.requestSingleInstanceLock.mock.invocationCallOrder[0] ?? 0,
    );
    await vi.waitFor(() => {
      expect(start).toHaveBeenCalledOnce();
    });
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('quits at once as a second instance, without starting', async () => {
    app.requestSingleInstanceLock.mockReturnValueOnce(false);
    const start = vi.fn(() => Promise.resolve());
    bootShell({ logTag: 'display', userDataDir: 'giliran-display', start });
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.whenReady).not.toHaveBeenCalled();
    await Promise.resolve();
    expect(start).not.toHaveBeenCalled();
  });

  it('quits when its last window closes', () => {
    bootShell({ logTag: 'kiosk', userDataDir: 'giliran-kiosk', start: () => Promise.resolve() });
    emitApp('window-all-closed');
    expect(app.quit).toHaveBeenCalledOnce();
  });

  it('exits with an error when starting fails', async () => {
    bootShell({
      logTag: 'kiosk',
      userDataDir: 'giliran-kiosk',
      start: () => Promise.reject(new Error('boom')),
    });
    await vi.waitFor(() => {
      expect(app.exit).toHaveBeenCalledWith(1);
    });
    expect(console.error).toHaveBeenCalledWith('[kiosk] failed to start:', expect.any(Error));
  });
});

describe('setOpenAtLogin', () => {
  it('registers an installed app on Windows and macOS', () => {
    app.isPackaged = true;
    expect(setOpenAtLogin(true, 'win32')).toBe(true);
    expect(setOpenAtLogin(false, 'darwin')).toBe(true);
    expect(app.setLoginItemSettings.mock.calls).toEqual([[{ openAtLogin: true }], [{ openAtLogin: false }]]);
  });

  it('leaves Linux and an unpackaged checkout alone', () => {
    app.isPackaged = true;
    expect(setOpenAtLogin(true, 'linux')).toBe(false);
    app.isPackaged = false;
    expect(setOpenAtLogin(true, 'win32')).toBe(false);
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
  });
});
