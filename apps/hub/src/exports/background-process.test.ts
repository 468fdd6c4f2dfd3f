import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const PARENT = fileURLToPath(new URL('../../../../tests/support/host-parent.ts', import.meta.url));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.runIf(process.platform !== 'win32')('a host process when the hub dies', () => {
  it('ends at once when the hub is killed with SIGKILL in the middle of its work: no orphan renders for nobody', async () => {
    const hub = spawn(process.execPath, ['--import', 'tsx', PARENT], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const host = await new Promise<number>((resolve, reject) => {
      hub.stdout.setEncoding('utf8');
      hub.stdout.once('data', (line: string) => {
        resolve(Number(line.trim()));
      });
      hub.once('exit', () => {
        reject(new Error('the stand-in hub ended before its host started'));
      });
    });
    expect(alive(host)).toBe(true);
    hub.kill('SIGKILL');
    const deadline = Date.now() + 10_000;
    while (alive(host) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(alive(host)).toBe(false);
  });
});
