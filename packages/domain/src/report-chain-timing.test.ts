import { describe, expect, it } from 'vitest';
import type { QueueConfig } from './config.ts';
import type { SignReportChain } from './report-chain.ts';
import {
  DAY,
  chainConfig,
  dukcapilOfficer,
  givenChain,
  polresOfficer,
  signAll,
  staff,
  wib,
} from './report-chain.fixtures.ts';
import { geraiClockStart, hallClosesAt, localInstant, stepTenClockStart } from './report-chain-timing.ts';

// chainConfig: WIB (UTC+7); Dukcapil closes 15:00 (08:00Z), Polres and the hall 16:00 (09:00Z).
const recapDukcapil: SignReportChain = { stage: 9, signer: dukcapilOfficer, now: wib('15:01:30') };
const recapPolres: SignReportChain = { stage: 9, signer: polresOfficer, now: wib('16:02:00') };

describe('local instants of a service day', () => {
  it('turns a wall-clock minute into an instant in each Indonesian zone', () => {
    expect(localInstant('2026-11-25', 8 * 60, 'Asia/Jakarta')).toBe('2026-11-25T01:00:00.000Z');
    expect(localInstant('2026-11-25', 8 * 60, 'Asia/Jayapura')).toBe('2026-11-24T23:00:00.000Z');
    expect(localInstant('2026-11-25', 24 * 60, 'Asia/Makassar')).toBe('2026-11-25T16:00:00.000Z');
  });

  it('starts a gerai’s clock at the latest close of its services that day', () => {
    expect(geraiClockStart(chainConfig, 'dukcapil', DAY)).toBe('2026-11-25T08:00:00.000Z');
    expect(geraiClockStart(chainConfig, 'polres', DAY)).toBe('2026-11-25T09:00:00.000Z');
    expect(hallClosesAt(chainConfig, DAY)).toBe('2026-11-25T09:00:00.000Z');
  });

  it('gives a gerai with no hours that day (Sunday) until local midnight', () => {
    expect(geraiClockStart(chainConfig, 'dukcapil', '2026-11-29')).toBe('2026-11-29T17:00:00.000Z');
  });

  it('takes the latest of several windows and of several services', () => {
    const split: QueueConfig = {
      ...chainConfig,
      services: chainConfig.services.map((s) =>
        s.id === 'ktp'
          ? {
              ...s,
              openingHours: {
                wed: [
                  { open: '08:00', close: '12:00' },
                  { open: '13:00', close: '15:30' },
                ],
              },
            }
          : s,
      ),
    };
    expect(geraiClockStart(split, 'dukcapil', DAY)).toBe('2026-11-25T08:30:00.000Z');
  });
});

describe('step 9: each gerai’s recap, 2 minutes from its close', () => {
  it('is on time 90 seconds after the close', () => {
    givenChain([]).when(recapDukcapil).then({
      clockStartedAt: '2026-11-25T08:00:00.000Z',
      elapsedSeconds: 90,
      standardSeconds: 120,
      late: false,
    });
  });

  it('is on time at exactly 120 seconds and late at 121', () => {
    givenChain([]).when(recapPolres).then({ elapsedSeconds: 120, late: false });
    givenChain([])
      .when({ ...recapPolres, now: wib('16:02:01') })
      .then({ elapsedSeconds: 121, late: true });
  });

  it('counts 0 seconds for a recap handed in before the gerai closed', () => {
    givenChain([])
      .when({ ...recapDukcapil, now: wib('14:30:00') })
      .then({ clockStartedAt: '2026-11-25T08:00:00.000Z', elapsedSeconds: 0, late: false });
  });
});

describe('step 10: from the last recap', () => {
  const recaps = signAll([recapDukcapil, recapPolres]);

  it('starts when the last gerai handed in: 16:02:00 → 16:03:00 is 60 s, on time', () => {
    givenChain(recaps)
      .when({ stage: 10, signer: staff('fo'), now: wib('16:03:00') })
      .then({ clockStartedAt: wib('16:02:00'), elapsedSeconds: 60, standardSeconds: 60, late: false });
  });

  it('is late one second past its minute', () => {
    givenChain(recaps)
      .when({ stage: 10, signer: staff('fo'), now: wib('16:03:01') })
      .then({ elapsedSeconds: 61, late: true });
  });

  it('counts a gerai compiled without from when its recap was due (its close + 2 min)', () => {
    // Dukcapil handed in at 15:01:30; Polres closed at 16:00, due 16:02; FO/BO compiles at 16:05 → 180 s.
    const day = givenChain(signAll([recapDukcapil])).day;
    expect(stepTenClockStart(chainConfig, day, { 9: 2, 10: 1, 11: 5, 12: 1, 13: 1 })).toBe(wib('16:02:00'));
    givenChain(day.records)
      .when({
        stage: 10,
        signer: staff('fo'),
        now: wib('16:05:00'),
        missingAgencyIds: ['polres'],
        note: 'tutup',
      })
      .then({ clockStartedAt: wib('16:02:00'), elapsedSeconds: 180, late: true });
  });

  it('starts at the hall’s close on a day no gerai served', () => {
    givenChain([], { served: [] })
      .when({ stage: 10, signer: staff('fo'), now: wib('16:00:45') })
      .then({ clockStartedAt: wib('16:00:00'), elapsedSeconds: 45, late: false });
  });
});

describe('steps 11–13: each from the one before', () => {
  const compiled = signAll([
    recapDukcapil,
    recapPolres,
    { stage: 10, signer: staff('fo'), now: wib('16:03:00') },
  ]);

  it('gives MOD 5 minutes for the report: 16:03 → 16:08 on time, 16:08:01 late', () => {
    const report = { stage: 11, signer: staff('mod'), report: 'Laporan' } as const;
    givenChain(compiled)
      .when({ ...report, now: wib('16:08:00') })
      .then({ clockStartedAt: wib('16:03:00'), elapsedSeconds: 300, standardSeconds: 300, late: false });
    givenChain(compiled)
      .when({ ...report, now: wib('16:08:01') })
      .then({ elapsedSeconds: 301, late: true });
  });

  it('times the whole chain, the coordinator and the Sekdis with one minute each', () => {
    const chain = signAll([
      recapDukcapil,
      recapPolres,
      { stage: 10, signer: staff('fo'), now: wib('16:03:00') },
      { stage: 11, signer: staff('mod'), report: 'Laporan', now: wib('16:07:00') },
      { stage: 12, signer: staff('coordinator'), now: wib('16:07:59') },
      { stage: 13, signer: staff('sekdis'), now: wib('16:09:30') },
      { stage: 'receipt', signer: staff('kadis'), now: wib('17:00:00') },
    ]);
    expect(chain.map((r) => [r.stage, r.elapsedSeconds, r.late])).toEqual([
      [9, 90, false],
      [9, 120, false],
      [10, 60, false],
      [11, 240, false],
      [12, 59, false],
      [13, 91, true],
      ['receipt', null, null],
    ]);
  });

  it('uses the site’s own standards', () => {
    const slowMod: QueueConfig = {
      ...chainConfig,
      reportChainStandards: { 9: 2, 10: 1, 11: 3, 12: 1, 13: 1 },
    };
    givenChain(compiled, { config: slowMod })
      .when({ stage: 11, signer: staff('mod'), report: 'Laporan', now: wib('16:07:00') })
      .then({ standardSeconds: 180, elapsedSeconds: 240, late: true });
  });
});
