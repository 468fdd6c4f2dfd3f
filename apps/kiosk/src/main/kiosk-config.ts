import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { KioskConfig } from '@giliran/ui';
import { z } from 'zod';
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

const HubUrl = z
  .url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' })
  .refine((value) => {
    const url = new URL(value);
    return url.search === '' && url.hash === '';
  }, 'the hub URL must not carry a query or a #fragment')
  // The page is `${hubUrl}/kiosk`: a trailing slash would make it `//kiosk`.
  .transform((value) => {
    const url = new URL(value);
    return url.origin + url.pathname.replace(/\/+$/, '');
  });

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
  hubUrl: HubUrl,
  deviceToken: z.string().trim().min(1),
  language: z.enum(['id', 'en']).default('id'),
  /** Left out on a kiosk without its own printer: the page then reports every ticket as unprinted. */
  printer: PrinterSettings.optional(),
  devTools: z.boolean().default(false),
  /** Which screen (0-based, as the OS orders them) shows the kiosk; the primary one when left out. */
  displayIndex: z.number().int().min(0).optional(),
});
export type KioskSettings = z.infer<typeof KioskSettings>;

/** Shown instead of the kiosk page; `detail` never echoes the file's values, since the token is a secret. */
export interface ConfigProblem {
  readonly title: string;
  readonly detail: string;
}

export type ConfigLoad =
  | { readonly ok: true; readonly path: string; readonly settings: KioskSettings }
  | { readonly ok: false; readonly path: string; readonly problem: ConfigProblem };

// Page default when the kiosk has no printer, the same the browser kiosk falls back to.
const DEFAULT_PAPER_WIDTH = 80;

export function resolveConfigPath(
  env: Readonly<Record<string, string | undefined>>,
  userDataDir: string,
): string {
  const override = env[CONFIG_PATH_ENV]?.trim();
  return override ? override : join(userDataDir, CONFIG_FILE_NAME);
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

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

// V8's JSON messages may quote the text around the mistake, which can be the device token: keep the position only.
function jsonErrorPosition(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const line = /\(line (\d+) column (\d+)\)/.exec(message);
  if (line) return ` (baris ${line[1] ?? '?'}, kolom ${line[2] ?? '?'})`;
  const position = /at position (\d+)/.exec(message);
  return position ? ` (posisi ${position[1] ?? '?'})` : '';
}

const HOW_TO_FIX = `Buat atau perbaiki berkas itu lalu mulai ulang aplikasi kios, atau tunjuk berkas lain dengan variabel lingkungan ${CONFIG_PATH_ENV}.`;

/** Reads and checks the config file; every failure becomes a message for the screen, never an exception. */
export async function loadKioskSettings(path: string): Promise<ConfigLoad> {
  const fail = (title: string, detail: string): ConfigLoad => ({
    ok: false,
    path,
    problem: { title, detail: `${detail}\n\n${HOW_TO_FIX}` },
  });
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = errorCode(error) ?? 'unknown error';
    if (code === 'ENOENT') {
      return fail(
        'Konfigurasi kios belum ada',
        `Berkas ${path} tidak ditemukan. Contoh isinya:\n${JSON.stringify(EXAMPLE_CONFIG, null, 2)}`,
      );
    }
    return fail('Konfigurasi kios tidak dapat dibaca', `Berkas ${path} tidak dapat dibaca (${code}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail('Konfigurasi kios rusak', `Berkas ${path} bukan JSON yang sah${jsonErrorPosition(error)}.`);
  }
  const parsed = KioskSettings.safeParse(json);
  if (!parsed.success) {
    return fail(
      'Konfigurasi kios tidak sah',
      `Isi berkas ${path} tidak sesuai:\n${z.prettifyError(parsed.error)}`,
    );
  }
  return { ok: true, path, settings: parsed.data };
}
