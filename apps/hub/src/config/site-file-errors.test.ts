import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { hashPin } from '../auth/secrets.ts';
import { pinHashProblem } from './pin-hash.ts';
import { loadSiteConfig } from './site-config.ts';

const demoPath = fileURLToPath(new URL('../../../../assets/demo-site/site.json', import.meta.url));
const demoText = readFileSync(demoPath, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'giliran-site-file-'));

function siteFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The demo file with its first account's pinHash replaced. */
function withPinHash(pinHash: string): string {
  const site = JSON.parse(demoText) as { accounts: { pinHash: string }[] };
  const first = site.accounts[0];
  if (first) first.pinHash = pinHash;
  return JSON.stringify(site, null, 2);
}

describe('site file errors a person can fix', () => {
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts a UTF-8 file with a byte-order mark, as Notepad writes it', () => {
    const path = siteFile('bom.json', `\uFEFF${demoText}`);
    expect(loadSiteConfig(path).id).toBe(loadSiteConfig(demoPath).id);
  });

  it('names the file and the line where a truncated file stops', () => {
    const lines = demoText.split('\n');
    const path = siteFile('cut.json', lines.slice(0, 40).join('\n'));
    expect(() => loadSiteConfig(path)).toThrow(`${path}:40:`);
    expect(() => loadSiteConfig(path)).toThrow(/ends too early/);
  });

  it('names the file and the line of a syntax error in the middle', () => {
    const lines = demoText.split('\n');
    lines[11] = `${lines[11] ?? ''} oops`;
    const path = siteFile('typo.json', lines.join('\n'));
    expect(() => loadSiteConfig(path)).toThrow(new RegExp(`^${path}:12:\\d+: not valid JSON`));
  });

  it('says an empty file is empty, with its name', () => {
    for (const [name, text] of [
      ['empty.json', ''],
      ['blank.json', '\uFEFF  \n'],
    ] as const) {
      const path = siteFile(name, text);
      expect(() => loadSiteConfig(path)).toThrow(`${path} is empty`);
    }
  });

  it('refuses absurd scrypt parameters in a pinHash at start', async () => {
    const good = await hashPin('835712');
    expect(pinHashProblem(good)).toBeNull();
    const [, , , , salt, hash] = good.split('$');
    for (const [params, problem] of [
      ['1073741824$8$1', /N must be a power of two/],
      ['2$8$1', /N must be a power of two/],
      ['16385$8$1', /N must be a power of two/],
      ['16384$0$1', /r must be/],
      ['16384$8$99999', /p must be/],
      ['1048576$32$1', /MiB/],
      ['16384$8$-1', /p must be/],
    ] as const) {
      const path = siteFile('scrypt.json', withPinHash(`scrypt$${params}$${salt ?? ''}$${hash ?? ''}`));
      expect(() => loadSiteConfig(path), params).toThrow(problem);
      expect(() => loadSiteConfig(path), params).toThrow(/accounts\[0\]\.pinHash/);
    }
    expect(pinHashProblem('scrypt$16384$8$1$c2hvcnQ=$' + (hash ?? ''))).toMatch(/salt/);
    expect(pinHashProblem('bcrypt$10$x')).toMatch(/scrypt\$N\$r\$p/);
  });
});
