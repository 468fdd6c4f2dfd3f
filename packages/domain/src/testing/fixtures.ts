import { expect } from 'vitest';
import type { QueueCommand } from '../commands.ts';
import { DEFAULT_SOP_STANDARDS, type QueueConfig } from '../config.ts';
import { decide } from '../decide.ts';
import type { QueueEvent } from '../events.ts';
import { fold, type QueueState } from '../state.ts';

const ALL_DAY = [{ open: '00:00', close: '24:00' }];

/** A small site open around the clock in WIB: two services, three counters (one serves both). */
export const testConfig: QueueConfig = {
  timeZone: 'Asia/Jakarta',
  numberWidth: 3,
  sopStandards: DEFAULT_SOP_STANDARDS,
  services: [
    { id: 'ktp', agencyId: 'dukcapil', prefix: 'A' },
    { id: 'skck', agencyId: 'polres', prefix: 'B', sopStandards: { 6: 10 } },
  ],
  counters: [
    { id: 'c1', serviceIds: ['ktp'] },
    { id: 'c2', serviceIds: ['skck'] },
    { id: 'c3', serviceIds: ['ktp', 'skck'] },
  ],
  openingHours: {
    mon: ALL_DAY,
    tue: ALL_DAY,
    wed: ALL_DAY,
    thu: ALL_DAY,
    fri: ALL_DAY,
    sat: ALL_DAY,
    sun: ALL_DAY,
  },
  priorityRatio: null,
  noShowAfterRecalls: 1,
  warningRatio: 0.8,
  callAnswerMinutes: 2,
  compensation: {
    lateService: [
      {
        minutesLate: 15,
        remedy: { id: 'Permohonan maaf dan minuman gratis', en: 'An apology and a free drink' },
      },
    ],
    manual: {
      fee_mismatch: {
        remedy: { id: 'Permohonan maaf', en: 'An apology' },
        officerConsequence: 'teguran_dan_sanksi',
      },
      complaint_late: { remedy: { id: 'Permohonan maaf', en: 'An apology' }, officerConsequence: 'sanksi' },
      officer_incompetent: {
        remedy: {
          id: 'Permohonan maaf, dilayani petugas kompeten',
          en: 'An apology, served by a competent officer',
        },
        officerConsequence: 'teguran',
      },
      sop_not_followed: {
        remedy: { id: 'Permohonan maaf', en: 'An apology' },
        officerConsequence: 'teguran_dan_sanksi',
      },
      wrong_product: {
        remedy: { id: 'Produk diperbaiki diantar ke rumah', en: 'Corrected product delivered home' },
        officerConsequence: 'none',
      },
    },
  },
};

/** 2026-11-25 08:00 WIB plus `minutes`, as an ISO instant. */
export function at(minutes: number, base = '2026-11-25T01:00:00.000Z'): string {
  return new Date(Date.parse(base) + minutes * 60_000).toISOString();
}

/** given(events).when(command).then(events) — the decider read as a specification. */
export function given(events: readonly QueueEvent[], config: QueueConfig = testConfig) {
  const state = (): QueueState => fold(events);
  return {
    when(command: QueueCommand) {
      return {
        then(expected: readonly QueueEvent[]): void {
          expect(decide(command, state(), config)).toEqual(expected);
        },
        thenFails(code: string): void {
          expect(() => decide(command, state(), config)).toThrow(expect.objectContaining({ code }));
        },
        events(): QueueEvent[] {
          return decide(command, state(), config);
        },
      };
    },
    state,
  };
}

/** Runs commands one after another, folding each result: for scenarios longer than one step. */
export function run(
  commands: readonly QueueCommand[],
  config: QueueConfig = testConfig,
): { state: QueueState; events: QueueEvent[] } {
  const state = fold([]);
  const events: QueueEvent[] = [];
  for (const command of commands) {
    for (const event of decide(command, state, config)) {
      fold([event], state);
      events.push(event);
    }
  }
  return { state, events };
}
