import { afterEach, describe, expect, it, vi } from 'vitest';
import { newIdempotencyKey } from './format.ts';

describe('idempotency keys for user actions', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('are 128 random bits as hex, different each time', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => newIdempotencyKey()));
    expect(keys.size).toBe(1000);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
  });

  it('work where the page is not a secure context (plain HTTP on the hall LAN: no randomUUID)', () => {
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });
    expect(newIdempotencyKey()).toMatch(/^[0-9a-f]{32}$/);
  });
});
