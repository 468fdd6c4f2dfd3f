import { join } from 'node:path';
import {
  announcementText,
  announcementTokens,
  chimeWav,
  ClipEngine,
  EspeakEngine,
  normalizeWavLoudness,
  runProcess,
  SayEngine,
  speakWithFallback,
  type SayOptions,
  type SpeechEngine,
  type SpeechLang,
} from '@giliran/speech';
import pLimit from 'p-limit';
import type { SiteConfig } from '../config/site-config.ts';
import type { SpeechWork } from './speech-process.ts';

/** Everything on the calling thread: for tests and tools; the hub hands the work to its SpeechProcess. */
const HERE: SpeechWork = { run: runProcess, normalize: (wav) => Promise.resolve(normalizeWavLoudness(wav)) };

const CACHE_SIZE = 200;
/**
 * Speech processes (espeak-ng, say) running at once: sixty displays asking together must not fork sixty, and on a
 * two-core hub PC one leaves the other core to the queue. Calls come one at a time in a hall, so one is enough.
 */
export const MAX_SPEECH_PROCESSES = 1;

export interface SpokenCall {
  readonly number: string;
  readonly counterName: string;
  readonly lang: SpeechLang;
}

/**
 * Renders the spoken announcement of a call as WAV for displays that play it themselves (a plain browser).
 * Engines are tried in the site's order; a missing one falls back to the next and is reported, never thrown.
 */
export class AnnouncementAudio {
  private readonly engines: readonly SpeechEngine[];
  private readonly cache = new Map<string, Buffer>();
  /** Renders under way by text: a display asking for a call already being rendered waits for that one. */
  private readonly rendering = new Map<string, Promise<Buffer>>();
  private readonly speakers = pLimit(MAX_SPEECH_PROCESSES);
  /** How many times a speech engine was run (not answered from the cache): for tests and the bench. */
  renders = 0;
  private chime: Buffer | null = null;
  private readonly onSpoken: (engine: string) => void;
  private readonly work: SpeechWork;

  constructor(
    private readonly site: SiteConfig,
    dataDir: string,
    private readonly onFallback: (engine: string, reason: string) => void,
    /**
     * The system voice's report of the voice it speaks with (`onVoice`); `platform` for tests; `onSpoken`: the
     * engine that spoke a call, so that an engine's failure is reported again after it has recovered; `work`:
     * where espeak-ng is started and the WAV levelled (the hub's speech host process; this thread by default).
     */
    options: Pick<SayOptions, 'onVoice' | 'platform'> & {
      readonly onSpoken?: (engine: string) => void;
      readonly work?: SpeechWork;
    } = {},
  ) {
    const { onSpoken, work, ...sayOptions } = options;
    this.onSpoken = onSpoken ?? (() => undefined);
    this.work = work ?? HERE;
    const clipsFolder = site.display.clipsFolder ?? join(dataDir, 'voice');
    this.engines = site.display.speechEngines.map((name) => {
      if (name === 'say') return new SayEngine(sayOptions);
      if (name === 'espeak') return new EspeakEngine({ run: this.work.run });
      return new ClipEngine(clipsFolder);
    });
  }

  /** Chime and voice at one loudness (loudness.ts): the call must not be quieter than the ding-dong before it. */
  chimeWav(): Buffer {
    this.chime ??= normalizeWavLoudness(chimeWav());
    return this.chime;
  }

  /** The sentence for a call, in the site's number style. */
  text(call: SpokenCall): string {
    return announcementText(call, { style: this.site.display.announcement.style, lang: call.lang });
  }

  /** The same call is announced on every display of the hall: render it once, a few calls at a time. */
  async render(call: SpokenCall): Promise<Buffer> {
    const text = this.text(call);
    const cached = this.cache.get(text);
    if (cached) return cached;
    const pending = this.rendering.get(text);
    if (pending) return pending;
    const rendered = this.speakers(() => this.speak(call, text)).finally(() => this.rendering.delete(text));
    this.rendering.set(text, rendered);
    return rendered;
  }

  private async speak(call: SpokenCall, text: string): Promise<Buffer> {
    const options = { style: this.site.display.announcement.style, lang: call.lang };
    const input = { number: call.number, counterName: call.counterName };
    this.renders++;
    const { engine, wav } = await speakWithFallback(
      this.engines,
      text,
      announcementTokens(input, options),
      call.lang,
      this.onFallback,
    );
    this.onSpoken(engine);
    const level = await this.work.normalize(wav);
    this.cache.set(text, level);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value ?? text);
    return level;
  }

  /** Speech processes running now and calls waiting for one. */
  get load(): { running: number; waiting: number } {
    return { running: this.speakers.activeCount, waiting: this.speakers.pendingCount };
  }
}
