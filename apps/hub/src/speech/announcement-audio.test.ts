import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VoiceChoice } from '@giliran/speech';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeVoicePlatform } from '../../../../packages/speech/src/testing/fake-voice-platform.ts';
import { loadSiteConfig, type SiteConfig } from '../config/site-config.ts';
import { AnnouncementAudio, MAX_SPEECH_PROCESSES } from './announcement-audio.ts';

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

/** The most processes the log shows running at the same time. */
function mostAtOnce(log: string): number {
  let running = 0;
  let most = 0;
  for (const line of log.split('\n')) {
    if (line === 'start') most = Math.max(most, ++running);
    if (line === 'end') running--;
  }
  return most;
}

// The real espeak-ng behind a wrapper on PATH that logs when each speaking process starts and ends.
describe('announcement WAVs under a rush of displays', () => {
  const dir = mkdtempSync(join(tmpdir(), 'giliran-espeak-'));
  const log = join(dir, 'log');
  const path = process.env.PATH;
  const espeak = execFileSync('sh', ['-c', 'command -v espeak-ng'], { encoding: 'utf8' }).trim();
  beforeAll(() => {
    const wrapper = join(dir, 'espeak-ng');
    writeFileSync(
      wrapper,
      [
        '#!/bin/sh',
        `if [ "$1" = "--version" ]; then exec ${espeak} "$@"; fi`,
        `echo start >> ${log}`,
        'sleep 0.2',
        `${espeak} "$@"`,
        'status=$?',
        `echo end >> ${log}`,
        'exit $status',
      ].join('\n'),
    );
    chmodSync(wrapper, 0o755);
    writeFileSync(log, '');
    process.env.PATH = `${dir}:${path ?? ''}`;
  });
  afterAll(() => {
    process.env.PATH = path;
    rmSync(dir, { recursive: true, force: true });
  });

  it('speaks each text once, at most a few espeak-ng at a time, and answers repeats from the cache', async () => {
    const site = loadSiteConfig(DEMO_SITE);
    site.display.speechEngines = ['espeak'];
    const audio = new AnnouncementAudio(site, dir, () => undefined);
    const calls = Array.from({ length: 8 }, (_, i) => ({
      number: `A${String(i + 1).padStart(3, '0')}`,
      counterName: 'Loket 1',
      lang: 'id' as const,
    }));
    // Every display of the hall asks for every call at once: three requests per call.
    const wavs = await Promise.all([...calls, ...calls, ...calls].map((call) => audio.render(call)));
    expect(wavs.every((wav) => wav.subarray(0, 4).toString() === 'RIFF')).toBe(true);
    expect(audio.renders).toBe(calls.length);
    expect(mostAtOnce(readFileSync(log, 'utf8'))).toBeLessThanOrEqual(MAX_SPEECH_PROCESSES);
    expect(mostAtOnce(readFileSync(log, 'utf8'))).toBeGreaterThan(0);

    const again = calls[0];
    if (again) expect(await audio.render(again)).toBe(wavs[0]);
    expect(audio.renders).toBe(calls.length);
    expect(
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((l) => l === 'start'),
    ).toHaveLength(calls.length);
  }, 30_000);
});
