import { describe, expect, it } from 'vitest';
import type { QueueConfig } from './config.ts';
import type { QueueEvent } from './events.ts';
import type { ChangedBy } from './record-events.ts';
import {
  decideSettingChange,
  SettingRuleError,
  unknownIdsIn,
  type SettingOutcome,
  type SettingRequest,
} from './setting-decide.ts';
import { applyInPlace, initialState } from './state.ts';
import { called, issued } from './testing/builders.ts';
import { testConfig } from './testing/fixtures.ts';

const by: ChangedBy = { at: '2026-11-25T02:00:00.000Z', by: 'admin', byRole: 'admin' };
const outcome: SettingOutcome = {
  before: ['ktp'],
  after: ['skck'],
  backToFile: false,
  storedValue: '["skck"]',
};

/** The hall after `events`, with test config's services ktp and skck and counters c1 (ktp), c2 (skck), c3 (both). */
function given(events: readonly QueueEvent[], config: QueueConfig = testConfig) {
  const state = initialState();
  for (const event of events) applyInPlace(state, event);
  const hall = { config, state };
  return {
    when: (request: SettingRequest) => ({
      then: (expected: Partial<ReturnType<typeof decideSettingChange>>) => {
        expect(decideSettingChange(request, hall, by, () => outcome)).toMatchObject(expected);
      },
      thenFails: (code: string, messages: readonly string[] = []) => {
        let read = false;
        const decide = () =>
          decideSettingChange(request, hall, by, () => {
            read = true;
            return outcome;
          });
        expect(decide).toThrow(SettingRuleError);
        try {
          decide();
        } catch (error) {
          if (!(error instanceof SettingRuleError)) throw error;
          expect(error.code).toBe(code);
          expect(error.issues.map((i) => i.message)).toEqual(messages);
        }
        // A refused change reads nothing of its target: a missing one has no value to read.
        expect(read).toBe(false);
      },
    }),
  };
}

const counterServices = (target: string, value: unknown): SettingRequest => ({
  kind: 'counter-services',
  area: 'counter-services',
  scope: 'counter',
  target,
  value,
});

describe('decideSettingChange', () => {
  it('records a valid change with its before, after and stored value', () => {
    given([])
      .when(counterServices('c1', ['skck']))
      .then({
        type: 'setting:changed',
        kind: 'counter-services',
        area: 'counter-services',
        target: 'c1',
        stored: true,
        storedValue: '["skck"]',
        before: ['ktp'],
        after: ['skck'],
        by: 'admin',
      });
  });

  it('marks a change back to the site file as not stored: the file governs it again', () => {
    const state = initialState();
    const event = decideSettingChange(
      { kind: 'running-text', area: 'running-text', scope: 'site', target: null, value: 'Halo' },
      { config: testConfig, state },
      by,
      () => ({ ...outcome, backToFile: true }),
    );
    expect(event.stored).toBe(false);
  });

  it("refuses a counter the site does not have, and a service's setting for an unknown service", () => {
    given([])
      .when(counterServices('c9', ['ktp']))
      .thenFails('COUNTER_NOT_FOUND');
    given([])
      .when({ kind: 'service-hours', area: 'opening-hours', scope: 'service', target: 'paspor', value: null })
      .thenFails('SERVICE_NOT_FOUND');
  });

  it('refuses services the site does not have, naming each', () => {
    given([])
      .when(counterServices('c1', ['ktp', 'paspor', 'sim']))
      .thenFails('VALIDATION_FAILED', ['unknown service paspor', 'unknown service sim']);
  });

  it('refuses to drop the last counter of a service while tickets wait for it', () => {
    // c1 and c3 serve ktp; c3 stops serving it, then c1 too, with two ktp tickets waiting.
    const c3Drops = {
      ...testConfig,
      counters: testConfig.counters.map((c) => (c.id === 'c3' ? { ...c, serviceIds: ['skck'] } : c)),
    };
    given([issued('a1', 'A001', 1, 0), issued('a2', 'A002', 2, 1)], c3Drops)
      .when(counterServices('c1', ['skck']))
      .thenFails('SERVICE_UNCOVERED', ['ktp: 2 waiting and no other counter serves it']);
  });

  it('lets a counter drop a service another counter still serves, or one nobody waits for', () => {
    given([issued('a1', 'A001', 1, 0)])
      .when(counterServices('c1', ['skck']))
      .then({ target: 'c1' });
    given([issued('b1', 'B001', 1, 0, { serviceId: 'skck' }), called('b1', 'c2', 1)])
      .when(counterServices('c2', ['ktp']))
      .then({ target: 'c2' });
  });
});

describe('unknownIdsIn', () => {
  it("names a counter's unknown services, and nothing for other settings", () => {
    expect(unknownIdsIn('counter-services', ['ktp', 'x'], testConfig)).toEqual([
      { path: 'serviceIds', message: 'unknown service x' },
    ]);
    expect(unknownIdsIn('running-text', ['x'], testConfig)).toEqual([]);
  });
});
