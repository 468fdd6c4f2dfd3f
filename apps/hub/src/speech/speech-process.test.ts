import { getPriority } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { niceOf } from '../../../../tests/support/thread-nice.ts';
import { BACKGROUND_NICE } from '../exports/background-host.ts';
import { SpeechProcess } from './speech-process.ts';

/** Fields of a /proc stat line after the command name: [0] is the state, [1] the parent's pid, [38] the policy. */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}
const SCHED_IDLE = 5;

describe.runIf(process.platform === 'linux')('the speech host, beside the hub', () => {
  const speech = new SpeechProcess();
  afterAll(async () => {
    await speech.close();
  });

  it('starts the speech program from its own small process, never by forking the hub, at the lowest priority', async () => {
    const before = getPriority(0);
    const stat = (await speech.run('cat', ['/proc/self/stat'], { timeoutMs: 10_000 })).toString('utf8');
    const fields = statFields(stat);
    // The program's parent is the host, not this process (the hub): the hub's loop never pays for a fork.
    expect(Number(fields[1])).toBe(speech.pid);
    expect(Number(fields[1])).not.toBe(process.pid);
    expect(niceOf(stat)).toBe(BACKGROUND_NICE);
    expect(Number(fields[38])).toBe(SCHED_IDLE);
    expect(getPriority(0)).toBe(before);
  });

  it('levels a WAV there and hands back the bytes; a failing program is a readable error, and the host lives on', async () => {
    await expect(speech.run('false', [], { timeoutMs: 10_000 })).rejects.toThrow(
      /false failed \(exit code 1\)/,
    );
    await expect(speech.run('no-such-program-here', [], { timeoutMs: 10_000 })).rejects.toThrow(
      /not installed/,
    );
    const echoed = await speech.run('printf', ['abc'], { timeoutMs: 10_000 });
    expect(echoed.toString('utf8')).toBe('abc');
    expect(speech.started).toBe(1);
  });

  it('is started again after it dies, and what it was doing fails instead of hanging', async () => {
    const pending = speech.run('sleep', ['5'], { timeoutMs: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    process.kill(speech.pid ?? 0, 'SIGKILL');
    await expect(pending).rejects.toThrow(/speech host process stopped/);
    const again = await speech.run('printf', ['ok'], { timeoutMs: 10_000 });
    expect(again.toString('utf8')).toBe('ok');
    expect(speech.started).toBe(2);
  });
});
