import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REPORT_CHAIN_STANDARDS,
  agenciesOfCounters,
  mayRoleSign,
  reportChainStandardsFrom,
  type SignReportChain,
} from './report-chain.ts';
import {
  dukcapilOfficer,
  givenChain,
  officerOf,
  polresOfficer,
  signAll,
  staff,
  wib,
} from './report-chain.fixtures.ts';
import { testConfig } from './testing/fixtures.ts';

const recapDukcapil: SignReportChain = { stage: 9, signer: dukcapilOfficer, now: wib('15:01:00') };
const recapPolres: SignReportChain = { stage: 9, signer: polresOfficer, now: wib('16:01:00') };
const compile: SignReportChain = { stage: 10, signer: staff('fo'), now: wib('16:02:00') };
const writeReport: SignReportChain = {
  stage: 11,
  signer: staff('mod'),
  now: wib('16:06:00'),
  report: 'Laporan MPP',
};
const consult: SignReportChain = { stage: 12, signer: staff('coordinator'), now: wib('16:07:00') };
const pass: SignReportChain = { stage: 13, signer: staff('sekdis'), now: wib('16:08:00') };
const receive: SignReportChain = { stage: 'receipt', signer: staff('kadis'), now: wib('16:30:00') };

describe('the order of steps 9–13', () => {
  it('signs the whole chain in SOP order', () => {
    const records = signAll([recapDukcapil, recapPolres, compile, writeReport, consult, pass, receive]);
    expect(records.map((r) => [r.stage, r.signedBy])).toEqual([
      [9, 'loket1'],
      [9, 'loket2'],
      [10, 'fo'],
      [11, 'mod'],
      [12, 'coordinator'],
      [13, 'sekdis'],
      ['receipt', 'kadis'],
    ]);
  });

  it('refuses the MOD report before FO/BO has compiled the gerai', () => {
    givenChain(signAll([recapDukcapil, recapPolres]))
      .when(writeReport)
      .thenFails('REPORT_CHAIN_OUT_OF_ORDER');
  });

  it('refuses the coordinator before the MOD report, and the Sekdis before the coordinator', () => {
    const compiled = signAll([recapDukcapil, recapPolres, compile]);
    givenChain(compiled).when(consult).thenFails('REPORT_CHAIN_OUT_OF_ORDER');
    givenChain(signAll([recapDukcapil, recapPolres, compile, writeReport]))
      .when(pass)
      .thenFails('REPORT_CHAIN_OUT_OF_ORDER');
  });

  it('refuses the Kepala Dinas receipt before the Sekdis passed the report on', () => {
    givenChain(signAll([recapDukcapil, recapPolres, compile, writeReport, consult]))
      .when(receive)
      .thenFails('REPORT_CHAIN_OUT_OF_ORDER');
  });

  it('closes step 9 once FO/BO has compiled: a late recap is refused', () => {
    const compiledWithoutPolres = signAll([
      recapDukcapil,
      { ...compile, missingAgencyIds: ['polres'], note: 'Polres tutup lebih awal' },
    ]);
    givenChain(compiledWithoutPolres).when(recapPolres).thenFails('REPORT_CHAIN_OUT_OF_ORDER');
  });

  it('never signs a step twice', () => {
    givenChain(signAll([recapDukcapil]))
      .when(recapDukcapil)
      .thenFails('REPORT_CHAIN_ALREADY_SIGNED');
    givenChain(signAll([recapDukcapil, recapPolres, compile]))
      .when({ ...compile, now: wib('16:03:00') })
      .thenFails('REPORT_CHAIN_ALREADY_SIGNED');
    givenChain(signAll([recapDukcapil, recapPolres, compile, writeReport, consult, pass, receive]))
      .when(receive)
      .thenFails('REPORT_CHAIN_ALREADY_SIGNED');
  });
});

describe('step 10: FO/BO compiles every gerai', () => {
  it('is refused while a gerai that served has not handed in its recap', () => {
    givenChain(signAll([recapDukcapil]))
      .when(compile)
      .thenFails('REPORT_CHAIN_GERAI_MISSING');
  });

  it('goes ahead without a gerai when FO/BO names exactly the missing ones and says why', () => {
    givenChain(signAll([recapDukcapil]))
      .when({ ...compile, missingAgencyIds: ['polres'], note: 'Petugas Polres sakit' })
      .then({ stage: 10, missingAgencyIds: ['polres'], note: 'Petugas Polres sakit' });
  });

  it('refuses a list of missing gerai without a reason, or one that does not match', () => {
    const dukcapilOnly = givenChain(signAll([recapDukcapil]));
    dukcapilOnly.when({ ...compile, missingAgencyIds: ['polres'] }).thenFails('REPORT_CHAIN_GERAI_MISSING');
    dukcapilOnly
      .when({ ...compile, missingAgencyIds: ['polres', 'dukcapil'], note: 'x' })
      .thenFails('REPORT_CHAIN_GERAI_MISSING');
    givenChain(signAll([recapDukcapil, recapPolres]))
      .when({ ...compile, missingAgencyIds: ['polres'], note: 'x' })
      .thenFails('REPORT_CHAIN_GERAI_MISSING');
  });

  it('may compile a day on which no gerai served', () => {
    givenChain([], { served: [] }).when(compile).then({ stage: 10, missingAgencyIds: [] });
  });
});

