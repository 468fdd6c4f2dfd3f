import type { SpeechLang } from './speech-lang.ts';

/** The platforms whose own voices `say` can export to a file. */
export type VoicePlatform = 'win32' | 'darwin';

/**
 * The Indonesian voice each platform offers: Windows 10/11 "Microsoft Andika" (an optional voice of the
 * Indonesian language pack), macOS "Damayanti". Tried first, before any other Indonesian voice found.
 */
export const PREFERRED_INDONESIAN_VOICE: Readonly<Record<VoicePlatform, string>> = {
  win32: 'Microsoft Andika',
  darwin: 'Damayanti',
};

/** An installed voice; `locale` is known on macOS (`id_ID`), not from Windows' name list. */
export interface InstalledVoice {
  readonly name: string;
  readonly locale?: string;
}

/** The voice a language is spoken with on this PC, and whether it is an Indonesian one. */
export interface VoiceChoice {
  readonly platform: VoicePlatform;
  readonly lang: SpeechLang;
  /** Null: the system's default voice (English) or, for Indonesian, no voice at all. */
  readonly voice: string | null;
  readonly indonesian: boolean;
  /** Every voice installed, for the technician reading the alert. */
  readonly installed: readonly string[];
}

// Windows lists names only: Indonesian voices are known by name ("Microsoft Andika", "Microsoft Andika
// Desktop", a vendor's "… Indonesian"); macOS gives the locale.
const INDONESIAN_NAME = /\bandika\b|\bdamayanti\b|indonesia/i;

export function isIndonesianVoice(voice: InstalledVoice): boolean {
  if (voice.locale !== undefined) return /^id[_-]/i.test(voice.locale);
  return INDONESIAN_NAME.test(voice.name);
}

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

function installedNamed(installed: readonly InstalledVoice[], name: string): InstalledVoice | undefined {
  return installed.find((voice) => sameName(voice.name, name));
}

/**
 * Picks the voice for one language. Indonesian: the site's voice when installed, then the platform's own
 * Indonesian voice, then any other Indonesian one; none means the system voice must not read Indonesian
 * (an English voice mangles "Nomor antrean"), so the next engine speaks. English: the site's voice or the
 * system default.
 */
export function chooseVoice(
  platform: VoicePlatform,
  lang: SpeechLang,
  installed: readonly InstalledVoice[],
  configured?: string,
): VoiceChoice {
  const base = { platform, lang, installed: installed.map((voice) => voice.name) };
  const siteVoice = configured === undefined ? undefined : installedNamed(installed, configured);
  if (lang === 'en') return { ...base, voice: siteVoice?.name ?? null, indonesian: false };
  const indonesian =
    siteVoice ??
    installedNamed(installed, PREFERRED_INDONESIAN_VOICE[platform]) ??
    installed.find(isIndonesianVoice);
  return indonesian === undefined
    ? { ...base, voice: null, indonesian: false }
    : { ...base, voice: indonesian.name, indonesian: true };
}

/**
 * `say -v '?'` on macOS prints one voice a line: `Damayanti           id_ID    # Halo, nama saya …`.
 * Names may hold spaces ("Good News"), so the locale is the last word before the `#`.
 */
export function parseMacVoices(output: string): InstalledVoice[] {
  return output.split('\n').flatMap((line) => {
    const match = /^(.+?)\s+([a-z]{2,3}[_-][A-Za-z0-9]+)\s+#/.exec(line);
    return match?.[1] && match[2] ? [{ name: match[1].trim(), locale: match[2] }] : [];
  });
}
