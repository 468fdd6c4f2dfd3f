import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { HubCertificate } from './hall-certificate.ts';

/** The hub's base address; normalised without a trailing slash, since pages are `${hubUrl}/kiosk` and the like. */
export const HubUrl = z
  .url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' })
  .refine((value) => {
    const url = new URL(value);
    return url.search === '' && url.hash === '';
  }, 'the hub URL must not carry a query or a #fragment')
  .transform((value) => {
    const url = new URL(value);
    return url.origin + url.pathname.replace(/\/+$/, '');
  });

/** What every shell's config file has; each shell adds its own fields in a strict object. */
export const SHELL_SETTINGS = {
  hubUrl: HubUrl,
  deviceToken: z.string().trim().min(1),
  language: z.enum(['id', 'en']).default('id'),
  devTools: z.boolean().default(false),
  /** Which screen (0-based, as the OS orders them) shows the shell; the primary one when left out. */
  displayIndex: z.number().int().min(0).optional(),
  /** The SHA-256 fingerprint of the hall hub's own HTTPS certificate, trusted for the hub alone (hall-certificate.ts). */
  hubCertificate: HubCertificate.optional(),
};

/** Where one shell keeps its config file. */
export interface ConfigLocation {
  /** Overrides where the file is read from (a test rig, or several machines sharing one image). */
  readonly envVar: string;
  /** The file in userData otherwise. */
  readonly fileName: string;
}

export interface ConfigFileSpec<T> extends ConfigLocation {
  readonly schema: z.ZodType<T>;
  /** The machine as the messages name it: "Konfigurasi <kios> belum ada". */
  readonly deviceName: string;
  /** What an installer writes; shown when the file is missing, so a technician can copy it. */
  readonly example: unknown;
}

/** Shown instead of the hub page; `detail` never echoes the file's values, since the token is a secret. */
export interface ConfigProblem {
  readonly title: string;
  readonly detail: string;
}

/** Keeps a shell's device token encrypted on disk; Electron's safeStorage in the shells (token-vault.ts). */
export interface TokenVault {
  /** False where the OS offers no real key store: the token then stays as written. */
  readonly available: boolean;
  encrypt(plain: string): Buffer;
  /** Throws when the bytes were sealed on another PC or account. */
  decrypt(sealed: Buffer): string;
}

/** The config field that holds the token once sealed (base64), in place of `deviceToken`. */
export const SEALED_TOKEN_FIELD = 'deviceTokenEncrypted';

export type ConfigFileLoad<T> =
  | { readonly ok: true; readonly path: string; readonly settings: T }
  | { readonly ok: false; readonly path: string; readonly problem: ConfigProblem };

export function resolveConfigPath(
  env: Readonly<Record<string, string | undefined>>,
  userDataDir: string,
  location: ConfigLocation,
): string {
  const override = env[location.envVar]?.trim();
  return override ? override : join(userDataDir, location.fileName);
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The file's fields in their order, `deviceToken` replaced by its sealed form. */
function withSealedToken(
  json: Record<string, unknown>,
  token: string,
  vault: TokenVault,
): Record<string, unknown> {
  const sealed = vault.encrypt(token).toString('base64');
  return Object.fromEntries(
    Object.entries(json).map(([key, value]) =>
      key === 'deviceToken' ? [SEALED_TOKEN_FIELD, sealed] : [key, value],
    ),
  );
}

/**
 * Rewrites the file with the token sealed: a new file beside it, readable by this account only, renamed over the
 * old one, so a power cut leaves either the old file or the new one, never half of either.
 */
async function sealTokenInFile(
  path: string,
  json: Record<string, unknown>,
  token: string,
  vault: TokenVault,
): Promise<void> {
  const next = `${path}.${String(process.pid)}.tmp`;
  await writeFile(next, `${JSON.stringify(withSealedToken(json, token, vault), null, 2)}\n`, { mode: 0o600 });
  await rename(next, path);
}

type Unsealed =
  { readonly ok: true; readonly json: unknown } | { readonly ok: false; readonly reason: string };

/** The file's JSON with a sealed token opened into `deviceToken`, for the schema to check as any other. */
function unsealToken(json: unknown, vault: TokenVault | undefined): Unsealed {
  if (!isRecord(json) || !(SEALED_TOKEN_FIELD in json)) return { ok: true, json };
  const { [SEALED_TOKEN_FIELD]: sealed, ...rest } = json;
  if (typeof sealed !== 'string' || !vault?.available)
    return { ok: false, reason: 'Penyimpanan kunci sistem tidak tersedia di PC ini.' };
  try {
    return { ok: true, json: { ...rest, deviceToken: vault.decrypt(Buffer.from(sealed, 'base64')) } };
  } catch {
    return { ok: false, reason: 'Token terenkripsi ini dibuat di PC atau akun pengguna lain.' };
  }
}

/**
 * Reads and checks a config file; every failure becomes a message for the screen, never an exception. With a
 * `vault` that is available, a token the installer wrote in plain text is sealed in the file at the first start
 * (`deviceTokenEncrypted`), and a sealed one is opened.
 */
export async function loadConfigFile<T>(
  path: string,
  spec: ConfigFileSpec<T>,
  vault?: TokenVault,
): Promise<ConfigFileLoad<T>> {
  const howToFix = `Buat atau perbaiki berkas itu lalu mulai ulang aplikasi ${spec.deviceName}, atau tunjuk berkas lain dengan variabel lingkungan ${spec.envVar}.`;
  const fail = (problem: string, detail: string): ConfigFileLoad<T> => ({
    ok: false,
    path,
    problem: { title: `Konfigurasi ${spec.deviceName} ${problem}`, detail: `${detail}\n\n${howToFix}` },
  });
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = errorCode(error) ?? 'unknown error';
    if (code === 'ENOENT') {
      const example = JSON.stringify(spec.example, null, 2);
      return fail('belum ada', `Berkas ${path} tidak ditemukan. Contoh isinya:\n${example}`);
    }
    return fail('tidak dapat dibaca', `Berkas ${path} tidak dapat dibaca (${code}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail('rusak', `Berkas ${path} bukan JSON yang sah${jsonErrorPosition(error)}.`);
  }
  const unsealed = unsealToken(json, vault);
  if (!unsealed.ok) {
    const renew = `${unsealed.reason} Minta token perangkat baru dari admin dan tulis sebagai "deviceToken" menggantikan "${SEALED_TOKEN_FIELD}"; aplikasi akan mengenkripsinya lagi.`;
    return fail('tidak dapat dibuka', `Token perangkat di berkas ${path} tidak dapat dibuka. ${renew}`);
  }
  const parsed = spec.schema.safeParse(unsealed.json);
  if (!parsed.success) {
    return fail('tidak sah', `Isi berkas ${path} tidak sesuai:\n${z.prettifyError(parsed.error)}`);
  }
  const token = isRecord(json) ? json.deviceToken : undefined;
  if (vault?.available && isRecord(json) && typeof token === 'string' && !(SEALED_TOKEN_FIELD in json)) {
    try {
      await sealTokenInFile(path, json, token.trim(), vault);
    } catch (error) {
      // The shell still starts with the token it read; the file is sealed at a later start.
      console.error(
        `[config] could not seal the device token in ${path}: ${errorCode(error) ?? 'unknown error'}`,
      );
    }
  }
  return { ok: true, path, settings: parsed.data };
}
