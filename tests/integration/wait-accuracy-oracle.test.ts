import { initialState } from '@giliran/domain';
import { describe, expect, it } from 'vitest';
import { medianPoint, oracleSamples, withinPoint } from '../../scripts/bench/wait-accuracy-oracle.ts';
import { SIM_PEOPLE, type PeopleParams } from '../../scripts/bench/wait-accuracy-params.ts';
import { simConfig } from '../../scripts/bench/wait-accuracy-sim.ts';
import { hallPlan, HallWorld, MINUTE } from '../../scripts/bench/wait-accuracy-world.ts';
import { seeded } from '../support/load-plan.ts';

// The oracle forks the simulated hall at a promise and plays the rest of the day again with fresh draws. It must
// not see the real future: the hall below has a real future (a 40-minute visit at the desk) that the forks must
// ignore, and a figure the model gives by hand.
//
// loket-5 serves JKN alone; JKN's desk time is log-normal with median 10 min and σ 0.55 (no long cases, no-shows,
// transfers, priority tickets or unplanned pauses here). J1 started its visit at 09:01 and is 8 minutes in; J2 waits
// behind it and is called the moment J1 finishes. Given the visit has not ended after 8 minutes, its length D has
// P(D > 8) = 1 − Φ(ln 0.8 / 0.55) = 0.6575; the median of D given D > 8 is where P(D > d) = 0.6575 / 2, i.e.
// d = 10 · exp(0.55 · Φ⁻¹(0.6712)) = 10 · exp(0.55 · 0.4435) = 12.76 min: J2's median wait is 4.76 min.
const CALM: PeopleParams = {
  ...SIM_PEOPLE,
  longShare: 0,
  noShowShare: 0,
  transferShare: 0,
  priorityShare: 0,
  unplannedPauseChance: 0,
};
const REAL_VISIT_MINUTES = 40;

function hallAt0909(): HallWorld {
  const plan = hallPlan('2026-11-02', 'normal', simConfig());
  const world = new HallWorld(plan, initialState(), seeded(7), CALM);
  const at = (minutes: number): string => {
    world.now = plan.midnight + minutes * MINUTE;
    return new Date(world.now).toISOString();
  };
  const by = 'test';
  for (const id of ['j1', 'j2'])
    world.exec({
      type: 'IssueTicket',
      ticketId: id,
      code: id,
      serviceId: 'jkn',
      priority: null,
      channel: 'kiosk',
      by,
      now: at(9 * 60),
    });
  world.exec({ type: 'CallNext', counterId: 'loket-5', by, now: at(9 * 60) });
  // The real future, drawn "at issue" as the sim does: a long visit the forks must not know. Its steps 4 and 5
  // (2 of the SOP's 15 minutes each) started at 09:01 and 09:06:20; the rest is on the world's agenda.
  const fate = { desk: REAL_VISIT_MINUTES * MINUTE, walk: 60_000, noShow: false, transferTo: null };
  world.fates.set('j1', fate);
  world.fates.set('j2', { ...fate, desk: 10 * MINUTE });
  world.exec({ type: 'AdvanceStep', ticketId: 'j1', by, now: at(9 * 60 + 1) });
  world.exec({
    type: 'AdvanceStep',
    ticketId: 'j1',
    by,
    now: at(9 * 60 + 1 + (REAL_VISIT_MINUTES * 2) / 15),
  });
  at(9 * 60 + 9);
  world.visit('loket-5', 'j1', fate, plan.midnight + (9 * 60 + 1) * MINUTE, 2);
  return world;
}

describe('wait-accuracy oracle', () => {
  it('draws the visit at the desk afresh, conditioned on its elapsed time, not from the real future', () => {
    const world = hallAt0909();
    const samples = oracleSamples(world, 'j2', 400, seeded(11));
    expect(medianPoint(samples)).toBeGreaterThan(4.76 - 0.8);
    expect(medianPoint(samples)).toBeLessThan(4.76 + 0.8);
    // The forks differ from each other and none is called "now" (the visit has not ended by 09:09).
    expect(new Set(samples).size).toBeGreaterThan(390);
    expect(samples[0]).toBeGreaterThan(0);
    expect(withinPoint(samples)).toBeGreaterThan(0);
  });

  it('leaves the real world as it was: played on, it follows its own future', () => {
    const world = hallAt0909();
    const events = world.log.length;
    oracleSamples(world, 'j2', 20, seeded(12));
    expect(world.log).toHaveLength(events);
    expect(world.state.tickets.get('j2')?.status).toBe('waiting');
    world.run(() => world.state.tickets.get('j2')?.firstCalledAt != null);
    const called = Date.parse(world.state.tickets.get('j2')?.firstCalledAt ?? '');
    expect((called - world.plan.midnight) / MINUTE).toBeCloseTo(9 * 60 + 1 + REAL_VISIT_MINUTES, 6);
  });
});
