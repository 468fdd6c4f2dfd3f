import { DisplaySettings } from '../main/display-config.ts';

/** A valid display.json, as tests start from it and change one thing. */
export const SAMPLE_DISPLAY_CONFIG = {
  hubUrl: 'http://hub.mpp.local:8080',
  deviceToken: 'display-token-secret',
} as const;

export function displaySettings(overrides: Record<string, unknown> = {}): DisplaySettings {
  return DisplaySettings.parse({ ...SAMPLE_DISPLAY_CONFIG, ...overrides });
}
