import { describe, expect, it } from 'vitest';
import {
  decideAddCounter,
  decideAddService,
  decideEditAgency,
  decideEditCounter,
  decideEditService,
  type HallFacts,
} from './hall-setup.ts';

const BY = { at: '2026-11-25T02:00:00.000Z', by: 'admin', byRole: 'admin' };
const TEXT = { id: 'Teks', en: 'Text' };
const SUMMARY = { requirements: [], fee: TEXT, duration: TEXT };
const HALL: HallFacts = {
  agencies: [
    { id: 'disdukcapil', name: TEXT, retired: false },
    { id: 'lama', name: TEXT, retired: true },
  ],
  services: [
    { id: 'ktp-el', agencyId: 'disdukcapil', prefix: 'A', name: TEXT, summary: SUMMARY, retired: false },
    { id: 'arsip', agencyId: 'lama', prefix: 'Z', name: TEXT, summary: SUMMARY, retired: true },
  ],
  counters: [{ id: 'loket-1', name: 'Loket 1', serviceIds: ['ktp-el'], retired: false }],
  busyCounterIds: ['loket-1'],
};

describe('setting up the hall', () => {
  it('a new service is stored as a created record; a retired service keeps its prefix for good', () => {
    const event = decideAddService(
      HALL,
      'kk',
      { agencyId: 'disdukcapil', prefix: 'B', name: TEXT, summary: SUMMARY },
      BY,
    );
    expect(event).toMatchObject({
      type: 'setting:changed',
      kind: 'service',
      area: 'hall',
      target: 'kk',
      action: 'create',
      before: null,
    });
    expect(JSON.parse(event.storedValue)).toMatchObject({ prefix: 'B', retired: false });
    expect(() =>
      decideAddService(HALL, 'x', { agencyId: 'disdukcapil', prefix: 'Z', name: TEXT, summary: SUMMARY }, BY),
    ).toThrow('PREFIX_TAKEN');
    expect(() =>
      decideAddService(HALL, 'x', { agencyId: 'lama', prefix: 'Y', name: TEXT, summary: SUMMARY }, BY),
    ).toThrow('AGENCY_RETIRED');
    expect(() =>
      decideAddService(
        HALL,
        'ktp-el',
        { agencyId: 'disdukcapil', prefix: 'Y', name: TEXT, summary: SUMMARY },
        BY,
      ),
    ).toThrow('SERVICE_EXISTS');
  });

  it('an edit keeps the prefix; an agency goes only after its services', () => {
    const renamed = decideEditService(HALL, 'ktp-el', { name: { id: 'KTP', en: 'ID card' } }, BY);
    expect(renamed.after).toMatchObject({ prefix: 'A', name: { id: 'KTP' } });
    expect(renamed).not.toHaveProperty('action');
    expect(() => decideEditAgency(HALL, 'disdukcapil', { retired: true }, BY)).toThrow('AGENCY_IN_USE');
    expect(() => decideEditService(HALL, 'arsip', { retired: false }, BY)).toThrow('AGENCY_RETIRED');
  });

  it('a counter comes with its services; one serving a ticket is not retired', () => {
    const events = decideAddCounter(HALL, 'loket-2', { name: 'Loket 2', serviceIds: ['ktp-el'] }, BY);
    expect(events.map((e) => [e.kind, e.after])).toEqual([
      ['counter', { name: 'Loket 2', retired: false }],
      ['counter-services', ['ktp-el']],
    ]);
    expect(() => decideAddCounter(HALL, 'loket-3', { name: 'Loket 3', serviceIds: ['arsip'] }, BY)).toThrow(
      'SERVICE_RETIRED',
    );
    expect(() => decideEditCounter(HALL, 'loket-1', { retired: true }, BY)).toThrow('COUNTER_IN_USE');
    expect(
      decideEditCounter({ ...HALL, busyCounterIds: [] }, 'loket-1', { retired: true }, BY).after,
    ).toEqual({
      name: 'Loket 1',
      retired: true,
    });
  });
});
