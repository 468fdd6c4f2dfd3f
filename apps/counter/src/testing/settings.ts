import { CounterSettings } from '../main/counter-config.ts';

/** A valid counter.json, as tests start from it and change one thing. */
export const SAMPLE_COUNTER_CONFIG = {
  hubUrl: 'http://hub.mpp.local:8080',
} as const;

export function counterSettings(overrides: Record<string, unknown> = {}): CounterSettings {
  return CounterSettings.parse({ ...SAMPLE_COUNTER_CONFIG, ...overrides });
}
