import type { KioskConfig } from '@giliran/ui';
import { z } from 'zod';
import {
  loadConfigFile,
  resolveConfigPath as resolveShellConfigPath,
  SHELL_SETTINGS,
  type ConfigFileLoad,
  type TokenVault,
} from '@giliran/desktop-shell/config-file.ts';
import { parsePrinterTarget } from './printer-target.ts';

/** Overrides where the config file is read from (a test rig, or several kiosks sharing one image). */
export const CONFIG_PATH_ENV = 'GILIRAN_KIOSK_CONFIG';
export const CONFIG_FILE_NAME = 'kiosk.json';

/** What an installer writes; shown on the error page so a technician can copy it. */
export const EXAMPLE_CONFIG = {
  hubUrl: 'http://192.168.1.10:8080',
  deviceToken: '<token perangkat dari admin>',
  language: 'id',
  printer: { interface: 'tcp://192.168.1.50:9100', paperWidth: 80 },
} as const;

const PrinterSettings = z.strictObject({
  interface: z
    .string()
    .trim()
    .refine(
      (value) => parsePrinterTarget(value) !== null,
      'expected tcp://host:port or a device path such as /dev/usb/lp0',
    ),
  paperWidth: z.union([z.literal(58), z.literal(80)], { error: 'expected 58 or 80 (mm)' }),
});

// Strict: a misspelt key ("printerInterface") is an error on screen, not a kiosk that silently never prints.
export const KioskSettings = z.strictObject({
  ...SHELL_SETTINGS,
  /** Left out on a kiosk without its own printer: the page then reports every ticket as unprinted. */
  printer: PrinterSettings.optional(),
});
export type KioskSettings = z.infer<typeof KioskSettings>;

export type ConfigLoad = ConfigFileLoad<KioskSettings>;

// Page default when the kiosk has no printer, the same the browser kiosk falls back to.
const DEFAULT_PAPER_WIDTH = 80;

export function resolveConfigPath(
  env: Readonly<Record<string, string | undefined>>,
  userDataDir: string,
): string {
  return resolveShellConfigPath(env, userDataDir, { envVar: CONFIG_PATH_ENV, fileName: CONFIG_FILE_NAME });
}

/** The part of the settings the page needs, and no more: the printer's address stays in main. */
export function pageConfig(settings: KioskSettings): KioskConfig {
  return {
    hubUrl: settings.hubUrl,
    deviceToken: settings.deviceToken,
    language: settings.language,
    paperWidth: settings.printer?.paperWidth ?? DEFAULT_PAPER_WIDTH,
  };
}

/** Reads and checks the config file; every failure becomes a message for the screen, never an exception. */
export function loadKioskSettings(path: string, vault?: TokenVault): Promise<ConfigLoad> {
  return loadConfigFile(
    path,
    {
      schema: KioskSettings,
      deviceName: 'kios',
      envVar: CONFIG_PATH_ENV,
      fileName: CONFIG_FILE_NAME,
      example: EXAMPLE_CONFIG,
    },
    vault,
  );
}
