/**
 * The desktop shells through electron-builder's real packaging pipeline, as `npm run dist:<app>` runs it,
 * with `--dir` (the unpacked app, no installer) and `electronDist` pointing at a stand-in Electron folder made
 * here: this machine cannot download the Electron binary. What is checked is what electron-builder puts in
 * the app: the bundled main and preload, the package.json naming the main, and nothing else.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { extractFile, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILDER = join(ROOT, 'node_modules', 'electron-builder', 'cli.js');

interface Shell {
  readonly app: 'kiosk' | 'display' | 'counter';
  readonly config: string;
  readonly executable: string;
  /** Words of its offline page, which the shell shows from inside its bundle while the hub is away. */
  readonly offlineWords: string;
  /** What must be inside its bundle since no node_modules is packed: the display's `say` package. */
  readonly bundled?: string;
}

const SHELLS: readonly Shell[] = [
  {
    app: 'kiosk',
    config: 'electron-builder.yml',
    executable: 'giliran-kiosk',
    offlineWords: 'Mesin antrean sedang tidak terhubung',
  },
  {
    app: 'display',
    config: 'electron-builder.display.yml',
    executable: 'giliran-display',
    offlineWords: 'Layar antrean sedang tidak terhubung',
    // `say` builds this PowerShell line: the package is inside main.cjs, or Windows would have no voice.
    bundled: 'SetOutputToWaveFile',
  },
  {
    app: 'counter',
    config: 'electron-builder.counter.yml',
    executable: 'giliran-counter',
    offlineWords: 'Aplikasi loket tidak terhubung ke server antrean',
  },
];

let work = '';
let standInElectron = '';

/** What electron-builder copies from an unpacked Electron for Linux: the binary it renames, and resources/. */
async function makeStandInElectron(folder: string): Promise<void> {
  await mkdir(join(folder, 'resources'), { recursive: true });
  await mkdir(join(folder, 'locales'), { recursive: true });
  const binary = join(folder, 'electron');
  await writeFile(
    binary,
    '#!/bin/sh\necho "stand-in for the Electron binary, which cannot be downloaded here"\n',
  );
  await chmod(binary, 0o755);
  await writeFile(join(folder, 'version'), '41.7.1');
  await writeFile(join(folder, 'LICENSE'), 'stand-in\n');
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'giliran-packaging-'));
  standInElectron = join(work, 'electron-stand-in');
  await makeStandInElectron(standInElectron);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The first half of `npm run dist:<app>`, then its packaging with `--dir` on the stand-in. */
async function pack(shell: Shell): Promise<string> {
  await run('npm', ['run', 'build', '-w', `@giliran/${shell.app}`], { cwd: ROOT });
  const output = join(work, shell.app);
  await run(
    process.execPath,
    [
      BUILDER,
      '--config',
      shell.config,
      '--linux',
      '--dir',
      `-c.electronDist=${standInElectron}`,
      `-c.directories.output=${output}`,
    ],
    { cwd: ROOT, env: { ...process.env, CI: 'true' } },
  );
  return join(output, 'linux-unpacked');
}

describe('npm run dist:<app> scripts', () => {
  it('bundle the shell, then pack NSIS and AppImage with its own config', async () => {
    const scripts = (
      JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    for (const shell of SHELLS) {
      expect(scripts[`dist:${shell.app}`]).toBe(
        `npm run build -w @giliran/${shell.app} && electron-builder --config ${shell.config} --win --linux`,
      );
    }
  });
});

describe.each(SHELLS)('the packed $app app', (shell) => {
  it('holds the bundled main and preload and its package.json, and nothing else', async () => {
    const unpacked = await pack(shell);
    expect((await stat(join(unpacked, shell.executable))).isFile()).toBe(true);
    const asar = join(unpacked, 'resources', 'app.asar');
    const files = listPackage(asar, { isPack: false }).map((path) => path.replaceAll('\\', '/'));

    expect(files.sort()).toEqual(['/dist', '/dist/main.cjs', '/dist/preload.cjs', '/package.json']);
    // Nothing is left outside the archive either (an unpacked node_modules for native modules).
    await expect(stat(join(unpacked, 'resources', 'app.asar.unpacked'))).rejects.toThrow('ENOENT');

    const manifest = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as { main: string };
    expect(manifest.main).toBe('dist/main.cjs');
    const main = extractFile(asar, 'dist/main.cjs').toString('utf8');
    // The local pages are data: URLs inside the bundle: the only page assets a shell carries.
    expect(main).toContain(shell.offlineWords);
    if (shell.bundled !== undefined) expect(main).toContain(shell.bundled);
    // No site config or secrets: no demo tokens, no PIN hashes, no per-machine config file.
    for (const secret of ['demo-kiosk', 'demo-display', 'pinHash', 'tokenSha256', '"hubUrl":"http']) {
      expect(main).not.toContain(secret);
    }
  }, 180_000);
});
