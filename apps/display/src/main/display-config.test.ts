import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { displaySettings, SAMPLE_DISPLAY_CONFIG } from '../testing/settings.ts';
import {
  CONFIG_PATH_ENV,
  displayPageConfig,
  DisplaySettings,
  loadDisplaySettings,
  resolveDisplayConfigPath,
} from './display-config.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'giliran-display-config-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const issues = (config: unknown): string[] => {
  const parsed = DisplaySettings.safeParse(config);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
};

describe('resolveDisplayConfigPath', () => {
  it('reads display.json in userData unless the environment names a file', () => {
    expect(resolveDisplayConfigPath({}, '/ud')).toBe(join('/ud', 'display.json'));
    expect(resolveDisplayConfigPath({ [CONFIG_PATH_ENV]: '/etc/giliran/tv2.json' }, '/ud')).toBe(
      '/etc/giliran/tv2.json',
    );
  });
});

describe('DisplaySettings', () => {
  it('fills the defaults: whole hall, primary monitor, auto-start, every speech engine in order', () => {
    expect(displaySettings()).toEqual({
      hubUrl: 'http://hub.mpp.local:8080',
      deviceToken: 'display-token-secret',
      language: 'id',
      devTools: false,
      autoStart: true,
      speech: { engines: ['say', 'espeak', 'clips'] },
    });
  });

  it('keeps the monitor, the zone and the speech settings when given', () => {
    const settings = displaySettings({
      hubUrl: 'https://antrean.example.go.id/mpp/',
      language: 'en',
      displayIndex: 1,
      agencies: [' disdukcapil ', 'samsat'],
      counters: ['loket-1'],
      autoStart: false,
      speech: { engines: ['clips', 'espeak'], clipsFolder: 'D:\\suara' },
    });
    expect(settings).toMatchObject({
      hubUrl: 'https://antrean.example.go.id/mpp',
      language: 'en',
      displayIndex: 1,
      agencies: ['disdukcapil', 'samsat'],
      counters: ['loket-1'],
      autoStart: false,
      speech: { engines: ['clips', 'espeak'], clipsFolder: 'D:\\suara' },
    });
  });

  it('refuses a bad monitor, zone ids the page could not split, and unknown or repeated engines', () => {
    const base = SAMPLE_DISPLAY_CONFIG;
    expect(issues({ ...base, displayIndex: -1 })).toEqual(['displayIndex']);
    expect(issues({ ...base, displayIndex: 1.5 })).toEqual(['displayIndex']);
    expect(issues({ ...base, agencies: ['a,b'] })).toEqual(['agencies.0']);
    expect(issues({ ...base, counters: [''] })).toEqual(['counters.0']);
    expect(issues({ ...base, speech: { engines: ['festival'] } })).toEqual(['speech.engines.0']);
    expect(issues({ ...base, speech: { engines: [] } })).toEqual(['speech.engines']);
    expect(issues({ ...base, speech: { engines: ['say', 'say'] } })).toEqual(['speech.engines']);
    expect(issues({ ...base, speech: { clipFolder: '/x' } })).toEqual(['speech']);
    expect(issues({ ...base, displayindex: 1 })).toEqual(['']);
  });
});

describe('loadDisplaySettings', () => {
  it('loads a valid file', async () => {
    const path = join(dir, 'display.json');
    await writeFile(path, JSON.stringify({ ...SAMPLE_DISPLAY_CONFIG, displayIndex: 2 }));
    const result = await loadDisplaySettings(path);
    expect(result.ok && result.settings).toEqual(displaySettings({ displayIndex: 2 }));
  });

  it('explains a missing file as the display, with an example and the override variable', async () => {
    const path = join(dir, 'display.json');
    const result = await loadDisplaySettings(path);
    if (result.ok) throw new Error('expected a problem');
    expect(result.problem.title).toBe('Konfigurasi layar antrean belum ada');
    expect(result.problem.detail).toContain(path);
    expect(result.problem.detail).toContain('"displayIndex": 1');
    expect(result.problem.detail).toContain(CONFIG_PATH_ENV);
  });

  it('never shows the token of an invalid file', async () => {
    const path = join(dir, 'display.json');
    await writeFile(path, JSON.stringify({ ...SAMPLE_DISPLAY_CONFIG, language: 'jv' }));
    const result = await loadDisplaySettings(path);
    if (result.ok) throw new Error('expected a problem');
    expect(result.problem.title).toBe('Konfigurasi layar antrean tidak sah');
    expect(result.problem.detail).toContain('at language');
    expect(result.problem.detail).not.toContain('display-token-secret');
  });
});

describe('displayPageConfig', () => {
  it('hands the page its URL fields, and nothing about speech or the monitor', () => {
    const settings = displaySettings({
      displayIndex: 1,
      agencies: ['samsat'],
      speech: { clipsFolder: '/c' },
    });
    expect(displayPageConfig(settings)).toStrictEqual({
      hubUrl: 'http://hub.mpp.local:8080',
      token: 'display-token-secret',
      lang: 'id',
      zone: { agencyIds: ['samsat'], counterIds: [] },
    });
  });
});
