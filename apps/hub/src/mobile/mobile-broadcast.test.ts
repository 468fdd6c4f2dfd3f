import type { HubEvent } from '@giliran/domain';
import { describe, expect, it } from 'vitest';
import { visitChanges } from './mobile-broadcast.ts';

const by = { at: '2026-03-10T02:00:00.000Z', by: 'petugas1', byRole: 'officer' };
const ev = (id: number, event: Record<string, unknown>) => ({ id, event: { ...by, ...event } as HubEvent });

describe('what /mobile hears of a committed batch', () => {
  it('the visits and requests it touched, once each, with the newest event id; never a visitor’s data', () => {
    const changed = visitChanges([
      ev(7, { type: 'visit:scheduled', visitId: 'v1', requestId: 'r1' }),
      ev(8, { type: 'visit:approved', visitId: 'v1' }),
      ev(9, { type: 'visit:registered', visitId: 'v2', nik: '3579014509870001', phone: '081234567890' }),
      ev(10, { type: 'complaint:filed', complaintId: 'c1' }),
    ]);
    expect(changed).toEqual({ visitIds: ['v1', 'v2'], requestIds: ['r1'], eventId: 9 });
    expect(JSON.stringify(changed)).not.toMatch(/3579|0812/);
  });

  it('nothing for a batch of other features', () => {
    expect(visitChanges([ev(3, { type: 'ticket:issued', ticketId: 't1' })])).toBeNull();
  });
});
