import type { DisplayShellConfig, Lang, SynthesizeOutcome } from '@giliran/ui';
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { urlForLog } from '@giliran/desktop-shell/log-url.ts';
import type { SenderCheck } from '@giliran/desktop-shell/navigation-guard.ts';
import { DISPLAY_CHANNELS } from '../shared/ipc-channels.ts';
import { displayPageConfig, type DisplaySettings } from './display-config.ts';

/**
 * The port to `@giliran/speech` (its engines in the configured order, through `speakWithFallback`): main wires
 * the real one, tests a fake, so this module needs neither the library nor a voice. Resolves with a WAV.
 */
export type Synthesize = (text: string, lang: Lang) => Promise<Uint8Array>;

export interface DisplayBridgeOptions {
  readonly settings: DisplaySettings;
  readonly synthesize: Synthesize;
  /** The shared sender check: the display window's main frame on the hub's origin. */
  readonly isTrustedSender: SenderCheck;
  /** The whole synthesis, every fallback engine included; the page's own clip timeout is 30 s. */
  readonly timeoutMs?: number;
}

export const DEFAULT_SYNTHESIZE_TIMEOUT_MS = 25_000;

/** The longest text spoken: a call is one sentence, not a speech. */
export const MAX_SPEECH_TEXT = 300;

/** Short, for the page's log; the details (each engine's failure) go to the shell's log too. */
export const SYNTHESIZE_FAILURE_REASONS = {
  notThePage: 'Bukan halaman layar antrean',
  invalidRequest: `Teks (1–${MAX_SPEECH_TEXT} karakter, tanpa karakter kontrol) atau bahasa (id/en) tidak sah`,
  timeout: 'Mesin suara tidak selesai tepat waktu',
  notWav: 'Mesin suara tidak menghasilkan WAV',
  failed: 'Suara tidak dapat dibuat',
} as const;

const SpeechRequest = z.tuple([
  z
    .string()
    .trim()
    .min(1)
    .max(MAX_SPEECH_TEXT)
    .regex(/^\P{Cc}*$/u),
  z.enum(['id', 'en']),
]);

const TIMED_OUT = Symbol('timed out');

async function within<T>(work: Promise<T>, timeoutMs: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => {
      resolve(TIMED_OUT);
    }, timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** RIFF....WAVE: anything else would only fail later, in the page's audio decoder. */
function isWav(bytes: Uint8Array): boolean {
  const text = (from: number): string => String.fromCharCode(...bytes.subarray(from, from + 4));
  return bytes.length > 12 && text(0) === 'RIFF' && text(8) === 'WAVE';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Registers the bridge channels; returns their removal. Every handler first checks the sender: the device token
 * and the speech engines (processes on this PC) belong to the hub's display page only. `display:synthesize`
 * never rejects: every failure is an `{ ok: false, reason }` the page can log and skip.
 */
export function registerDisplayBridge(options: DisplayBridgeOptions): () => void {
  const { settings, synthesize, isTrustedSender } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_SYNTHESIZE_TIMEOUT_MS;

  const refused = (event: IpcMainInvokeEvent, channel: string): void => {
    const from = event.senderFrame ? urlForLog(event.senderFrame.url) : 'a destroyed frame';
    console.warn(`[display] ${channel} refused from ${from}`);
  };

  const speakOnce = async (text: string, lang: Lang): Promise<SynthesizeOutcome> => {
    try {
      const wav = await within(
        Promise.resolve().then(() => synthesize(text, lang)),
        timeoutMs,
      );
      if (wav === TIMED_OUT) {
        console.error(`[display] speech took longer than ${timeoutMs} ms`);
        return { ok: false, reason: SYNTHESIZE_FAILURE_REASONS.timeout };
      }
      if (!isWav(wav)) return { ok: false, reason: SYNTHESIZE_FAILURE_REASONS.notWav };
      // A copy with its own buffer: IPC clones the whole ArrayBuffer behind a view, pooled Buffers included.
      return { ok: true, wav: new Uint8Array(wav) };
    } catch (error) {
      console.error('[display] speech failed:', error);
      return { ok: false, reason: `${SYNTHESIZE_FAILURE_REASONS.failed}: ${messageOf(error)}` };
    }
  };

  // One voice at a time: the page queues its calls anyway, and a flood must not start a process per request.
  let speaking: Promise<unknown> = Promise.resolve();

  ipcMain.handle(DISPLAY_CHANNELS.getConfig, (event): DisplayShellConfig => {
    if (!isTrustedSender(event)) {
      refused(event, DISPLAY_CHANNELS.getConfig);
      throw new Error(`${DISPLAY_CHANNELS.getConfig}: not the display page`);
    }
    return displayPageConfig(settings);
  });

  ipcMain.handle(
    DISPLAY_CHANNELS.synthesize,
    (event, text: unknown, lang: unknown): Promise<SynthesizeOutcome> => {
      if (!isTrustedSender(event)) {
        refused(event, DISPLAY_CHANNELS.synthesize);
        return Promise.resolve({ ok: false, reason: SYNTHESIZE_FAILURE_REASONS.notThePage });
      }
      const request = SpeechRequest.safeParse([text, lang]);
      if (!request.success) {
        return Promise.resolve({ ok: false, reason: SYNTHESIZE_FAILURE_REASONS.invalidRequest });
      }
      const job = speaking.then(() => speakOnce(...request.data));
      speaking = job;
      return job;
    },
  );

  return () => {
    for (const channel of Object.values(DISPLAY_CHANNELS)) ipcMain.removeHandler(channel);
  };
}
