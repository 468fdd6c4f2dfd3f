import { fileURLToPath } from 'node:url';
import type { VoiceChoice } from '@giliran/speech';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeVoicePlatform } from '../../../../packages/speech/src/testing/fake-voice-platform.ts';
import { loadSiteConfig, type SiteConfig } from '../config/site-config.ts';
import { AnnouncementAudio } from './announcement-audio.ts';

const DEMO_SITE = fileURLToPath(new URL('../../../../assets/demo-site/site.json', import.meta.url));

afterEach(() => {
  vi.restoreAllMocks();
});

function siteSpeaking(engines: SiteConfig['display']['speechEngines']): SiteConfig {
  const site = loadSiteConfig(DEMO_SITE);
  return { ...site, display: { ...site.display, speechEngines: engines } };
}

const CALL = { number: 'A012', counterName: 'Loket 3', lang: 'id' } as const;

describe('AnnouncementAudio on a Windows hub PC', () => {
  it('speaks the call with Microsoft Andika and reports it', async () => {
    const platform = fakeVoicePlatform({ voices: ['Microsoft Zira Desktop', 'Microsoft Andika'] });
    const voices: VoiceChoice[] = [];
    const fallbacks: string[] = [];
    const spoken: string[] = [];
    const audio = new AnnouncementAudio(
      siteSpeaking(['say', 'espeak']),
      '/nonexistent',
      (e) => fallbacks.push(e),
      {
        platform: 'win32',
        onVoice: (choice) => voices.push(choice),
        onSpoken: (engine) => spoken.push(engine),
      },
    );
    await audio.render(CALL);
    expect(spoken).toEqual(['say']);
    expect(platform.spoken.map(({ voice }) => voice)).toEqual(['Microsoft Andika']);
    expect(platform.spoken[0]?.text).toBe(audio.text(CALL));
    expect(voices.map(({ voice, indonesian }) => [voice, indonesian])).toEqual([['Microsoft Andika', true]]);
    expect(fallbacks).toEqual([]);
  });

  it('falls back to espeak-ng when no voice is Indonesian, reporting both', async () => {
    fakeVoicePlatform({ voices: ['Microsoft David Desktop'] });
    const voices: VoiceChoice[] = [];
    const fallbacks: string[] = [];
    const spoken: string[] = [];
    const audio = new AnnouncementAudio(
      siteSpeaking(['say', 'espeak']),
      '/nonexistent',
      (engine, reason) => fallbacks.push(`${engine}: ${reason}`),
      {
        platform: 'win32',
        onVoice: (choice) => voices.push(choice),
        onSpoken: (engine) => spoken.push(engine),
      },
    );
    const wav = await audio.render(CALL);
    expect(spoken).toEqual(['espeak-ng']);
    expect(wav.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(voices.map(({ voice, indonesian }) => [voice, indonesian])).toEqual([[null, false]]);
    expect(fallbacks).toEqual([
      'say: no Indonesian system voice is installed (installed: Microsoft David Desktop)',
    ]);
  });
});
