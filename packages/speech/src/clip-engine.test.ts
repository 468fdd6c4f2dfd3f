import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announcementTokens } from './announcement.ts';
import { ClipEngine } from './clip-engine.ts';
import { CLIP_TOKENS } from './clip-tokens.ts';
import { generateClipSet } from './generate-clip-set.ts';
import { requireBinary, soxDuration } from './testing/binaries.ts';
import { encodeWav, silence } from './wav.ts';

const CALL = { number: 'A012', counterName: 'Loket 3' };
let root = '';
let idClips = '';

describe('ClipEngine with a generated clip set', () => {
  beforeAll(async () => {
    await requireBinary('espeak-ng', '--version', 'espeak-ng');
    await requireBinary('sox', '--version', 'sox');
    root = await mkdtemp(join(tmpdir(), 'giliran-clips-'));
    idClips = join(root, 'id');
    await generateClipSet(idClips, 'id');
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('generates one WAV per clip token', async () => {
    const files = await readdir(idClips);
    expect(files.sort()).toEqual(CLIP_TOKENS.map((token) => `${token}.wav`).sort());
  });

  it('joins the clips of a call into one WAV, as sox measures it', async () => {
    const engine = new ClipEngine(idClips, { lang: 'id' });
    expect(await engine.isAvailable()).toBe(true);
    const tokens = announcementTokens(CALL);
    const wav = await engine.synthesize('', tokens, 'id');
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    const measured = await soxDuration(wav);
    expect(measured).toBeGreaterThan(2);
    expect(measured).toBeLessThan(7);
    // The clips end to end plus a 0.12 s gap between each pair.
    const clips = await Promise.all(
      tokens.map(async (token) => soxDuration(await readFile(join(idClips, `${token}.wav`)))),
    );
    const expected = clips.reduce((sum, seconds) => sum + seconds, 0) + 0.12 * (tokens.length - 1);
    expect(measured).toBeCloseTo(expected, 2);
  });

  it('adds the gap between clips', async () => {
    const tokens = ['num-1', 'num-2'];
    const tight = await soxDuration(
      await new ClipEngine(idClips, { gapSeconds: 0 }).synthesize('', tokens, 'id'),
    );
    const loose = await soxDuration(
      await new ClipEngine(idClips, { gapSeconds: 0.5 }).synthesize('', tokens, 'id'),
    );
    expect(loose - tight).toBeCloseTo(0.5, 2);
  });

  it('refuses another language and names missing clips', async () => {
    const engine = new ClipEngine(idClips, { lang: 'id' });
    await expect(engine.synthesize('', ['num-1'], 'en')).rejects.toThrow(/are in "id", not "en"/);
    const special = announcementTokens({ number: 'A1', counterName: 'Gerai Imigrasi 2' });
    expect(await engine.missingClips(special)).toEqual(['name-gerai-imigrasi.wav']);
    await expect(engine.synthesize('', special, 'id')).rejects.toThrow(
      /Missing clips in .*: name-gerai-imigrasi\.wav/,
    );
    await expect(engine.synthesize('', ['../secret'], 'id')).rejects.toThrow(TypeError);
  });

  it('generates clips for a specially named counter on request', async () => {
    const special = announcementTokens({ number: 'A1', counterName: 'Gerai Imigrasi 2' });
    await generateClipSet(idClips, 'id', { tokens: ['name-gerai-imigrasi'] });
    const wav = await new ClipEngine(idClips).synthesize('', special, 'id');
    expect(await soxDuration(wav)).toBeGreaterThan(1.5);
  });

  it('is unavailable while a clip of the set is missing', async () => {
    const partial = join(root, 'partial');
    await generateClipSet(partial, 'en', { tokens: ['nomor-antrean', 'num-1'] });
    const engine = new ClipEngine(partial);
    expect(await engine.isAvailable()).toBe(false);
    expect(await new ClipEngine(partial, { requiredTokens: ['num-1'] }).isAvailable()).toBe(true);
    expect(await new ClipEngine(join(root, 'nowhere')).isAvailable()).toBe(false);
  });

  it('refuses clips recorded in different formats, naming the files', async () => {
    const mixed = join(root, 'mixed');
    await generateClipSet(mixed, 'id', { tokens: ['num-1'] });
    const format = { encoding: 'pcm', channels: 2, sampleRate: 44100, bitsPerSample: 16 } as const;
    await writeFile(join(mixed, 'num-2.wav'), encodeWav(silence(format, 0.3)));
    await expect(new ClipEngine(mixed).synthesize('', ['num-1', 'num-2'], 'id')).rejects.toThrow(
      'num-2.wav is 44100 Hz stereo 16-bit PCM but num-1.wav is 22050 Hz mono 16-bit PCM',
    );
    await writeFile(join(mixed, 'num-3.wav'), 'not audio');
    await expect(new ClipEngine(mixed).synthesize('', ['num-3'], 'id')).rejects.toThrow(
      /Clip num-3\.wav .* is unreadable: Not a RIFF\/WAVE file/,
    );
    await unlink(join(mixed, 'num-3.wav'));
  });
});

describe('generate-clips CLI', () => {
  const run = promisify(execFile);
  const cli = join(import.meta.dirname, 'generate-clips.ts');

  it('writes the default clip set to a folder', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'giliran-cli-'));
    try {
      const { stdout } = await run('npx', ['tsx', cli, folder, '--lang', 'en'], { cwd: import.meta.dirname });
      expect(stdout).toContain(`Wrote ${CLIP_TOKENS.length} clips (en) to ${folder}`);
      expect(await readdir(folder)).toHaveLength(CLIP_TOKENS.length);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('explains its usage', async () => {
    const failure: unknown = await run('npx', ['tsx', cli], { cwd: import.meta.dirname }).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect(failure).toHaveProperty('stderr', expect.stringContaining('Usage: generate-clips <folder>'));
  });
});
