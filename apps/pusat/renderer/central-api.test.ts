import { describe, expect, it } from 'vitest';
import { coalesced } from './central-api.ts';

describe('refreshes of the site list', () => {
  it('never run two at once; calls made during one cost exactly one more, which sees the newest state', async () => {
    let running = 0;
    let most = 0;
    let loads = 0;
    let release: () => void = () => undefined;
    const refresh = coalesced(async () => {
      running += 1;
      most = Math.max(most, running);
      loads += 1;
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      running -= 1;
    });
    refresh();
    for (let i = 0; i < 50; i++) refresh(); // a burst of batches from many sites
    release();
    await new Promise((r) => setTimeout(r, 0));
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(loads).toBe(2);
    expect(most).toBe(1);
    refresh();
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(loads).toBe(3);
  });
});
