import { beforeEach, describe, expect, it, vi } from 'vitest';
import { displaySettings } from '../testing/settings.ts';
import { speechEngines } from './speech-engines.ts';

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

const names = (speech: Record<string, unknown>): string[] =>
  speechEngines(displaySettings({ speech }).speech).map((engine) => engine.name);

describe('speechEngines', () => {
  it('builds the engines in the configured order', () => {
    expect(names({ engines: ['clips', 'espeak', 'say'], clipsFolder: '/srv/suara' })).toEqual([
      'clips',
      'espeak-ng',
      'say',
    ]);
  });

  it('leaves clips out, with a warning, when no folder is configured', () => {
    expect(names({})).toEqual(['say', 'espeak-ng']);
    expect(console.warn).toHaveBeenCalledWith(
      '[display] speech engine "clips" has no clipsFolder; skipping it',
    );
  });
});