describe('who signs', () => {
  it('names one role for each of steps 10–13 and the receipt; admin signs nothing', () => {
    expect(mayRoleSign(10, 'fo')).toBe(true);
    expect(mayRoleSign(10, 'mod')).toBe(false);
    expect(mayRoleSign(11, 'mod')).toBe(true);
    expect(mayRoleSign(12, 'coordinator')).toBe(true);
    expect(mayRoleSign(13, 'sekdis')).toBe(true);
    expect(mayRoleSign('receipt', 'kadis')).toBe(true);
    expect(mayRoleSign(13, 'kadis')).toBe(false);
    for (const stage of [9, 10, 11, 12, 13, 'receipt'] as const)
      expect(mayRoleSign(stage, 'admin')).toBe(false);
  });

  it('refuses a step signed by the wrong role', () => {
    givenChain(signAll([recapDukcapil, recapPolres]))
      .when({ ...compile, signer: dukcapilOfficer })
      .thenFails('REPORT_CHAIN_NOT_SIGNER');
    givenChain(signAll([recapDukcapil, recapPolres, compile]))
      .when({ ...writeReport, signer: staff('coordinator') })
      .thenFails('REPORT_CHAIN_NOT_SIGNER');
  });

  it('lets an officer hand in only the recap of their own gerai, named or implied', () => {
    givenChain([])
      .when({ ...recapDukcapil, signer: polresOfficer, agencyId: 'dukcapil' })
      .thenFails('REPORT_CHAIN_NOT_SIGNER');
    givenChain([]).when(recapPolres).then({ stage: 9, agencyId: 'polres', signedBy: 'loket2' });
  });

  it('asks an officer of two gerai, FO/BO and MOD which gerai the recap is for', () => {
    const both = officerOf('loket3', 'dukcapil', 'polres');
    givenChain([])
      .when({ ...recapDukcapil, signer: both })
      .thenFails('REPORT_CHAIN_AGENCY_REQUIRED');
    givenChain([])
      .when({ ...recapDukcapil, signer: staff('fo') })
      .thenFails('REPORT_CHAIN_AGENCY_REQUIRED');
    givenChain([])
      .when({ ...recapDukcapil, signer: staff('mod'), agencyId: 'polres', note: 'atas nama gerai' })
      .then({ agencyId: 'polres', signedBy: 'mod', signerRole: 'mod', note: 'atas nama gerai' });
  });

  it('refuses a gerai the site does not have', () => {
    givenChain([])
      .when({ ...recapDukcapil, signer: staff('fo'), agencyId: 'samsat' })
      .thenFails('REPORT_CHAIN_AGENCY_NOT_FOUND');
  });

  it('finds an officer’s gerai through the services of their counters', () => {
    expect(agenciesOfCounters(testConfig, ['c1'])).toEqual(['dukcapil']);
    expect(agenciesOfCounters(testConfig, ['c3'])).toEqual(['dukcapil', 'polres']);
    expect(agenciesOfCounters(testConfig, ['nowhere'])).toEqual([]);
  });
});

describe('what each step carries', () => {
  it('requires the MPP report text from MOD at step 11', () => {
    givenChain(signAll([recapDukcapil, recapPolres, compile]))
      .when({ ...writeReport, report: '   ' })
      .thenFails('REPORT_CHAIN_REPORT_REQUIRED');
  });

  it('keeps each field to its step', () => {
    givenChain(signAll([recapDukcapil, recapPolres, compile, writeReport]))
      .when({ ...consult, report: 'not mine' })
      .thenFails('REPORT_CHAIN_FIELD_NOT_ALLOWED');
    givenChain([])
      .when({ ...compile, agencyId: 'dukcapil' })
      .thenFails('REPORT_CHAIN_FIELD_NOT_ALLOWED');
    givenChain([])
      .when({ ...recapPolres, missingAgencyIds: ['dukcapil'] })
      .thenFails('REPORT_CHAIN_FIELD_NOT_ALLOWED');
  });

  it('trims notes and keeps an empty one as none', () => {
    givenChain([])
      .when({ ...recapPolres, note: '  rekap 42 pemohon, SKM 40  ' })
      .then({ note: 'rekap 42 pemohon, SKM 40' });
    givenChain([])
      .when({ ...recapPolres, note: '   ' })
      .then({ note: null });
  });
});

describe('the service day', () => {
  it('refuses a chain for a day that has not come yet', () => {
    givenChain([], { date: '2026-11-26' }).when(recapPolres).thenFails('REPORT_CHAIN_FUTURE_DAY');
  });

  it('still signs an earlier day: the Sekdis may pass the report on the next morning', () => {
    const nextMorning = wib('08:00:00', '2026-11-26');
    const records = signAll([recapDukcapil, recapPolres, compile, writeReport, consult]);
    givenChain(records)
      .when({ ...pass, now: nextMorning })
      .then({ stage: 13, signedAt: nextMorning, late: true });
  });
});

describe('standards from the site file', () => {
  it('reads steps 9–13 out of the sopStandards table and ignores steps 1–8', () => {
    expect(reportChainStandardsFrom({ '4': 3, '11': 10 })).toEqual({
      ...DEFAULT_REPORT_CHAIN_STANDARDS,
      11: 10,
    });
    expect(DEFAULT_REPORT_CHAIN_STANDARDS).toEqual({ 9: 2, 10: 1, 11: 5, 12: 1, 13: 1 });
  });
});
