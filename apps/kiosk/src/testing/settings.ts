import { KioskSettings } from '../main/kiosk-config.ts';

/** A valid config file's content, as tests start from it and change one thing. */
export const SAMPLE_CONFIG = {
  hubUrl: 'http://hub.mpp.local:8080',
  deviceToken: 'kiosk-token-secret',
  printer: { interface: 'tcp://192.168.1.50:9100', paperWidth: 80 },
} as const;

export function sampleSettings(overrides: Record<string, unknown> = {}): KioskSettings {
  return KioskSettings.parse({ ...SAMPLE_CONFIG, ...overrides });
}
