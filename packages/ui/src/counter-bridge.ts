// Also exported alone as `@giliran/ui/counter-bridge`: the Electron shell bundles this file, not the whole UI
// package with its hub client and socket.io-client.
import type { Lang } from './i18n.ts';

/** The officer's main actions: the page's keys and the Electron app's global shortcuts both name these. */
export const COUNTER_ACTIONS = [
  'call-next',
  'recall',
  'step',
  'finish',
  'no-show',
  'transfer',
  'call-specific',
  'pause',
  'resume',
] as const;
export type CounterAction = (typeof COUNTER_ACTIONS)[number];

export function isCounterAction(value: unknown): value is CounterAction {
  return typeof value === 'string' && (COUNTER_ACTIONS as readonly string[]).includes(value);
}

/** The counter app's settings as the page needs them. */
export interface CounterShellConfig {
  readonly hubUrl: string;
  readonly lang: Lang;
  /** The counter this PC worked at last time, offered first at sign-in; null before the first sign-in. */
  readonly counterId: string | null;
  /** Electron accelerators per action, e.g. `Control+Alt+N`; shown beside the buttons. */
  readonly shortcuts: Readonly<Partial<Record<CounterAction, string>>>;
}

/** What the Electron counter's preload exposes to the page; a plain browser has none and uses its own keys. */
export interface CounterBridge {
  getConfig(): Promise<CounterShellConfig>;
  /** Remembers the counter signed in at, so the next start offers it first. */
  rememberCounter(counterId: string): Promise<void>;
  /** A global shortcut was pressed (the window need not have focus); returns an unsubscribe function. */
  onShortcut(listener: (action: CounterAction) => void): () => void;
}

export const COUNTER_BRIDGE_KEY = 'giliranCounter';
