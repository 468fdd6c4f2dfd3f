import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { counterSettings, SAMPLE_COUNTER_CONFIG } from '../testing/settings.ts';
import {
  CONFIG_PATH_ENV,
  counterPageConfig,
  CounterSettings,
  DEFAULT_SHORTCUTS,
  loadCounterSettings,
  resolveCounterConfigPath,
} from './counter-config.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'giliran-counter-config-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const issues = (config: unknown): string[] => {
  const parsed = CounterSettings.safeParse(config);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
};

describe('resolveCounterConfigPath', () => {
  it('reads counter.json in userData unless the environment names a file', () => {
    expect(resolveCounterConfigPath({}, '/ud')).toBe(join('/ud', 'counter.json'));
    expect(resolveCounterConfigPath({ [CONFIG_PATH_ENV]: '/etc/giliran/loket.json' }, '/ud')).toBe(
      '/etc/giliran/loket.json',
    );
  });
});

describe('CounterSettings', () => {
  it('fills the defaults: Indonesian, no DevTools, no preset counter, the default shortcuts', () => {
    expect(counterSettings()).toEqual({
      hubUrl: 'http://hub.mpp.local:8080',
      language: 'id',
      devTools: false,
      shortcuts: DEFAULT_SHORTCUTS,
    });
  });

  it('has global defaults for the one-key actions only, none for transfer and call-specific', () => {
    expect(DEFAULT_SHORTCUTS).toEqual({
      'call-next': 'Control+Alt+N',
      recall: 'Control+Alt+U',
      step: 'Control+Alt+M',
      finish: 'Control+Alt+S',
      'no-show': 'Control+Alt+T',
      pause: 'Control+Alt+J',
      resume: 'Control+Alt+L',
    });
  });

  it('lays configured shortcuts over the defaults, and null turns a default off', () => {
    const settings = counterSettings({
      hubUrl: 'https://antrean.example.go.id/mpp/',
      language: 'en',
      counterId: 'loket-3',
      shortcuts: { 'call-next': ' F9 ', transfer: 'Control+Alt+P', pause: null },
    });
    expect(settings.hubUrl).toBe('https://antrean.example.go.id/mpp');
    expect(settings.language).toBe('en');
    expect(settings.counterId).toBe('loket-3');
    expect(settings.shortcuts).toEqual({
      ...DEFAULT_SHORTCUTS,
      'call-next': 'F9',
      transfer: 'Control+Alt+P',
      pause: undefined,
    });
    expect(settings.shortcuts).not.toHaveProperty('pause');
  });

  it('refuses a missing or non-http hub, an unknown language, action or key, and a bad counter id', () => {
    const base = SAMPLE_COUNTER_CONFIG;
    expect(issues({})).toEqual(['hubUrl']);
    expect(issues({ hubUrl: 'ftp://hub.mpp.local' })).toEqual(['hubUrl']);
    expect(issues({ ...base, language: 'jv' })).toEqual(['language']);
    expect(issues({ ...base, counterId: 'loket 3' })).toEqual(['counterId']);
    expect(issues({ ...base, shortcuts: { 'call-nxt': 'F9' } })).toEqual(['shortcuts']);
    expect(issues({ ...base, shortcuts: { recall: 'Control + U' } })).toEqual(['shortcuts.recall']);
    expect(issues({ ...base, shortcuts: { recall: '' } })).toEqual(['shortcuts.recall']);
    expect(issues({ ...base, shortcuts: { recall: 'Control++' } })).toEqual(['shortcuts.recall']);
    expect(issues({ ...base, shortcut: {} })).toEqual(['']);
  });

  it('refuses one accelerator for two actions, whatever its case', () => {
    expect(issues({ ...SAMPLE_COUNTER_CONFIG, shortcuts: { recall: 'control+alt+n' } })).toEqual([
      'shortcuts',
    ]);
  });
});

describe('loadCounterSettings', () => {
  it('loads a valid file', async () => {
    const path = join(dir, 'counter.json');
    await writeFile(path, JSON.stringify({ ...SAMPLE_COUNTER_CONFIG, language: 'en' }));
    const result = await loadCounterSettings(path);
    expect(result.ok && result.settings).toEqual(counterSettings({ language: 'en' }));
  });

  it('explains a missing file as the counter app, with an example and the override variable', async () => {
    const path = join(dir, 'counter.json');
    const result = await loadCounterSettings(path);
    if (result.ok) throw new Error('expected a problem');
    expect(result.problem.title).toBe('Konfigurasi aplikasi loket belum ada');
    expect(result.problem.detail).toContain(path);
    expect(result.problem.detail).toContain('"call-next": "F9"');
    expect(result.problem.detail).toContain(CONFIG_PATH_ENV);
  });

  it('names the bad shortcut in the problem', async () => {
    const path = join(dir, 'counter.json');
    await writeFile(path, JSON.stringify({ ...SAMPLE_COUNTER_CONFIG, shortcuts: { finish: 'Ctrl + S' } }));
    const result = await loadCounterSettings(path);
    if (result.ok) throw new Error('expected a problem');
    expect(result.problem.title).toBe('Konfigurasi aplikasi loket tidak sah');
    expect(result.problem.detail).toContain('at shortcuts.finish');
    expect(result.problem.detail).toContain('Control+Alt+N');
  });
});

describe('counterPageConfig', () => {
  it('gives the page the hub, language and shortcuts, and the remembered counter over the preset', () => {
    const settings = counterSettings({ counterId: 'loket-1', devTools: true });
    expect(counterPageConfig(settings, 'loket-7')).toStrictEqual({
      hubUrl: 'http://hub.mpp.local:8080',
      lang: 'id',
      counterId: 'loket-7',
      shortcuts: DEFAULT_SHORTCUTS,
    });
    expect(counterPageConfig(settings, null).counterId).toBe('loket-1');
    expect(counterPageConfig(counterSettings(), null).counterId).toBeNull();
  });
});
