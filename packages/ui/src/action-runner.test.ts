import { describe, expect, it } from 'vitest';
import { ActionRunner } from './action-runner.ts';

class NetworkError extends Error {}

function runner(whenOnline: () => Promise<void> = () => Promise.resolve()) {
  let n = 0;
  const busy: boolean[] = [];
  const r = new ActionRunner({
    newKey: () => `key-${++n}`,
    whenOnline,
    isNetworkFailure: (e) => e instanceof NetworkError,
    onBusy: (b) => busy.push(b),
  });
  return { r, busy };
}

describe('the action runner', () => {
  it('ignores a second press while the first is in flight', async () => {
    const { r, busy } = runner();
    let release: (v: string) => void = () => undefined;
    const first = r.run(() => new Promise<string>((resolve) => (release = resolve)));
    expect(await r.run(() => Promise.resolve('second'))).toBeUndefined();
    release('first');
    expect(await first).toBe('first');
    expect(busy).toEqual([true, false]);
    expect(await r.run(() => Promise.resolve('third'))).toBe('third');
  });

  it('retries a lost answer once the hub is back, with the same idempotency key', async () => {
    let online: () => void = () => undefined;
    const { r } = runner(() => new Promise<void>((resolve) => (online = resolve)));
    const keys: string[] = [];
    const result = r.run((key) => {
      keys.push(key);
      return keys.length === 1 ? Promise.reject(new NetworkError()) : Promise.resolve('A001');
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(keys).toEqual(['key-1']);
    online();
    expect(await result).toBe('A001');
    expect(keys).toEqual(['key-1', 'key-1']);
  });

  it('passes a refusal from the hub straight through without retrying', async () => {
    const { r } = runner();
    let sends = 0;
    await expect(
      r.run(() => {
        sends += 1;
        return Promise.reject(new Error('NOTHING_WAITING'));
      }),
    ).rejects.toThrow('NOTHING_WAITING');
    expect(sends).toBe(1);
    expect(r.running).toBe(false);
  });
});
