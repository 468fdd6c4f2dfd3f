import { DISPLAY_BRIDGE_KEY, type DisplayBridge, type Lang } from '@giliran/ui';
import type { Clip, ClipPlayer } from './announcer.ts';
import type { LoadedClip } from './audio-player.ts';

/** The Electron display's bridge, when the page runs inside it. */
export function displayBridge(): DisplayBridge | undefined {
  return (window as unknown as Record<string, DisplayBridge | undefined>)[DISPLAY_BRIDGE_KEY];
}

/**
 * Inside the Electron display, calls are spoken by the PC's own voice (system voice or espeak-ng) from the words
 * the hub gives; the chime, and any call the PC cannot speak, still come from the hub's WAVs.
 */
export class ShellClipPlayer implements ClipPlayer<LoadedClip> {
  constructor(
    private readonly hubPlayer: ClipPlayer<LoadedClip>,
    private readonly bridge: DisplayBridge,
    private readonly hubUrl: string,
    private readonly token: string,
  ) {}

  async load(clip: Clip, signal: AbortSignal): Promise<LoadedClip> {
    if (clip.kind !== 'announcement') return this.hubPlayer.load(clip, signal);
    try {
      const response = await fetch(
        new URL(clip.path.replace('/announcement.wav', '/announcement.json'), this.hubUrl),
        {
          headers: { authorization: `Bearer ${this.token}` },
          signal,
        },
      );
      if (!response.ok) throw new Error(`announcement text: ${String(response.status)}`);
      const { text, lang } = (await response.json()) as { text: string; lang: Lang };
      const spoken = await this.bridge.synthesize(text, lang);
      if (!spoken.ok) throw new Error(spoken.reason);
      const wav = new Blob([spoken.wav.slice().buffer], { type: 'audio/wav' });
      return { url: URL.createObjectURL(wav), keep: false };
    } catch (error) {
      if (signal.aborted) throw error;
      console.warn('local speech failed, playing the hub’s audio', error);
      return this.hubPlayer.load(clip, signal);
    }
  }

  play(loaded: LoadedClip, clip: Clip, signal: AbortSignal): Promise<void> {
    return this.hubPlayer.play(loaded, clip, signal);
  }

  release(loaded: LoadedClip): void {
    this.hubPlayer.release(loaded);
  }
}
