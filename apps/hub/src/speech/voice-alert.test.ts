import { describe, expect, it } from 'vitest';
import { fallbackAlerts, voiceAlertMessage } from './voice-alert.ts';

describe('voiceAlertMessage', () => {
  it('names the Indonesian voice in use', () => {
    const message = voiceAlertMessage({
      platform: 'win32',
      lang: 'id',
      voice: 'Microsoft Andika',
      indonesian: true,
      installed: ['Microsoft Andika'],
    });
    expect(message).toBe('Suara panggilan: Microsoft Andika (suara sistem PC hub, Bahasa Indonesia).');
  });

  it('says that none is Indonesian, what is installed, and which voice to add', () => {
    const message = voiceAlertMessage({
      platform: 'win32',
      lang: 'id',
      voice: null,
      indonesian: false,
      installed: ['Microsoft David Desktop', 'Microsoft Zira Desktop'],
    });
    expect(message).toContain('Tidak ada suara Bahasa Indonesia di PC hub');
    expect(message).toContain('terpasang: Microsoft David Desktop, Microsoft Zira Desktop');
    expect(message).toContain('Pasang suara "Microsoft Andika"');
  });

  it('says nothing about the English voice', () => {
    const english = {
      platform: 'darwin',
      lang: 'en',
      voice: null,
      indonesian: false,
      installed: [],
    } as const;
    expect(voiceAlertMessage(english)).toBeUndefined();
  });
});

describe('fallbackAlerts', () => {
  it('alerts once per engine and reason, again when the reason changes, never for a missing Indonesian voice', () => {
    const alert = fallbackAlerts();
    expect(alert('espeak-ng', 'espeak-ng is not installed or not on PATH')).toBe(
      'Mesin suara espeak-ng tidak tersedia (espeak-ng is not installed or not on PATH); memakai cadangan.',
    );
    expect(alert('espeak-ng', 'espeak-ng is not installed or not on PATH')).toBeUndefined();
    expect(alert('espeak-ng', 'espeak-ng did not finish within 10000 ms')).toBeDefined();
    expect(
      alert('say', 'no Indonesian system voice is installed (installed: Microsoft Zira)'),
    ).toBeUndefined();
  });
});
