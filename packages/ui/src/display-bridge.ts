import type { Lang } from './i18n.ts';

/** Which part of the hall a TV covers; empty lists mean the whole hall (the page's `?agencies=`/`?counters=`). */
export interface DisplayZone {
  readonly agencyIds: readonly string[];
  readonly counterIds: readonly string[];
}

/** The display's settings as the page needs them: the same fields the page reads from its own URL. */
export interface DisplayShellConfig {
  readonly hubUrl: string;
  readonly token: string;
  readonly lang: Lang;
  readonly zone: DisplayZone;
}

export type SynthesizeOutcome =
  { readonly ok: true; readonly wav: Uint8Array } | { readonly ok: false; readonly reason: string };

/** What the Electron display's preload exposes to the page; a plain browser has none and plays the hub's WAVs. */
export interface DisplayBridge {
  getConfig(): Promise<DisplayShellConfig>;
  /**
   * A WAV of `text` (one call, at most 300 characters) spoken on this PC by its system voice or espeak-ng;
   * never rejects for a speech failure.
   */
  synthesize(text: string, lang: Lang): Promise<SynthesizeOutcome>;
}

export const DISPLAY_BRIDGE_KEY = 'giliranDisplay';
