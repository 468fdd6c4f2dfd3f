import { describe, expect, it } from 'vitest';
import { centralSeqOf } from './site-epochs.ts';

describe('a hub event’s place at central across restores', () => {
  it('before any restore, the numbers are central’s own', () => {
    expect(centralSeqOf([], 42)).toBe(42);
  });

  it('after a restore, events past the fork follow everything central held', () => {
    // Central held 100; the hub came back from a backup ending at 60: its 61st event is central's 101st.
    const epochs = [{ epoch: 2, forkHubSeq: 60, offset: 40 }];
    expect([59, 60, 61, 75].map((seq) => centralSeqOf(epochs, seq))).toEqual([59, 60, 101, 115]);
  });

  it('a second restore from a backup older than the first fork shares only the log before it', () => {
    // Epoch 2 ran hub 61…80 as central 101…120; the hub then came back from a backup ending at 50 (central 50).
    const epochs = [
      { epoch: 2, forkHubSeq: 60, offset: 40 },
      { epoch: 3, forkHubSeq: 50, offset: 70 },
    ];
    expect([50, 51, 61].map((seq) => centralSeqOf(epochs, seq))).toEqual([50, 121, 131]);
    // A second restore from a backup taken during epoch 2 (hub 70 = central 110) keeps epoch 2's numbering before it.
    const later = [
      { epoch: 2, forkHubSeq: 60, offset: 40 },
      { epoch: 3, forkHubSeq: 70, offset: 50 },
    ];
    expect([60, 65, 70, 71].map((seq) => centralSeqOf(later, seq))).toEqual([60, 105, 110, 121]);
  });
});
