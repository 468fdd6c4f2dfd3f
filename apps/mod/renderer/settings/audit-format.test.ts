import type { AuditEntry } from '@giliran/protocol';
import { translator } from '@giliran/ui';
import { describe, expect, it } from 'vitest';
import { describeChange } from './audit-format.ts';
import { SETTINGS_TEXTS } from './texts.ts';

const t = translator(SETTINGS_TEXTS, 'id');
const base = { id: 1, at: '2026-11-25T02:00:00.000Z', actor: 'mod', actorRole: 'mod', target: null };
const entry = (e: Pick<AuditEntry, 'area' | 'action' | 'before' | 'after'>): AuditEntry => ({
  ...base,
  ...e,
});

describe('one line per audit entry', () => {
  it('says what was added to and taken from a counter', () => {
    expect(
      describeChange(
        entry({ area: 'counter-services', action: 'update', before: ['ktp-el', 'kk'], after: ['kk', 'jkn'] }),
        t,
      ),
    ).toBe('+jkn −ktp-el');
  });

  it("tells a service's booking quota as a number and the hall's booking terms key by key", () => {
    expect(describeChange(entry({ area: 'booking', action: 'update', before: 8, after: 12 }), t)).toBe(
      '8 → 12',
    );
    const terms = { walkInShare: 0.5, maxOpenPerPhone: 2, noShowBlock: null };
    expect(
      describeChange(
        entry({ area: 'booking', action: 'update', before: terms, after: { ...terms, walkInShare: 0.25 } }),
        t,
      ),
    ).toBe('walkInShare: 0.5 → 0.25');
  });

  it('names only the steps whose minutes changed', () => {
    expect(
      describeChange(
        entry({ area: 'sop-standards', action: 'update', before: { '7': 10 }, after: { '6': 4, '7': 15 } }),
        t,
      ),
    ).toBe('6: (kosong) → 4; 7: 10 → 15 menit');
  });

  it('shows tiers, hours per day and PIN resets without the PIN', () => {
    const drink = { id: 'Maaf', en: 'Sorry' };
    expect(
      describeChange(
        entry({
          area: 'late-service',
          action: 'update',
          before: [{ minutesLate: 15, remedy: drink }],
          after: [
            { minutesLate: 30, remedy: drink },
            { minutesLate: 60, remedy: drink },
          ],
        }),
        t,
      ),
    ).toBe('15 → 30, 60 menit');
    expect(
      describeChange(
        entry({
          area: 'opening-hours',
          action: 'update',
          before: { mon: [{ open: '08:00', close: '12:00' }] },
          after: { mon: [{ open: '08:00', close: '11:00' }] },
        }),
        t,
      ),
    ).toBe('Sen 08:00-12:00 → 08:00-11:00');
    expect(
      describeChange(
        entry({
          area: 'accounts',
          action: 'reset-pin',
          before: null,
          after: { pinChanged: true, sessionsEnded: 2 },
        }),
        t,
      ),
    ).toBe('PIN direset, 2 sesi diakhiri');
  });
});
