import { describe, expect, it } from 'vitest';
import { takeTokenFromAddress } from './device-pairing.ts';

/** The little of a window the function touches: an address, its history and the page's storage. */
function fakeWindow(href: string) {
  const stored = new Map<string, string>();
  const win = {
    location: { href } as Location,
    history: {
      state: null,
      replaceState: (_state: unknown, _title: string, next: string) => {
        win.location = { href: new URL(next, href).href } as Location;
      },
    } as unknown as History,
    localStorage: {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => {
        stored.set(key, value);
      },
    } as Storage,
  };
  return win;
}

describe('takeTokenFromAddress', () => {
  it("takes the demo's ?token= into storage and out of the address", () => {
    const win = fakeWindow('http://hub/kiosk?token=demo-kiosk&lang=en');
    expect(takeTokenFromAddress('k', win)).toBe('demo-kiosk');
    expect(win.location.href).toBe('http://hub/kiosk?lang=en');
  });

  it("takes an Electron shell's #token= (never sent to the hub) and leaves the rest of the address", () => {
    const win = fakeWindow('http://hub/display?lang=id&counters=loket-1#token=a%26b%3Dc');
    expect(takeTokenFromAddress('d', win)).toBe('a&b=c');
    expect(win.location.href).toBe('http://hub/display?lang=id&counters=loket-1');
    // Once stored, a later start with no token in the address still has it.
    expect(takeTokenFromAddress('d', win)).toBe('a&b=c');
  });

  it('has nothing to take from a plain address', () => {
    expect(takeTokenFromAddress('x', fakeWindow('http://hub/display'))).toBeNull();
  });
});
