import { describe, expect, it } from 'vitest';
import { ManualClock } from '../testing/manual-clock.ts';
import { TimeOnlyRefresh } from './time-only-refresh.ts';

const MINUTE = 60_000;

function world() {
  const clock = new ManualClock('2026-11-25T01:00:00.000Z');
  const state = { watching: false, refreshes: 0 };
  const refresh = new TimeOnlyRefresh(
    clock,
    {
      watching: () => state.watching,
      refresh: () => {
        state.refreshes++;
      },
    },
    MINUTE,
  );
  return { clock, state, refresh };
}

describe('the status pages’ time-only refresh', () => {
  it('runs each minute on the hub’s clock while a phone follows a ticket, and not at all otherwise', () => {
    const w = world();
    w.refresh.wake();
    w.clock.advance(30 * 24 * 60 * MINUTE);
    expect(w.state.refreshes).toBe(0);

    w.state.watching = true;
    w.refresh.wake();
    w.refresh.wake();
    w.clock.advance(3 * MINUTE);
    expect(w.state.refreshes).toBe(3);
    // The phone leaves: the next refresh is the last, and a long jump then plays nothing.
    w.state.watching = false;
    w.clock.advance(30 * 24 * 60 * MINUTE);
    expect(w.state.refreshes).toBe(4);
    w.refresh.stop();
  });

  it('has no timer after it stops', () => {
    const w = world();
    w.state.watching = true;
    w.refresh.wake();
    w.refresh.stop();
    w.clock.advance(10 * MINUTE);
    expect(w.state.refreshes).toBe(0);
  });
});
