import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { fallbackAlerts, speechAlerts, voiceAlertMessage } from './voice-alert.ts';

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
    const alert = fallbackAlerts().failed;
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

describe('speechAlerts', () => {
  it('tells MOD again when an engine that recovered fails for the same reason', () => {
    const told: string[] = [];
    const speech = speechAlerts({
      logger: pino({ level: 'silent' }),
      now: () => Date.parse('2026-11-25T02:00:00.000Z'),
      toAll: (alert) => told.push(alert.message),
      toStaff: (alert) => told.push(alert.message),
    });
    const reason = 'espeak-ng did not finish within 10000 ms';
    speech.onFallback('espeak-ng', reason);
    speech.onFallback('espeak-ng', reason);
    expect(told).toHaveLength(1);
    // Another engine speaking is no recovery of this one.
    speech.onSpoken('clips');
    speech.onFallback('espeak-ng', reason);
    expect(told).toHaveLength(1);
    speech.onSpoken('espeak-ng');
    speech.onFallback('espeak-ng', reason);
    expect(told).toEqual([
      `Mesin suara espeak-ng tidak tersedia (${reason}); memakai cadangan.`,
      `Mesin suara espeak-ng tidak tersedia (${reason}); memakai cadangan.`,
    ]);
  });
});
