// A day at a large MPP through the real hub, at high speed: 3,000 citizens from 4 kiosks with a morning peak, 40
// counters calling and stepping through SOP steps 4–8, recalls and no-shows, transfers, cancels at the desk and by
// front office, lunch breaks, 6 displays watching all day; all over Socket.IO, on a clock the driver compresses.
// The simulation keeps its own ledger; at the end the hub's report of the day, live and again once the day is
// closed and summarised, must equal the ledger's count exactly, and every display must have shown every call.
import { toQueueConfig } from '../../apps/hub/src/index.ts';
import { ReportView, type ReportRow } from '@giliran/protocol';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFolderLogIsTruth } from '../support/log-truth.ts';
import { Hall, signIn } from '../support/load-clients.ts';
import { runDay, type DayStats } from '../support/load-driver.ts';
import { expectedReport, type ExpectedReport, type Row } from '../support/load-expected.ts';
import { startLoadHub, type LoadHub } from '../support/load-hub-process.ts';
import { Ledger } from '../support/load-ledger.ts';
import { planDay } from '../support/load-plan.ts';
import { loadOfficers, loadSite } from '../support/load-site.ts';

const SEED = Number(process.env.LOAD_SEED ?? 20260302);
const DAY = '2026-03-02'; // a Monday: Paspor keeps its 08:00–12:00 hours
const TICKETS = 3000;
const WIB = 7;
const site = loadSite();
const plan = planDay(toQueueConfig(site), DAY, TICKETS, SEED);

async function report(hub: LoadHub, token: string): Promise<ReportView> {
  const response = await fetch(`${hub.url}/api/reports?from=${DAY}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return ReportView.parse(await response.json());
}

/** The figures of a row, without its display name, so the hub's rows and the ledger's compare as they are. */
const figures = (r: ReportRow | Row) => ({
  issued: r.issued,
  priority: r.priority,
  served: r.served,
  handedToAgency: r.handedToAgency,
  noShows: r.noShows,
  cancelled: r.cancelled,
  transferred: r.transferred,
  open: r.open,
  lateService: r.lateService,
  wait: r.wait,
  service: r.service,
});
const byKey = (rows: readonly (ReportRow | Row)[]) =>
  Object.fromEntries(rows.map((r) => [r.key, figures(r)]));

function expectReportMatches(actual: ReportView, expected: ExpectedReport): void {
  expect(figures(actual.total)).toEqual(figures(expected.total));
  expect(byKey(actual.services)).toEqual(byKey(expected.services));
  expect(byKey(actual.agencies)).toEqual(byKey(expected.agencies));
  expect(byKey(actual.counters)).toEqual(byKey(expected.counters));
  expect(byKey(actual.officers)).toEqual(byKey(expected.officers));
  expect(actual.arrivals).toEqual(expected.arrivals);
  const late = actual.compensations.kinds.find((k) => k.kind === 'late_service');
  expect(late).toMatchObject({
    raised: expected.lateTickets,
    resolved: expected.apologies,
    open: expected.lateTickets - expected.apologies,
  });
}

describe('a simulated day at a large MPP', () => {
  let hub: LoadHub;
  let hall: Hall;
  const ledger = new Ledger();
  let stats: DayStats;
  let expected: ExpectedReport;
  let started = 0;

  beforeAll(async () => {
    started = performance.now();
    hub = await startLoadHub(site, plan.opensAt - 30 * 60_000);
    hall = new Hall(hub.url);
    await hall.openDevices();
    await hall.openDay(loadOfficers());
    stats = await runDay(hub, hall, plan, ledger, site, SEED);
    // Every ticket is closed by the end of the run (asserted below), so none is still waiting when reports are read.
    expected = expectedReport(ledger, site, Number.POSITIVE_INFINITY, WIB);
  }, 120_000);

  afterAll(async () => {
    hall.closeAll();
    await hub.stop();
  });

  it('plays a realistic day: every citizen closed, with no-shows, transfers, cancels and a peak', () => {
    const tickets = [...ledger.tickets.values()];
    const count = (status: string) => tickets.filter((t) => t.status === status).length;
    console.log(
      `simulated day: ${TICKETS} tickets, ${stats.commands} commands in ${stats.ticks} ticks, ` +
        `${(stats.wallMs / 1000).toFixed(1)} s of driving (${((performance.now() - started) / 1000).toFixed(1)} s ` +
        `with start-up); done ${count('done')}, no-show ${count('no_show')}, cancelled ${count('cancelled')}, ` +
        `transferred ${tickets.filter((t) => t.transfers.length > 0).length}, owed late service ` +
        `${expected.lateTickets} (${expected.apologies} given at the desk); wait mean ` +
        `${expected.total.wait.averageSeconds} s, P90 ${expected.total.wait.p90Seconds} s; seed ${SEED}`,
    );
    expect(ledger.tickets.size).toBe(TICKETS);
    expect(ledger.openCount).toBe(0);
    expect(count('no_show')).toBeGreaterThan(50);
    expect(tickets.filter((t) => t.transfers.length > 0).length).toBeGreaterThan(50);
    expect(count('cancelled')).toBeGreaterThan(10);
    // Some of those gave up waiting and front office took their tickets back before any call.
    expect(tickets.filter((t) => t.leftAt !== null).length).toBeGreaterThan(0);
    // The peak makes citizens wait past the late-service threshold: the figures are not trivially small.
    expect(expected.lateTickets).toBeGreaterThan(expected.apologies);
    expect(expected.apologies).toBeGreaterThan(50);
    expect(expected.total.wait.p90Seconds).toBeGreaterThan(expected.total.wait.averageSeconds ?? 0);
    expect(hall.drops).toBe(0);
  });

  it('reports the live day exactly as the simulation counted it', async () => {
    const live = await report(hub, await signIn(hub.url, 'mod'));
    expect(live.live).toBe(true);
    expectReportMatches(live, expected);
  });

  it('reports the same once the day is closed and summarised', async () => {
    await hub.advanceTo(Date.parse(`${DAY}T00:05:00+07:00`) + 86_400_000);
    const mod = await signIn(hub.url, 'mod'); // yesterday's session has expired by now
    const closed = await report(hub, mod);
    expect(closed.live).toBe(false);
    expectReportMatches(closed, expected);
  });

  it('showed every call and recall on every display, in the hub’s order', async () => {
    const calls = ledger.calls.map((c) => `${c.kind} ${c.ticketId}@${c.counterId}`).sort();
    const deadline = performance.now() + 10_000;
    while (hall.shown.some((s) => s.length < calls.length) && performance.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hall.shown).toHaveLength(6);
    for (const shown of hall.shown) {
      expect(shown.map((c) => `${c.kind} ${c.ticketId}@${c.counterId}`).sort()).toEqual(calls);
      expect(shown.every((c, i) => i === 0 || c.eventId > (shown[i - 1]?.eventId ?? 0))).toBe(true);
    }
  });

  it('leaves a log that rebuilds every table exactly (db:verify)', () => {
    expectFolderLogIsTruth(join(hub.dataDir, 'giliran.sqlite'));
  });
});
