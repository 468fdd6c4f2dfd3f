/**
 * Just enough of Electron for the shells' unit tests, used as `vi.mock('electron', () => import(this file))`.
 * Only Electron is faked: the modules under test run for real. Each fake keeps what a test needs to look at
 * (handlers, options, exposed APIs) and `resetFakeElectron()` forgets it between tests.
 */
import { EventEmitter } from 'node:events';
import type {
  BrowserWindow as RealBrowserWindow,
  BrowserWindowConstructorOptions,
  IpcMainInvokeEvent,
  Rectangle,
  WindowOpenHandlerResponse,
} from 'electron';
import { vi } from 'vitest';

export class FakeWebFrame {
  constructor(
    readonly url: string,
    readonly parent: FakeWebFrame | null = null,
  ) {}

  get origin(): string {
    try {
      return new URL(this.url).origin;
    } catch {
      return 'null';
    }
  }
}

type WindowOpenHandler = (details: { url: string }) => WindowOpenHandlerResponse;
type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  readonly setPermissionRequestHandler = vi.fn((handler: PermissionRequestHandler | null): void => {
    this.permissionRequestHandler = handler;
  });
}

/** A cancellable event as Electron passes it to `will-navigate` and friends. */
export function fakeEvent<T extends object>(
  fields: T,
): T & { preventDefault: () => void; defaultPrevented: boolean } {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault: () => {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export class FakeWebContents extends EventEmitter {
  mainFrame = new FakeWebFrame('about:blank');
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly session = new FakeSession();
  readonly loadURL = vi.fn((url: string): Promise<void> => {
    this.mainFrame = new FakeWebFrame(url);
    return Promise.resolve();
  });
  readonly getURL = vi.fn((): string => this.mainFrame.url);
  readonly reload = vi.fn();
  readonly toggleDevTools = vi.fn();
  readonly insertCSS = vi.fn((_css: string, _options?: { cssOrigin?: string }): Promise<string> =>
    Promise.resolve('css-key'),
  );
  readonly setVisualZoomLevelLimits = vi.fn((): Promise<void> => Promise.resolve());
  readonly setWindowOpenHandler = vi.fn((handler: WindowOpenHandler): void => {
    this.windowOpenHandler = handler;
  });
  /** Main → renderer messages; tests read the calls. */
  readonly send = vi.fn((_channel: string, ..._args: unknown[]): void => undefined);
  // As documented: killing the renderer emits `render-process-gone` with reason `killed`.
  readonly forcefullyCrashRenderer = vi.fn((): void => {
    this.emit('render-process-gone', fakeEvent({}), { reason: 'killed', exitCode: 0 });
  });
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  destroyed = false;

  constructor(readonly options: BrowserWindowConstructorOptions = {}) {
    super();
    FakeBrowserWindow.instances.push(this);
  }

  minimized = false;

  readonly isDestroyed = vi.fn((): boolean => this.destroyed);
  readonly isMinimized = vi.fn((): boolean => this.minimized);
  readonly restore = vi.fn((): void => {
    this.minimized = false;
  });
  readonly focus = vi.fn();
  readonly loadURL = vi.fn((url: string): Promise<void> => this.webContents.loadURL(url));
}

type InvokeHandler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle: vi.fn((channel: string, handler: InvokeHandler): void => {
    // Electron refuses a second handler for a channel; so does the fake, to catch double registration.
    if (ipcMain.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string): void => {
    ipcMain.handlers.delete(channel);
  }),
  /** Test helper: what `ipcRenderer.invoke` would get, a thrown handler error becoming a rejection. */
  invoke: async (channel: string, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> => {
    const handler = ipcMain.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return await handler(event, ...args);
  },
};

type Listener = (...args: unknown[]) => unknown;

export const app = {
  /** `app.on` listeners by event, for `emitApp`. */
  listeners: new Map<string, Listener[]>(),
  isPackaged: false,
  relaunch: vi.fn(),
  exit: vi.fn(),
  quit: vi.fn(),
  getPath: vi.fn((name: string): string => `/fake/${name}`),
  setPath: vi.fn(),
  getAppPath: vi.fn((): string => '/fake/app'),
  whenReady: vi.fn((): Promise<void> => Promise.resolve()),
  requestSingleInstanceLock: vi.fn((): boolean => true),
  setLoginItemSettings: vi.fn(),
  on: vi.fn((event: string, listener: Listener): typeof app => {
    app.listeners.set(event, [...(app.listeners.get(event) ?? []), listener]);
    return app;
  }),
};

/** Test helper: what Electron does when `app` emits `event`. */
export function emitApp(event: string, ...args: unknown[]): void {
  for (const listener of app.listeners.get(event) ?? []) listener(...args);
}

export interface FakeDisplay {
  readonly id: number;
  readonly bounds: Rectangle;
}

export const PRIMARY_DISPLAY: FakeDisplay = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };

/** The monitors as the OS orders them; tests replace `displays` and `primary`. */
export const screen = {
  displays: [PRIMARY_DISPLAY] as readonly FakeDisplay[],
  primary: PRIMARY_DISPLAY,
  getAllDisplays: vi.fn((): readonly FakeDisplay[] => screen.displays),
  getPrimaryDisplay: vi.fn((): FakeDisplay => screen.primary),
};

export const powerSaveBlocker = {
  start: vi.fn((_type: 'prevent-app-suspension' | 'prevent-display-sleep'): number => 7),
  stop: vi.fn(),
};

export const Menu = { setApplicationMenu: vi.fn() };

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld: vi.fn((key: string, api: unknown): void => {
    contextBridge.exposed.set(key, api);
  }),
};

type RendererListener = (event: unknown, ...args: unknown[]) => void;

const rendererEvents = new EventEmitter();

export const ipcRenderer = {
  invoke: vi.fn((..._args: unknown[]): Promise<unknown> => Promise.resolve(undefined)),
  on: vi.fn((channel: string, listener: RendererListener): typeof ipcRenderer => {
    rendererEvents.on(channel, listener);
    return ipcRenderer;
  }),
  removeListener: vi.fn((channel: string, listener: RendererListener): typeof ipcRenderer => {
    rendererEvents.removeListener(channel, listener);
    return ipcRenderer;
  }),
  /** Test helper: main sends `args` on `channel` (`webContents.send`), as the preload's listeners get it. */
  deliver: (channel: string, ...args: unknown[]): void => {
    rendererEvents.emit(channel, { sender: ipcRenderer }, ...args);
  },
  /** Test helper: how many listeners the preload has on `channel`. */
  listenerCount: (channel: string): number => rendererEvents.listenerCount(channel),
};

/**
 * Like Electron: `register` answers false for an accelerator already taken (tests take one with
 * `takenByOthers`) and throws a TypeError for one it cannot parse (tests name those in `unparsable`).
 */
export const globalShortcut = {
  registered: new Map<string, () => void>(),
  takenByOthers: new Set<string>(),
  unparsable: new Set<string>(),
  register: vi.fn((accelerator: string, callback: () => void): boolean => {
    if (globalShortcut.unparsable.has(accelerator)) {
      throw new TypeError(`Error processing argument at index 0, conversion failure from ${accelerator}`);
    }
    if (globalShortcut.takenByOthers.has(accelerator) || globalShortcut.registered.has(accelerator)) {
      return false;
    }
    globalShortcut.registered.set(accelerator, callback);
    return true;
  }),
  unregisterAll: vi.fn((): void => {
    globalShortcut.registered.clear();
  }),
  /** Test helper: the user presses `accelerator` anywhere on the desktop. */
  press: (accelerator: string): void => {
    globalShortcut.registered.get(accelerator)?.();
  },
};

/**
 * Electron's safeStorage with a reversible stand-in for the OS key store: the sealed bytes are the text in base64
 * behind a marker, so a test can see that the file no longer holds the token. `backend` and `available` as the OS
 * would set them (Linux without a keyring: `basic_text`); `otherMachine` makes decryption fail, as on another PC.
 */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as string,
  otherMachine: false,
  isEncryptionAvailable: vi.fn((): boolean => safeStorage.available),
  getSelectedStorageBackend: vi.fn((): string => safeStorage.backend),
  encryptString: vi.fn((plain: string): Buffer => {
    if (!safeStorage.available) throw new Error('Encryption is not available.');
    return Buffer.from(`sealed:${Buffer.from(plain).toString('base64')}`);
  }),
  decryptString: vi.fn((sealed: Buffer): string => {
    const text = sealed.toString();
    if (safeStorage.otherMachine || !text.startsWith('sealed:'))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice('sealed:'.length), 'base64').toString();
  }),
};

