import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// scripts/system-deps.sh, the first step of `npm test` and of .ci/run, run in a container-like corner of this
// machine: a PATH that holds only bash (every tool the tests need is hidden), a private mount namespace whose
// /etc/os-release says which system this is, and a user namespace's root or an unprivileged user in it.
// The packages it installs for real are proved in a debootstrap chroot (scripts/system-deps-chroot.sh).

const SCRIPT = fileURLToPath(new URL('../../scripts/system-deps.sh', import.meta.url));
const BASH = '/bin/bash';
/**
 * The packages this machine has but the test hides: commands by the bare PATH, Chromium by a CHROMIUM_PATH
 * where there is none (fonts, PostgreSQL and systemd-analyze are found as files and stay found).
 */
const HIDDEN = ['python3', 'make', 'g++', 'chromium', 'espeak-ng', 'sox', 'poppler-utils'];

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';
const ALPINE = 'NAME="Alpine Linux"\nID=alpine\n';

let dir: string;
let bin: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'giliran-system-deps-'));
  bin = join(dir, 'bin');
  spawnSync('mkdir', [bin]);
  symlinkSync(BASH, join(bin, 'bash'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  readonly status: number | null;
  readonly stderrLines: string[];
}

/**
 * Runs the script with only `bin` on PATH and /etc/os-release replaced by `osRelease`, in a user and mount
 * namespace of its own (so this works as root, as in CI, and as a user): as that namespace's root, or as a
 * user without privileges (a nested user namespace with no mapping: EUID 65534).
 */
function runScript(osRelease: string, user: 'root' | 'nobody'): Run {
  const release = join(dir, 'os-release');
  writeFileSync(release, osRelease);
  chmodSync(dir, 0o755);
  const inner = `mount --bind ${release} /etc/os-release && exec ${
    user === 'nobody' ? '/usr/bin/unshare --user ' : ''
  }/usr/bin/env PATH=${bin} CHROMIUM_PATH=${join(dir, 'chromium')} ${BASH} ${SCRIPT}`;
  const result = spawnSync('/usr/bin/unshare', ['--user', '--map-root-user', '--mount', BASH, '-c', inner], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { status: result.status, stderrLines: result.stderr.split('\n').filter(Boolean) };
}

/** A stand-in apt-get on the bare PATH that records its arguments; `installs` makes it put the hidden tools back. */
function fakeAptGet(installs: boolean): string {
  const log = join(dir, 'apt-get.log');
  const restore = installs
    ? [
        ...['python3', 'make', 'g++', 'espeak-ng', 'sox', 'pdftoppm'].map(
          (tool) => `ln -sf /usr/bin/${tool} ${bin}/${tool}`,
        ),
        `ln -sf /usr/bin/chromium ${join(dir, 'chromium')}`,
      ].join('\n')
    : '';
  const script = join(bin, 'apt-get');
  writeFileSync(
    script,
    `#!${BASH}\necho "$*" >> ${log}\n[[ $1 == install ]] && { PATH=/usr/bin:/bin\n${restore}\n}\nexit 0\n`,
  );
  chmodSync(script, 0o755);
  return log;
}

describe('scripts/system-deps.sh (the first step of npm test)', () => {
  it('passes at once on this machine, where every package is installed', () => {
    const result = spawnSync(BASH, [SCRIPT], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.each([
    ['Debian', DEBIAN],
    ['Ubuntu', UBUNTU],
  ])('names the sudo apt-get command in one line for a user on %s', (_, osRelease) => {
    symlinkSync('/bin/false', join(bin, 'apt-get'));
    const { status, stderrLines } = runScript(osRelease, 'nobody');
    expect(status).toBe(1);
    expect(stderrLines).toEqual([
      'The tests need system packages that are missing; run: sudo apt-get update && ' +
        `sudo apt-get install -y --no-install-recommends ${HIDDEN.join(' ')}`,
    ]);
  });

  it('names the dnf command with Fedora names on Fedora', () => {
    symlinkSync('/bin/false', join(bin, 'dnf'));
    const { status, stderrLines } = runScript(FEDORA, 'nobody');
    expect(status).toBe(1);
    expect(stderrLines).toEqual([
      'The tests need system packages that are missing; run: sudo dnf install -y ' +
        'python3 make gcc-c++ chromium espeak-ng sox poppler-utils',
    ]);
  });

  it('names the missing packages in one line where it knows no package manager', () => {
    const { status, stderrLines } = runScript(ALPINE, 'root');
    expect(status).toBe(1);
    expect(stderrLines).toEqual([
      `The tests need system packages that are missing (Debian names; no apt-get or dnf here to name the command): ${HIDDEN.join(' ')}`,
    ]);
  });

  it('installs the missing packages with apt-get as root on Debian, and goes on when they are there', () => {
    const log = fakeAptGet(true);
    const { status } = runScript(DEBIAN, 'root');
    expect(readFileSync(log, 'utf8').split('\n').filter(Boolean)).toEqual([
      'update -q',
      `install -y -q --no-install-recommends ${HIDDEN.join(' ')}`,
    ]);
    expect(status).toBe(0);
  });

  it('stops, naming them, when apt-get leaves packages missing', () => {
    fakeAptGet(false);
    const { status, stderrLines } = runScript(UBUNTU, 'root');
    expect(status).toBe(1);
    expect(stderrLines.at(-1)).toBe(
      `system-deps: still missing after apt-get install: ${HIDDEN.join(', ')} ` +
        `(CHROMIUM_PATH is ${join(dir, 'chromium')})`,
    );
  });

  it("is the list the README names (the README's list is read, not kept)", () => {
    const script = readFileSync(SCRIPT, 'utf8');
    const table = /PACKAGES='\n([\s\S]*?)\n'/.exec(script)?.[1] ?? '';
    const packages = table.split('\n').flatMap((line) => line.split(/\s+/, 1).filter(Boolean));
    expect(packages).toContain('chromium');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const listed = /listed once, in `scripts\/system-deps\.sh`:\s*([^)]*)\)/.exec(readme)?.[1] ?? '';
    expect(listed.split(/,\s*/)).toEqual(packages);
  });
});
