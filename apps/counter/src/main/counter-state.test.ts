import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CounterId, openCounterStore, readCounterState, STATE_FILE_NAME } from './counter-state.ts';

// The real file system, with `rename` watched: the write must land through it.
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  return { ...fs, rename: vi.fn(fs.rename) };
});

let dir: string;
let path: string;

beforeEach(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  dir = await mkdtemp(join(tmpdir(), 'giliran-counter-state-'));
  path = join(dir, STATE_FILE_NAME);
});

afterEach(async () => {
  vi.restoreAllMocks();
  vi.mocked(rename).mockClear();
  await rm(dir, { recursive: true, force: true });
});

describe('CounterId', () => {
  it("takes the protocol's id characters, 1 to 64 of them, untrimmed", () => {
    for (const id of ['loket-1', 'A', 'disdukcapil:loket_2.b', 'x'.repeat(64)]) {
      expect(CounterId.safeParse(id).success).toBe(true);
    }
    for (const id of ['', ' loket-1', 'loket 1', 'loket/1', 'x'.repeat(65), 42, null, { id: 'loket-1' }]) {
      expect(CounterId.safeParse(id).success).toBe(false);
    }
  });
});

describe('openCounterStore', () => {
  it('starts with no counter on a new PC, without a warning', async () => {
    const store = await openCounterStore(path);
    expect(store.current()).toBeNull();
    expect(console.warn).not.toHaveBeenCalled();
  });

  it('remembers a counter across restarts', async () => {
    const first = await openCounterStore(path);
    await first.remember('loket-3');
    expect(first.current()).toBe('loket-3');
    const afterRestart = await openCounterStore(path);
    expect(afterRestart.current()).toBe('loket-3');
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ counterId: 'loket-3' });
  });

  it('writes a temp file and renames it over the old one, leaving no temp file behind', async () => {
    const store = await openCounterStore(path);
    await store.remember('loket-1');
    await store.remember('loket-2');
    expect(vi.mocked(rename).mock.calls).toEqual([
      [`${path}.tmp`, path],
      [`${path}.tmp`, path],
    ]);
    expect(await readdir(dir)).toEqual([STATE_FILE_NAME]);
    expect(await readCounterState(path)).toBe('loket-2');
  });

  it('does not write again when the counter is the same as before', async () => {
    const store = await openCounterStore(path);
    await store.remember('loket-1');
    await store.remember('loket-1');
    expect(rename).toHaveBeenCalledOnce();
  });

  it('creates the folder when userData does not exist yet', async () => {
    const nested = join(dir, 'giliran-counter', STATE_FILE_NAME);
    const store = await openCounterStore(nested);
    await store.remember('loket-4');
    expect(await readCounterState(nested)).toBe('loket-4');
  });

  it('keeps quick successive writes in order', async () => {
    const store = await openCounterStore(path);
    await Promise.all(['loket-1', 'loket-2', 'loket-3'].map((id) => store.remember(id)));
    expect(store.current()).toBe('loket-3');
    expect(await readCounterState(path)).toBe('loket-3');
  });

  it('keeps the old file and counter when a write fails, and still writes the next one', async () => {
    const store = await openCounterStore(path);
    await store.remember('loket-1');
    // A directory where the temp file goes makes the write fail before the rename.
    await mkdir(`${path}.tmp`);
    await expect(store.remember('loket-2')).rejects.toThrow();
    expect(store.current()).toBe('loket-1');
    expect(await readCounterState(path)).toBe('loket-1');
    await rm(`${path}.tmp`, { recursive: true });
    await store.remember('loket-5');
    expect(await readCounterState(path)).toBe('loket-5');
  });

  it('forgets a corrupt or invalid file with a warning instead of failing', async () => {
    for (const text of ['{not json', '{"counterId":"loket 1"}', '[]']) {
      await writeFile(path, text);
      const store = await openCounterStore(path);
      expect(store.current()).toBeNull();
    }
    expect(console.warn).toHaveBeenCalledTimes(3);
  });
});
