/** Keys closer than this belong to one scan (generous: a loaded PC delivers a scanner's burst unevenly). */
export const SCAN_GAP_MS = 1000;

/** The shortest text taken as a scan: a booking code is 8 characters, its signed QR token far longer. */
const MIN_SCAN_LENGTH = 6;

/**
 * What the listener needs of a key event and of the page: the page passes `document`, a test stand-ins. (No DOM
 * types here: the package is also compiled for the Electron shells' main processes, without the DOM library.)
 */
export interface ScanKey {
  readonly key: string;
  readonly target: unknown;
}
export interface ScanSource {
  addEventListener(type: 'keydown', listener: (event: ScanKey) => void): void;
  removeEventListener(type: 'keydown', listener: (event: ScanKey) => void): void;
}

function isField(target: unknown): boolean {
  const tag = (target as { tagName?: unknown } | null)?.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/**
 * Listens for a keyboard-wedge scanner (the usual kiosk and desk scanner types what it reads, then Enter) anywhere
 * on the page: characters in a quick burst ended by Enter. Keys typed into a field are left to the field, whose
 * own form reads a scan typed into it. Returns the function that stops listening.
 */
export function listenForScans(
  onScan: (text: string) => void,
  source: ScanSource,
  now: () => number = () => performance.now(),
): () => void {
  let buffer = '';
  let last = 0;
  const onKey = (event: ScanKey) => {
    if (isField(event.target)) return;
    const at = now();
    if (at - last > SCAN_GAP_MS) buffer = '';
    last = at;
    if (event.key === 'Enter') {
      if (buffer.length >= MIN_SCAN_LENGTH) onScan(buffer);
      buffer = '';
    } else if (event.key.length === 1) buffer += event.key;
  };
  source.addEventListener('keydown', onKey);
  return () => {
    source.removeEventListener('keydown', onKey);
  };
}
