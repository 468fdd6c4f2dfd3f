import type { CounterAction, CounterShellConfig } from '@giliran/ui';
import { z } from 'zod';
import {
  loadConfigFile,
  resolveConfigPath,
  SHELL_SETTINGS,
  type ConfigFileLoad,
  type TokenVault,
} from '@giliran/desktop-shell/config-file.ts';
import { COUNTER_ACTIONS as ACTIONS } from '@giliran/ui/counter-bridge';
import { CounterId } from './counter-state.ts';

/** Overrides where the config file is read from (a test rig, or several counters sharing one image). */
export const CONFIG_PATH_ENV = 'GILIRAN_COUNTER_CONFIG';
export const CONFIG_FILE_NAME = 'counter.json';

export type Shortcuts = Readonly<Partial<Record<CounterAction, string>>>;

/**
 * Global shortcuts out of the box. Control+Alt keeps clear of the copy/paste keys officers use in other
 * programs. Transfer and call-specific have none: each needs a choice on screen (a service, a ticket) anyway.
 */
export const DEFAULT_SHORTCUTS = {
  'call-next': 'Control+Alt+N',
  recall: 'Control+Alt+U',
  step: 'Control+Alt+M',
  finish: 'Control+Alt+S',
  'no-show': 'Control+Alt+T',
  pause: 'Control+Alt+J',
  resume: 'Control+Alt+L',
} as const satisfies Shortcuts;

/** Shown when counter.json is missing: the hub, and one shortcut moved off a key another program uses. */
export const EXAMPLE_CONFIG = {
  hubUrl: 'http://192.168.1.10:8080',
  language: 'id',
  shortcuts: { 'call-next': 'F9' },
} as const;

/**
 * Only the shape: keys joined by `+`, no spaces. Whether Electron knows each key is its own check at
 * registration, where an unknown one is logged and skipped rather than stopping the app.
 */
const Accelerator = z
  .string()
  .trim()
  .regex(/^[^\s+]+(?:\+[^\s+]+)*$/, 'expected an Electron accelerator such as "Control+Alt+N"');

/** Each action's accelerator over the default; null turns a default off (its keys belong to another program). */
const ShortcutOverrides = z.partialRecord(z.enum(ACTIONS), Accelerator.nullable());

function withDefaults(overrides: z.infer<typeof ShortcutOverrides>): Shortcuts {
  const merged: Partial<Record<CounterAction, string | null>> = { ...DEFAULT_SHORTCUTS, ...overrides };
  const shortcuts: Partial<Record<CounterAction, string>> = {};
  for (const action of ACTIONS) {
    const accelerator = merged[action];
    if (typeof accelerator === 'string') shortcuts[action] = accelerator;
  }
  return shortcuts;
}

// One key combination can trigger one action only: the second registration would fail anyway, less visibly.
const distinct = (shortcuts: Shortcuts): boolean => {
  const keys = Object.values(shortcuts).map((accelerator) => accelerator.toLowerCase());
  return new Set(keys).size === keys.length;
};

const ShortcutSettings = ShortcutOverrides.prefault({})
  .transform(withDefaults)
  .refine(distinct, 'each accelerator at most once');

// Strict: a misspelt key ("shortcut") is an error on screen, not a setting silently ignored.
export const CounterSettings = z.strictObject({
  hubUrl: SHELL_SETTINGS.hubUrl,
  language: SHELL_SETTINGS.language,
  devTools: SHELL_SETTINGS.devTools,
  hubCertificate: SHELL_SETTINGS.hubCertificate,
  /** A PC that stays at one counter: offered at sign-in until an officer signs in somewhere (counter-state.json). */
  counterId: CounterId.optional(),
  shortcuts: ShortcutSettings,
});
export type CounterSettings = z.infer<typeof CounterSettings>;

export type CounterConfigLoad = ConfigFileLoad<CounterSettings>;

export function resolveCounterConfigPath(
  env: Readonly<Record<string, string | undefined>>,
  userDataDir: string,
): string {
  return resolveConfigPath(env, userDataDir, { envVar: CONFIG_PATH_ENV, fileName: CONFIG_FILE_NAME });
}

/** Reads and checks the config file; every failure becomes a message for the screen, never an exception. */
export function loadCounterSettings(path: string, vault?: TokenVault): Promise<CounterConfigLoad> {
  return loadConfigFile(
    path,
    {
      schema: CounterSettings,
      deviceName: 'aplikasi loket',
      envVar: CONFIG_PATH_ENV,
      fileName: CONFIG_FILE_NAME,
      example: EXAMPLE_CONFIG,
    },
    vault,
  );
}

/** What the page gets from `getConfig()`: the counter remembered last wins over the technician's preset. */
export function counterPageConfig(settings: CounterSettings, remembered: string | null): CounterShellConfig {
  return {
    hubUrl: settings.hubUrl,
    lang: settings.language,
    counterId: remembered ?? settings.counterId ?? null,
    shortcuts: settings.shortcuts,
  };
}