export { FakeBrowserWindow as BrowserWindow };

/** The fake as the type the code under test expects. */
export function asWindow(win: FakeBrowserWindow): RealBrowserWindow {
  return win as unknown as RealBrowserWindow;
}

/** An `invoke` event from `frame` of `win`'s page (the main frame unless told otherwise). */
export function invokeEvent(
  win: FakeBrowserWindow,
  frame: FakeWebFrame | null = win.webContents.mainFrame,
): IpcMainInvokeEvent {
  return { sender: win.webContents, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

export function resetFakeElectron(): void {
  FakeBrowserWindow.instances.length = 0;
  ipcMain.handlers.clear();
  contextBridge.exposed.clear();
  rendererEvents.removeAllListeners();
  globalShortcut.registered.clear();
  globalShortcut.takenByOthers.clear();
  globalShortcut.unparsable.clear();
  app.listeners.clear();
  app.isPackaged = false;
  screen.displays = [PRIMARY_DISPLAY];
  screen.primary = PRIMARY_DISPLAY;
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  safeStorage.otherMachine = false;
  const fakes = [
    app,
    Menu,
    contextBridge,
    ipcRenderer,
    ipcMain,
    screen,
    powerSaveBlocker,
    globalShortcut,
    safeStorage,
  ];
  for (const fake of fakes) {
    for (const member of Object.values(fake)) {
      // Back to the implementation given to `vi.fn`, dropping calls and any per-test override.
      if (vi.isMockFunction(member)) member.mockReset();
    }
  }
}
