import type { DaySummary, GroupTally } from '@giliran/domain';

/**
 * How a day summary is stored: its counts as JSON, and all its duration histograms in one array of 32-bit integers
 * (`[seconds, count, …]` runs), each group pointing at its run by offset and length. A year of days then reads as
 * 365 small JSON texts and 365 binary arrays viewed in place: parsing a year of histograms as JSON numbers took
 * longer than the whole report may. Native byte order (little-endian on the x86 and ARM PCs a hub runs on).
 */
export interface EncodedDay {
  readonly counts: string;
  readonly histograms: Buffer;
}

type Run = readonly [offset: number, length: number];
type StoredTally = Omit<GroupTally, 'wait' | 'service'> & { wait: Run; service: Run };
type StoredGroups = Record<string, StoredTally>;
type StoredDay = Omit<DaySummary, 'services' | 'counters' | 'officers'> & {
  services: StoredGroups;
  counters: StoredGroups;
  officers: StoredGroups;
};

export function encodeDay(summary: DaySummary): EncodedDay {
  const numbers: number[] = [];
  const run = (histogram: ArrayLike<number>): Run => {
    const offset = numbers.length;
    for (let i = 0; i < histogram.length; i++) numbers.push(histogram[i] ?? 0);
    return [offset, histogram.length];
  };
  const groups = (section: Readonly<Record<string, GroupTally>>): StoredGroups => {
    const out: StoredGroups = {};
    for (const [key, tally] of Object.entries(section))
      out[key] = { ...tally, wait: run(tally.wait), service: run(tally.service) };
    return out;
  };
  const stored: StoredDay = {
    ...summary,
    services: groups(summary.services),
    counters: groups(summary.counters),
    officers: groups(summary.officers),
  };
  const ints = Int32Array.from(numbers);
  return {
    counts: JSON.stringify(stored),
    histograms: Buffer.from(ints.buffer, ints.byteOffset, ints.byteLength),
  };
}

/** An Int32Array over the blob, copied only when SQLite's buffer is not 4-byte aligned. */
function int32View(blob: Buffer): Int32Array {
  if (blob.byteOffset % 4 === 0) return new Int32Array(blob.buffer, blob.byteOffset, blob.byteLength / 4);
  return new Int32Array(Uint8Array.from(blob).buffer);
}

export function decodeDay(counts: string, histograms: Buffer): DaySummary {
  const stored = JSON.parse(counts) as StoredDay;
  const ints = int32View(histograms);
  const view = ([offset, length]: Run) => ints.subarray(offset, offset + length);
  const groups = (section: StoredGroups): Record<string, GroupTally> => {
    const out: Record<string, GroupTally> = {};
    for (const [key, tally] of Object.entries(section))
      out[key] = { ...tally, wait: view(tally.wait), service: view(tally.service) };
    return out;
  };
  return {
    ...stored,
    services: groups(stored.services),
    counters: groups(stored.counters),
    officers: groups(stored.officers),
  };
}
