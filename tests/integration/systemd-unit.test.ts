/**
 * The hub's Linux service unit (deploy/linux/giliran-hub.service): systemd's own checker finds nothing to say
 * about it, and it keeps the promises docs/installation.md makes (boot start, restart always, unprivileged user,
 * the data folder). systemd cannot run as PID 1 in this container, so the restart itself is systemd's to keep.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBinary } from '../../packages/speech/src/testing/binaries.ts';

const run = promisify(execFile);
const UNIT = fileURLToPath(new URL('../../deploy/linux/giliran-hub.service', import.meta.url));

let folder = '';
let text = '';

beforeAll(async () => {
  await requireBinary('systemd-analyze', '--version', 'systemd');
  folder = await mkdtemp(join(tmpdir(), 'giliran-unit-'));
  text = await readFile(UNIT, 'utf8');
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** `Key=value` lines of one section; a key given twice keeps every value. */
function section(name: string): Map<string, string[]> {
  const lines = text.split('\n');
  const entries = new Map<string, string[]>();
  let inside = false;
  for (const line of lines) {
    const header = /^\[(.+)\]$/.exec(line.trim());
    if (header) inside = header[1] === name;
    const entry = /^([A-Za-z]+)=(.*)$/.exec(line);
    if (inside && entry?.[1] !== undefined) {
      entries.set(entry[1], [...(entries.get(entry[1]) ?? []), entry[2] ?? '']);
    }
  }
  return entries;
}

describe('deploy/linux/giliran-hub.service', () => {
  it('passes systemd-analyze verify without a single complaint', async () => {
    // The same file, with node where this machine has it (Debian's and NodeSource's packages: /usr/bin/node).
    const unit = join(folder, 'giliran-hub.service');
    await writeFile(unit, text.replace('/usr/bin/node ', `${process.execPath} `));
    const { stdout, stderr } = await run('systemd-analyze', ['verify', unit]);
    // verify exits 0 on an unknown key or a bad value, only saying so: any output is a failure here.
    expect(`${stdout}${stderr}`.trim()).toBe('');
  });

  it('starts at boot and restarts whenever the hub stops, without ever giving up', () => {
    expect(section('Install').get('WantedBy')).toEqual(['multi-user.target']);
    expect(section('Service').get('Restart')).toEqual(['always']);
    expect(section('Unit').get('StartLimitIntervalSec')).toEqual(['0']);
  });

  it('runs the bundled hub as an unprivileged user on /var/lib/giliran', () => {
    const service = section('Service');
    expect(service.get('User')).toEqual(['giliran']);
    expect(service.get('ExecStart')?.[0]).toMatch(/ \/opt\/giliran\/dist\/hub\/main\.js$/);
    expect(service.get('StateDirectory')).toEqual(['giliran']);
    expect(service.get('StateDirectoryMode')).toEqual(['0700']);
    expect(service.get('Environment')).toContain('DATA_DIR=/var/lib/giliran');
  });
});
