export type ClipKind = 'chime' | 'announcement';

export interface Clip {
  readonly kind: ClipKind;
  /** Hub path of the WAV, fetched with the display's token. */
  readonly path: string;
}

/** One call to speak: the same call again for a recall. */
export interface CallAnnouncement {
  readonly ticketId: string;
  readonly counterId: string;
}

/** Loads and plays clips; the browser's one uses fetch, blob URLs and an Audio element, the tests a fake. */
export interface ClipPlayer<Loaded> {
  /** Rejects when `signal` aborts it (a fetch that hangs). */
  load(clip: Clip, signal: AbortSignal): Promise<Loaded>;
  /** Resolves once the clip has played to its end; rejects when it cannot play or `signal` aborts it. */
  play(loaded: Loaded, clip: Clip, signal: AbortSignal): Promise<void>;
  release(loaded: Loaded): void;
}

export interface AnnouncerOptions {
  /** Whether each call is also spoken in English after the Indonesian announcement. */
  readonly english: () => boolean;
  /** Longest a clip may take (loading included) before it is cut off and skipped. */
  readonly clipTimeoutMs?: number;
  readonly onSkip?: (clip: Clip, error: unknown) => void;
}

const DEFAULT_CLIP_TIMEOUT_MS = 30_000;

export function clipsFor(call: CallAnnouncement, english: boolean): Clip[] {
  const speech = (lang: 'id' | 'en'): Clip => ({
    kind: 'announcement',
    path: `/api/tickets/${encodeURIComponent(call.ticketId)}/announcement.wav?counter=${encodeURIComponent(call.counterId)}&lang=${lang}`,
  });
  return [
    { kind: 'chime', path: '/api/announcements/chime.wav' },
    speech('id'),
    ...(english ? [speech('en')] : []),
  ];
}

type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, timeoutMs: number): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`clip took longer than ${timeoutMs} ms`);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  return Promise.race([work(controller.signal), timeout]).finally(() => {
    clearTimeout(timer);
  });
}

/**
 * The hall's loudspeaker as a strict FIFO: each call is chime → announcement, and the next clip starts only
 * after the previous one has ended, so calls never overlap however fast they come. A clip that cannot be
 * fetched or played, or hangs, is skipped: the queue never stalls.
 */
export class Announcer<Loaded> {
  private readonly queue: CallAnnouncement[] = [];
  private running = false;
  private idle: (() => void)[] = [];

  constructor(
    private readonly player: ClipPlayer<Loaded>,
    private readonly options: AnnouncerOptions,
  ) {}

  enqueue(call: CallAnnouncement): void {
    this.queue.push(call);
    if (!this.running) void this.run();
  }

  /** Calls waiting to be spoken, not counting the one being spoken. */
  get pending(): number {
    return this.queue.length;
  }

  get busy(): boolean {
    return this.running;
  }

  /** Resolves when everything queued so far has been spoken (or skipped). */
  whenIdle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      this.idle.push(resolve);
    });
  }

  /** Forgets the calls not yet spoken; the clip playing now finishes. */
  clear(): void {
    this.queue.length = 0;
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      for (let call = this.queue.shift(); call; call = this.queue.shift()) await this.announce(call);
    } finally {
      this.running = false;
      const waiting = this.idle;
      this.idle = [];
      for (const resolve of waiting) resolve();
    }
  }

  private async announce(call: CallAnnouncement): Promise<void> {
    const timeoutMs = this.options.clipTimeoutMs ?? DEFAULT_CLIP_TIMEOUT_MS;
    const clips = clipsFor(call, this.options.english());
    // Fetch every clip of the call at once, so the speech is ready when the chime ends; play them in order.
    const loads = clips.map((clip) =>
      settle(withTimeout((signal) => this.player.load(clip, signal), timeoutMs)),
    );
    for (const [index, clip] of clips.entries()) {
      const loaded = await loads[index];
      if (!loaded) continue;
      if (!loaded.ok) {
        this.skip(clip, loaded.error);
        continue;
      }
      try {
        await withTimeout((signal) => this.player.play(loaded.value, clip, signal), timeoutMs);
      } catch (error) {
        this.skip(clip, error);
      } finally {
        this.player.release(loaded.value);
      }
    }
  }

  private skip(clip: Clip, error: unknown): void {
    try {
      this.options.onSkip?.(clip, error);
    } catch {
      // A failing observer must not stop the loudspeaker.
    }
  }
}
