import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

/** Beside counter.json in userData; counter.json itself stays the technician's and is never rewritten. */
export const STATE_FILE_NAME = 'counter-state.json';

/** The protocol's id pattern (`Id` in @giliran/protocol), without its trimming: the page sends the id as is. */
export const CounterId = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'letters, digits, _ . : - only (1–64)');

const CounterState = z.object({ counterId: CounterId.nullable() });
type CounterState = z.infer<typeof CounterState>;

export interface CounterStore {
  /** The counter signed in at last, or null before the first sign-in on this PC. */
  readonly current: () => string | null;
  /** Persists `counterId` (already validated); resolves once it is on disk. */
  readonly remember: (counterId: string) => Promise<void>;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/**
 * Whatever is wrong with the file, the answer is "no counter yet": losing it costs the officer one choice at
 * sign-in, which is no reason to keep the app from starting.
 */
export async function readCounterState(path: string): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') console.warn(`[counter] cannot read ${path}:`, error);
    return null;
  }
  try {
    const parsed = CounterState.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data.counterId;
  } catch {
    // Falls through to the warning: not JSON.
  }
  console.warn(`[counter] ignoring ${path}: not a valid counter state`);
  return null;
}

/** Write, then rename over the old file: a power cut mid-write leaves the old file or the new one, never half. */
export async function writeCounterState(path: string, state: CounterState): Promise<void> {
  const temp = `${path}.tmp`;
  await mkdir(dirname(path), { recursive: true });
  await writeFile(temp, `${JSON.stringify(state, null, 2)}\n`, 'utf8');
  await rename(temp, path);
}

/** Loads the remembered counter and keeps it; writes go one at a time, since they share the temp file. */
export async function openCounterStore(path: string): Promise<CounterStore> {
  let current = await readCounterState(path);
  let writing: Promise<unknown> = Promise.resolve();

  const persist = async (counterId: string): Promise<void> => {
    // An officer signs in at the same counter day after day: nothing new to write.
    if (counterId === current) return;
    await writeCounterState(path, { counterId });
    current = counterId;
  };

  return {
    current: () => current,
    remember: (counterId) => {
      const job = writing.then(() => persist(counterId));
      // The next write waits for this one, but not on its success.
      writing = job.catch(() => undefined);
      return job;
    },
  };
}
