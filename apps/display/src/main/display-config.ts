import type { DisplayShellConfig } from '@giliran/ui';
import { z } from 'zod';
import {
  loadConfigFile,
  resolveConfigPath,
  SHELL_SETTINGS,
  type ConfigFileLoad,
  type TokenVault,
} from '@giliran/desktop-shell/config-file.ts';

/** Overrides where the config file is read from (a test rig, or several displays sharing one image). */
export const CONFIG_PATH_ENV = 'GILIRAN_DISPLAY_CONFIG';
export const CONFIG_FILE_NAME = 'display.json';

/** The speech engines this PC may use, tried in the configured order; the hub's site file names the same. */
export const SPEECH_ENGINES = ['say', 'espeak', 'clips'] as const;
export type SpeechEngineName = (typeof SPEECH_ENGINES)[number];

/** Shown when display.json is missing: a TV on the second monitor, for one zone, with its speech engines. */
export const EXAMPLE_CONFIG = {
  hubUrl: 'http://192.168.1.10:8080',
  displayIndex: 1,
  deviceToken: '<token layar dari admin>',
  agencies: ['disdukcapil'],
  speech: { engines: ['say', 'espeak'] },
} as const;

// The page reads the zone as comma-separated lists, so an id must not contain one.
const ZoneIds = z.array(
  z
    .string()
    .trim()
    .min(1)
    .refine((id) => !id.includes(','), 'an id must not contain a comma'),
);

const SpeechSettings = z.strictObject({
  engines: z
    .array(z.enum(SPEECH_ENGINES))
    .min(1)
    .refine((engines) => new Set(engines).size === engines.length, 'each engine at most once')
    .default([...SPEECH_ENGINES]),
  /** Folder of recorded clips (`<token>.wav`) for the `clips` engine, which is skipped without one. */
  clipsFolder: z.string().trim().min(1).optional(),
});

// Strict: a misspelt key ("displayindex") is an error on screen, not a TV that silently shows the wrong thing.
export const DisplaySettings = z.strictObject({
  ...SHELL_SETTINGS,
  /** The zone: agencies and counters whose calls this TV shows; all of them when left out. */
  agencies: ZoneIds.optional(),
  counters: ZoneIds.optional(),
  /** Start at login (Windows, macOS); a TV in a hall is switched on, not operated. */
  autoStart: z.boolean().default(true),
  speech: SpeechSettings.prefault({}),
});
export type DisplaySettings = z.infer<typeof DisplaySettings>;
export type SpeechSettings = DisplaySettings['speech'];

export type DisplayConfigLoad = ConfigFileLoad<DisplaySettings>;

export function resolveDisplayConfigPath(
  env: Readonly<Record<string, string | undefined>>,
  userDataDir: string,
): string {
  return resolveConfigPath(env, userDataDir, { envVar: CONFIG_PATH_ENV, fileName: CONFIG_FILE_NAME });
}

/** Reads and checks the config file; every failure becomes a message for the screen, never an exception. */
export function loadDisplaySettings(path: string, vault?: TokenVault): Promise<DisplayConfigLoad> {
  return loadConfigFile(
    path,
    {
      schema: DisplaySettings,
      deviceName: 'layar antrean',
      envVar: CONFIG_PATH_ENV,
      fileName: CONFIG_FILE_NAME,
      example: EXAMPLE_CONFIG,
    },
    vault,
  );
}

/** What the page gets from `getConfig()`: the fields of its URL, and nothing about speech or the monitor. */
export function displayPageConfig(settings: DisplaySettings): DisplayShellConfig {
  return {
    hubUrl: settings.hubUrl,
    token: settings.deviceToken,
    lang: settings.language,
    zone: { agencyIds: settings.agencies ?? [], counterIds: settings.counters ?? [] },
  };
}
