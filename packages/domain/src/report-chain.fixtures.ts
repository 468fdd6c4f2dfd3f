import { expect } from 'vitest';
import type { OpeningHours, QueueConfig } from './config.ts';
import {
  signReportChain,
  type ReportChainDay,
  type ReportChainRecord,
  type ReportChainSigner,
  type SignReportChain,
} from './report-chain.ts';
import { testConfig } from './testing/fixtures.ts';

const WEEKDAYS_8_TO_15 = [{ open: '08:00', close: '15:00' }];
const WEEKDAYS_8_TO_16 = [{ open: '08:00', close: '16:00' }];

/**
 * The test site (WIB, UTC+7) with real hours on weekdays: the hall 08:00–16:00, KTP (Dukcapil) until 15:00, so
 * Dukcapil's recap clock starts at 15:00 WIB = 08:00Z and Polres's at 16:00 WIB = 09:00Z. Closed at weekends.
 */
const weekdays = (windows: OpeningHours['mon']): OpeningHours => ({
  mon: windows,
  tue: windows,
  wed: windows,
  thu: windows,
  fri: windows,
});

export const chainConfig: QueueConfig = {
  ...testConfig,
  openingHours: weekdays(WEEKDAYS_8_TO_16),
  services: testConfig.services.map((s) =>
    s.id === 'ktp' ? { ...s, openingHours: weekdays(WEEKDAYS_8_TO_15) } : s,
  ),
};

/** Wednesday 2026-11-25, the day every scenario reports on. */
export const DAY = '2026-11-25';

/** `hh:mm:ss` WIB on 2026-11-25 as an ISO instant. */
export function wib(clock: string, date = DAY): string {
  return new Date(`${date}T${clock}+07:00`).toISOString();
}

export const officerOf = (id: string, ...agencyIds: string[]): ReportChainSigner => ({
  id,
  role: 'officer',
  agencyIds,
});
export const staff = (role: string): ReportChainSigner => ({ id: role, role, agencyIds: [] });

export const dukcapilOfficer = officerOf('loket1', 'dukcapil');
export const polresOfficer = officerOf('loket2', 'polres');

/** given(records).when(request).then(record) — the chain's decider read as a specification. */
export function givenChain(
  records: readonly ReportChainRecord[],
  options: { served?: readonly string[]; date?: string; config?: QueueConfig } = {},
) {
  const day: ReportChainDay = {
    date: options.date ?? DAY,
    servedAgencyIds: options.served ?? ['dukcapil', 'polres'],
    records,
  };
  const config = options.config ?? chainConfig;
  return {
    day,
    when(request: SignReportChain) {
      return {
        record: (): ReportChainRecord => signReportChain(day, request, config),
        then(expected: Partial<ReportChainRecord>): void {
          expect(signReportChain(day, request, config)).toEqual(expect.objectContaining(expected));
        },
        thenFails(code: string): void {
          expect(() => signReportChain(day, request, config)).toThrow(expect.objectContaining({ code }));
        },
      };
    },
  };
}

/** Signs a sequence of requests, each seeing the records before it: for scenarios through the whole chain. */
export function signAll(
  requests: readonly SignReportChain[],
  served: readonly string[] = ['dukcapil', 'polres'],
  config: QueueConfig = chainConfig,
): ReportChainRecord[] {
  const records: ReportChainRecord[] = [];
  for (const request of requests)
    records.push(signReportChain({ date: DAY, servedAgencyIds: served, records }, request, config));
  return records;
}
