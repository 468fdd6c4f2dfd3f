import { describe, expect, it } from 'vitest';
import type { ReportChainDay, ReportChainRecord } from './report-chain.ts';
import {
  DAY,
  chainConfig,
  dukcapilOfficer,
  polresOfficer,
  signAll,
  staff,
  wib,
} from './report-chain.fixtures.ts';
import { reportChainState } from './report-chain-view.ts';

function dayOf(records: readonly ReportChainRecord[], served = ['dukcapil', 'polres']): ReportChainDay {
  return { date: DAY, servedAgencyIds: served, records };
}

const recapDukcapil = { stage: 9, signer: dukcapilOfficer, now: wib('15:01:30') } as const;
const recapPolres = { stage: 9, signer: polresOfficer, now: wib('16:02:00') } as const;

describe('the chain of one day as shown', () => {
  it('before any recap: step 9 open, gerai due with their clocks, later steps waiting', () => {
    const state = reportChainState(dayOf([]), chainConfig, wib('15:03:00'));
    expect(state.steps.map((s) => [s.step, s.status])).toEqual([
      [9, 'open'],
      [10, 'waiting'],
      [11, 'waiting'],
      [12, 'waiting'],
      [13, 'waiting'],
    ]);
    // Dukcapil closed at 15:00 and is 3 minutes in, past its 2; Polres is still open (0 s).
    expect(state.gerai.map((g) => [g.agencyId, g.status, g.elapsedSeconds, g.late])).toEqual([
      ['dukcapil', 'due', 180, true],
      ['polres', 'due', 0, false],
    ]);
    expect(state.signable).toEqual([9, 10]);
    expect(state.complete).toBe(false);
  });

  it('once every gerai handed in: step 9 signed and step 10’s clock running from the last recap', () => {
    const state = reportChainState(
      dayOf(signAll([recapDukcapil, recapPolres])),
      chainConfig,
      wib('16:02:40'),
    );
    expect(state.steps[0]).toMatchObject({ step: 9, status: 'signed', late: false });
    expect(state.steps[1]).toMatchObject({
      step: 10,
      status: 'open',
      clockStartedAt: wib('16:02:00'),
      elapsedSeconds: 40,
      late: false,
    });
    expect(state.gerai.map((g) => g.status)).toEqual(['submitted', 'submitted']);
  });

  it('marks a gerai compiled without as missing and late', () => {
    const records = signAll([
      recapDukcapil,
      { stage: 10, signer: staff('fo'), now: wib('16:05:00'), missingAgencyIds: ['polres'], note: 'tutup' },
    ]);
    const state = reportChainState(dayOf(records), chainConfig, wib('16:06:00'));
    expect(state.gerai.map((g) => [g.agencyId, g.status, g.late])).toEqual([
      ['dukcapil', 'submitted', false],
      ['polres', 'missing', true],
    ]);
    expect(state.steps[0]?.status).toBe('signed');
    expect(state.steps[2]).toMatchObject({ step: 11, status: 'open', elapsedSeconds: 60 });
    expect(state.signable).toEqual([11]);
  });

  it('lists a gerai that did not serve only when it handed in a recap anyway', () => {
    const state = reportChainState(
      dayOf(signAll([recapDukcapil], ['polres']), ['polres']),
      chainConfig,
      wib('15:02:00'),
    );
    expect(state.gerai.map((g) => [g.agencyId, g.served, g.status])).toEqual([
      ['dukcapil', false, 'submitted'],
      ['polres', true, 'due'],
    ]);
  });

  it('after step 13: complete, and only the Kepala Dinas receipt is left', () => {
    const records = signAll([
      recapDukcapil,
      recapPolres,
      { stage: 10, signer: staff('fo'), now: wib('16:03:00') },
      { stage: 11, signer: staff('mod'), now: wib('16:07:00'), report: 'Laporan' },
      { stage: 12, signer: staff('coordinator'), now: wib('16:07:59') },
      { stage: 13, signer: staff('sekdis'), now: wib('16:09:30') },
    ]);
    const state = reportChainState(dayOf(records), chainConfig, wib('16:10:00'));
    expect(state.steps.map((s) => [s.step, s.status, s.elapsedSeconds, s.late])).toEqual([
      [9, 'signed', null, false],
      [10, 'signed', 60, false],
      [11, 'signed', 240, false],
      [12, 'signed', 59, false],
      [13, 'signed', 91, true],
    ]);
    expect(state.complete).toBe(true);
    expect(state.signable).toEqual(['receipt']);
    expect(state.receipt).toBeNull();
  });

  it('offers nothing to sign for a day that has not come', () => {
    const state = reportChainState({ ...dayOf([]), date: '2026-11-26' }, chainConfig, wib('16:00:00'));
    expect(state.signable).toEqual([]);
  });
});
