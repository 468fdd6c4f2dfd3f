import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Fails loudly instead of skipping: CI installs these, so a missing one is a broken machine. */
export async function requireBinary(
  binary: string,
  versionArg: string,
  debianPackage: string,
): Promise<void> {
  try {
    await run(binary, [versionArg]);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `${binary} is required by these tests but does not run (${reason}): apt-get install ${debianPackage}`,
      { cause: error },
    );
  }
}

/** Duration in seconds as sox measures it, independent of this package's own WAV reader. */
export async function soxDuration(wav: Buffer): Promise<number> {
  const folder = await mkdtemp(join(tmpdir(), 'giliran-sox-'));
  try {
    const file = join(folder, 'measure.wav');
    await writeFile(file, wav);
    const { stdout } = await run('sox', ['--i', '-D', file]);
    return Number(stdout.trim());
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
