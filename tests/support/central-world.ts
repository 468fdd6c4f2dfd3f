import { ReportView } from '@giliran/protocol';
import { z } from 'zod';
import { expect } from 'vitest';
import type pg from 'pg';
import { demoSite, KIOSK_TOKEN, startTestHub, type TestHub } from './hub-harness.ts';

/** Quick retries and heartbeats, so faults heal within a test. */
export const FAST_PUSH = {
  nudgeDelayMs: 20,
  heartbeatMs: 200,
  baseBackoffMs: 50,
  maxBackoffMs: 400,
  requestTimeoutMs: 5000,
} as const;

/** A hub of the demo site enrolled at central as `siteId`. */
export async function startEnrolledHub(
  centralUrl: string,
  site: { id: string; key: string },
  batchEvents = 500,
): Promise<TestHub> {
  return startTestHub({
    site: demoSite({ id: site.id, central: { url: centralUrl, siteId: site.id, key: site.key } }),
    centralTiming: { ...FAST_PUSH, batchEvents },
  });
}

/**
 * A small day at a hall: `n` tickets issued at the kiosk; served at loket-1 in turn: most finished after a step,
 * every fifth a no-show (called, recalled, no-show), every seventh cancelled while waiting; the rest left waiting.
 */
export async function driveDay(t: TestHub, n: number, serve = n - 3): Promise<void> {
  const mod = await t.login('mod');
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await t.api<{ id: string }>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'ktp-el' },
    });
    expect(res.status).toBe(201);
    ids.push(res.body.id);
  }
  for (let i = 0; i < serve; i++) {
    const id = ids[i] ?? '';
    if (i % 7 === 6) {
      expect((await t.api('POST', `/tickets/${id}/cancel`, { token: mod })).status).toBe(200);
      continue;
    }
    const called = await t.api<{ id: string }>('POST', '/counters/loket-1/call-ticket', {
      token: mod,
      body: { ticketId: id },
    });
    expect(called.status, JSON.stringify(called.body)).toBe(200);
    if (i % 5 === 4) {
      await t.api('POST', '/counters/loket-1/recall', { token: mod });
      expect((await t.api('POST', `/tickets/${id}/no-show`, { token: mod })).status).toBe(200);
      continue;
    }
    await t.api('POST', `/tickets/${id}/step`, { token: mod });
    expect((await t.api('POST', `/tickets/${id}/finish`, { token: mod })).status).toBe(200);
  }
}

/** Waits until central has acknowledged everything the hub has logged. */
export async function untilSynced(t: TestHub, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const head = t.hub.db.prepare('SELECT coalesce(max(id), 0) FROM events').pluck().get() as number;
    const status = t.hub.pusher.status();
    if (status.lastAckedSeq === head && status.pending === 0) return;
    if (Date.now() > deadline) throw new Error(`not synced: head ${head}, ${JSON.stringify(status)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const iso = (value: string | Date | null): string | null =>
  value === null ? null : new Date(value).toISOString();

/**
 * Central's copy of a site against the hub's own records: every event exactly once (the same sequences), every
 * ticket with the same status, times and closing officer, and central's day figures equal the hub's own report.
 */
export async function expectSameAsHub(
  pool: pg.Pool,
  t: TestHub,
  siteId: string,
  token: string,
  centralUrl: string,
) {
  const hubSeqs = t.hub.db.prepare('SELECT id FROM events ORDER BY id').pluck().all() as number[];
  const { rows: seqRows } = await pool.query<{ seq: string }>(
    'SELECT seq FROM events WHERE site_id = $1 ORDER BY seq',
    [siteId],
  );
  expect(seqRows.map((r) => Number(r.seq))).toEqual(hubSeqs);

  const hubTickets = (
    t.hub.db
      .prepare(
        'SELECT id, status, issued_at, first_called_at, finished_at, outcome, served_by FROM tickets ORDER BY id',
      )
      .all() as {
      id: string;
      status: string;
      issued_at: string;
      first_called_at: string | null;
      finished_at: string | null;
      outcome: string | null;
      served_by: string | null;
    }[]
  ).map((r) => ({
    ...r,
    issued_at: iso(r.issued_at),
    first_called_at: iso(r.first_called_at),
    finished_at: iso(r.finished_at),
  }));
  const { rows } = await pool.query<{
    id: string;
    status: string;
    issued_at: Date;
    first_called_at: Date | null;
    finished_at: Date | null;
    outcome: string | null;
    served_by: string | null;
  }>(
    `SELECT ticket_id AS id, status, issued_at, first_called_at, finished_at, outcome, served_by
     FROM site_tickets WHERE site_id = $1 ORDER BY ticket_id COLLATE "C"`,
    [siteId],
  );
  const centralTickets = rows.map((r) => ({
    ...r,
    issued_at: iso(r.issued_at),
    first_called_at: iso(r.first_called_at),
    finished_at: iso(r.finished_at),
  }));
  expect(centralTickets).toEqual(hubTickets);

  const mod = await t.login('mod');
  const report = ReportView.parse((await t.api('GET', '/reports/today', { token: mod })).body).total;
  const sites = z
    .array(z.object({ id: z.string(), today: z.record(z.string(), z.unknown()).nullable() }))
    .parse(
      await (
        await fetch(`${centralUrl}/api/central/sites`, { headers: { authorization: `Bearer ${token}` } })
      ).json(),
    );
  const today = sites.find((s) => s.id === siteId)?.today;
  expect(today).toMatchObject({
    issued: report.issued,
    served: report.served,
    handedToAgency: report.handedToAgency,
    noShow: report.noShows,
    cancelled: report.cancelled,
    waiting: report.open,
  });
}
