import type { Clip, ClipPlayer } from './announcer.ts';

export interface LoadedClip {
  readonly url: string;
  /** The chime is fetched once and kept; spoken announcements are released after playing. */
  readonly keep: boolean;
}

/**
 * Plays the hub's WAVs: they need the display's token, so they are fetched, turned into blob URLs and played
 * by an Audio element; the promise settles on `ended` (or an error), which is what keeps the FIFO strict.
 */
export class BrowserClipPlayer implements ClipPlayer<LoadedClip> {
  private chime: Promise<string> | null = null;

  constructor(
    private readonly hubUrl: string,
    private readonly token: string,
  ) {}

  load(clip: Clip, signal: AbortSignal): Promise<LoadedClip> {
    if (clip.kind === 'chime') {
      const cached = (this.chime ??= this.fetchBlobUrl(clip.path, signal));
      // A failed chime is fetched again next time.
      cached.catch(() => {
        if (this.chime === cached) this.chime = null;
      });
      return cached.then((url) => ({ url, keep: true }));
    }
    return this.fetchBlobUrl(clip.path, signal).then((url) => ({ url, keep: false }));
  }

  play(loaded: LoadedClip, clip: Clip, signal: AbortSignal): Promise<void> {
    const audio = new Audio();
    // Marks the element so a test (or a technician in DevTools) can tell the chime from the speech of a call.
    audio.dataset.clip = clip.kind;
    audio.dataset.clipPath = clip.path;
    audio.preload = 'auto';
    audio.src = loaded.url;
    return new Promise<void>((resolve, reject) => {
      const stop = () => {
        audio.pause();
        audio.removeAttribute('src');
        audio.load();
      };
      let settled = false;
      const done = (error?: unknown) => {
        if (settled) return;
        settled = true;
        audio.onended = null;
        audio.onerror = null;
        signal.removeEventListener('abort', onAbort);
        if (error === undefined) resolve();
        else {
          stop();
          reject(error instanceof Error ? error : new Error(`cannot play ${clip.kind}`));
        }
      };
      const onAbort = () => {
        done(signal.reason);
      };
      audio.onended = () => {
        done();
      };
      audio.onerror = () => {
        done(new Error(`cannot play ${clip.kind}: ${audio.error?.message ?? 'media error'}`));
      };
      signal.addEventListener('abort', onAbort);
      audio.play().catch((error: unknown) => {
        done(error);
      });
    });
  }

  release(loaded: LoadedClip): void {
    if (!loaded.keep) URL.revokeObjectURL(loaded.url);
  }

  private async fetchBlobUrl(path: string, signal: AbortSignal): Promise<string> {
    const response = await fetch(new URL(path, this.hubUrl), {
      headers: { authorization: `Bearer ${this.token}` },
      signal,
    });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
    return URL.createObjectURL(await response.blob());
  }
}
