import { describe, expect, it } from 'vitest';
import { CounterPresence } from './counter-presence.ts';

const budi = { counterId: 'loket-1', username: 'loket1', name: 'Budi', since: '2026-11-25T01:00:00.000Z' };

describe('who sits at which counter', () => {
  it('counts an officer with two connections once, until the last one closes', () => {
    const p = new CounterPresence();
    expect(p.join('s1', budi)).toBe(true);
    expect(p.join('s2', { ...budi, since: '2026-11-25T01:05:00.000Z' })).toBe(false);
    expect(p.list()).toEqual([budi]);
    expect(p.leave('s1')).toBeNull();
    expect(p.at('loket-1')?.username).toBe('loket1');
    expect(p.leave('s2')).toBe('loket-1');
    expect(p.at('loket-1')).toBeNull();
    expect(p.leave('unknown')).toBeNull();
  });

  it('shows the officer who came first when two share a counter, and the other when the first leaves', () => {
    const p = new CounterPresence();
    p.join('s1', budi);
    expect(
      p.join('s2', { ...budi, username: 'loket2', name: 'Sari', since: '2026-11-25T02:00:00.000Z' }),
    ).toBe(false);
    expect(p.leave('s1')).toBe('loket-1');
    expect(p.at('loket-1')?.name).toBe('Sari');
  });
});
