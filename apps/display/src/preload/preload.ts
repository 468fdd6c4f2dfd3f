import type {
  DISPLAY_BRIDGE_KEY,
  DisplayBridge,
  DisplayShellConfig,
  Lang,
  SynthesizeOutcome,
} from '@giliran/ui';
import { contextBridge, ipcRenderer } from 'electron';
import type { DisplayChannels } from '../shared/ipc-channels.ts';

// Sandboxed, this preload gets `electron` and little else at run time: key and channels are written out, and
// their types hold them to `@giliran/ui` and to main's table (../shared/ipc-channels.ts).
const BRIDGE_KEY: typeof DISPLAY_BRIDGE_KEY = 'giliranDisplay';
const CHANNELS: DisplayChannels = {
  getConfig: 'display:config',
  synthesize: 'display:synthesize',
};

/** All the page gets: config and speech, as plain-data `invoke`s; main re-checks sender and payload. */
const api = {
  getConfig: (): Promise<DisplayShellConfig> =>
    ipcRenderer.invoke(CHANNELS.getConfig) as Promise<DisplayShellConfig>,
  synthesize: (text: string, lang: Lang): Promise<SynthesizeOutcome> =>
    ipcRenderer.invoke(CHANNELS.synthesize, text, lang) as Promise<SynthesizeOutcome>,
} satisfies DisplayBridge;

contextBridge.exposeInMainWorld(BRIDGE_KEY, api);
