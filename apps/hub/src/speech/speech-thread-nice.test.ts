import { getPriority } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { niceOf, threadNices } from '../../../../tests/support/thread-nice.ts';
import { SpeechThread } from './speech-thread.ts';
import { BACKGROUND_NICE } from '../exports/background-thread.ts';

describe.runIf(process.platform === 'linux')('the speech thread, beside the hub loop', () => {
  const speech = new SpeechThread();
  afterAll(async () => {
    await speech.close();
  });

  it('runs at nice 19, starts the speech program at nice 19, and leaves the loop as it was', async () => {
    const before = getPriority(0);
    const stat = await speech.run('cat', ['/proc/self/stat'], { timeoutMs: 10_000 });
    expect(niceOf(stat.toString('utf8'))).toBe(BACKGROUND_NICE);
    expect(threadNices()).toContain(BACKGROUND_NICE);
    expect(getPriority(0)).toBe(before);
  });
});
