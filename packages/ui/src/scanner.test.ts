import { describe, expect, it } from 'vitest';
import { listenForScans, SCAN_GAP_MS, type ScanKey, type ScanSource } from './scanner.ts';

/** A document stand-in that delivers keys to the listener at given moments. */
function fakePage() {
  let listener: ((event: ScanKey) => void) | null = null;
  let clock = 0;
  const source: ScanSource = {
    addEventListener: (_type, l) => {
      listener = l;
    },
    removeEventListener: () => {
      listener = null;
    },
  };
  const type = (text: string, gapMs = 20, target: unknown = null) => {
    for (const key of [...text.split(''), 'Enter']) {
      clock += gapMs;
      listener?.({ key, target });
    }
  };
  return { source, type, now: () => clock, listening: () => listener !== null };
}

describe('listenForScans', () => {
  it('takes a quick burst ended by Enter as one scan, and stops when asked', () => {
    const page = fakePage();
    const scans: string[] = [];
    const stop = listenForScans((text) => scans.push(text), page.source, page.now);
    page.type('K7M2QX9P');
    page.type('GB1.eyJj.c2ln');
    expect(scans).toEqual(['K7M2QX9P', 'GB1.eyJj.c2ln']);
    stop();
    expect(page.listening()).toBe(false);
  });

  it('ignores slow typing, short bursts, and keys typed into a field', () => {
    const page = fakePage();
    const scans: string[] = [];
    listenForScans((text) => scans.push(text), page.source, page.now);
    page.type('K7M2QX9P', SCAN_GAP_MS + 1);
    page.type('A12');
    page.type('K7M2QX9P', 20, { tagName: 'INPUT' });
    expect(scans).toEqual([]);
  });
});
