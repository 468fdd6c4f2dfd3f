import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CounterView, IssuedTicket, TicketView } from '@giliran/protocol';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { expectFolderLogIsTruth } from '../support/log-truth.ts';
import { DATABASE_FILE } from '../../apps/hub/src/hub.ts';
import { DEMO_SITE_PATH, DISPLAY_TOKEN, KIOSK_TOKEN, demoSite } from '../support/hub-harness.ts';
import { spawnHub } from '../support/hub-process.ts';
// Shared with the fault tests: the file's numbering check, the seeded PRNG (replay with CRASH_SEED), sleep.
import { checkNumbering } from '../support/faults-db-checks.ts';
import { mulberry32, sleep } from '../support/faults-util.ts';

// The real hub as a child process, killed with SIGKILL in the middle of a load, restarted on the same folder.
// What a client was told (a 2xx answer) must still be true afterwards; what was in flight may or may not have happened.

const CYCLES = 5;
const KIOSK_LOOPS = 6;
const MAX_ISSUES_PER_LOOP = 400;
const MAX_COUNTER_STEPS = 600;
const KILL_AFTER_MS: readonly [number, number] = [150, 600];
const LOAD_TIME_LIMIT_MS = 3000;
const REQUEST_TIMEOUT_MS = 10_000;

/** Three services; loket-1 and loket-2 serve A and B, loket-3 and loket-4 serve D. */
const SERVICES = ['ktp-el', 'kk', 'stnk'] as const;
const OFFICERS = [
  { username: 'loket1', counterId: 'loket-1' },
  { username: 'loket2', counterId: 'loket-2' },
  { username: 'loket3', counterId: 'loket-3' },
  { username: 'loket4', counterId: 'loket-4' },
] as const;

type Status = TicketView['status'];

/** The last acknowledged state of a ticket, plus the state a request still in flight would move it to. */
interface Known {
  readonly id: string;
  readonly number: string;
  readonly serviceId: string;
  status: Status;
  counterId: string | null;
  pending: Status | null;
}

interface Agent {
  readonly counterId: string;
  readonly token: string;
  /** The ticket at the desk as last acknowledged (or observed after a restart). */
  active: string | null;
  /** A call-next was sent and not answered: it may have called a waiting ticket. */
  callInFlight: boolean;
}

/** What each kind of call answers with (on success). */
interface Answers {
  login: { token: string };
  issued: IssuedTicket;
  ticket: TicketView;
  counters: CounterView[];
}

type Answer<K extends keyof Answers> = { status: number; body: Answers[K] | null };

async function request<K extends keyof Answers>(
  _kind: K,
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<Answer<K>> {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}/api${path}`, {
    method,
    headers,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Answers[K]) : null };
}

const SITE = demoSite();
const PREFIX = new Map(SITE.services.map((s) => [s.id, s.prefix]));
const numberOf = (serviceId: string, seq: number) =>
  `${PREFIX.get(serviceId) ?? '?'}${String(seq).padStart(SITE.numberWidth, '0')}`;

async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

describe('crash recovery: kill -9 under load, restart on the same data folder', () => {
  it('keeps every acknowledged ticket and call, numbers 1..n without gap or repeat, and continues at n+1', async () => {
    const seed = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);
    const rng = mulberry32(seed);
    const workDir = mkdtempSync(join(tmpdir(), 'giliran-crash-'));
    const dataDir = join(workDir, 'data');
    const dbFile = join(dataDir, DATABASE_FILE);
    // The demo site with the per-kiosk flood guard lifted: six kiosk loops issue far more than 10 a minute.
    const siteFile = join(workDir, 'site.json');
    const demo = JSON.parse(readFileSync(DEMO_SITE_PATH, 'utf8')) as Record<string, unknown>;
    writeFileSync(siteFile, JSON.stringify({ ...demo, kioskMaxTicketsPerMinute: 10_000 }));
    const known = new Map<string, Known>();
    const summary: string[] = [`seed ${seed}`];
    let hub = await spawnHub(dataDir, siteFile);

    try {
      const agents: Agent[] = await Promise.all(
        OFFICERS.map(async ({ username, counterId }) => {
          const res = await request('login', hub.url, 'POST', '/auth/login', undefined, {
            username,
            pin: '1234',
          });
          if (res.status !== 200 || !res.body) throw new Error(`login ${username}: ${res.status}`);
          return { counterId, token: res.body.token, active: null, callInFlight: false };
        }),
      );
      const agentOf = new Map(agents.map((a) => [a.counterId, a]));

      const remember = (view: TicketView | IssuedTicket, status: Status, counterId: string | null) => {
        const existing = known.get(view.id);
        if (existing) {
          existing.status = status;
          existing.counterId = counterId;
          existing.pending = null;
        } else {
          known.set(view.id, {
            id: view.id,
            number: view.number,
            serviceId: view.serviceId,
            status,
            counterId,
            pending: null,
          });
        }
      };

      let totalIssued = 0;
      let totalCalled = 0;

      for (let cycle = 1; cycle <= CYCLES; cycle++) {
        // ---- load, then SIGKILL at a random moment ----
        const base = hub.url;
        const errors: string[] = [];
        let stopped = false;
        let issued = 0;
        let calls = 0;
        let issuesInFlight = 0;
        const started = performance.now();
        const timeUp = () => stopped || performance.now() - started > LOAD_TIME_LIMIT_MS;

        const kioskLoop = async () => {
          for (let i = 0; i < MAX_ISSUES_PER_LOOP && !timeUp(); i++) {
            const serviceId = SERVICES[Math.floor(rng() * SERVICES.length)] ?? 'ktp-el';
            let res: Answer<'issued'>;
            issuesInFlight++;
            try {
              res = await request('issued', base, 'POST', '/tickets', KIOSK_TOKEN, { serviceId });
            } catch {
              return; // the hub died under this request: not acknowledged
            }
            issuesInFlight--;
            if (res.status !== 201 || !res.body) {
              errors.push(`issue ${serviceId}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
              return;
            }
            // A counter may already have called it (answers on different connections can cross).
            if (!known.has(res.body.id)) remember(res.body, 'waiting', null);
            issued++;
          }
        };

        const counterLoop = async (agent: Agent) => {
          const post = (path: string) => request('ticket', base, 'POST', path, agent.token);
          for (let i = 0; i < MAX_COUNTER_STEPS && !timeUp(); i++) {
            if (agent.active === null) {
              agent.callInFlight = true;
              let res: Answer<'ticket'>;
              try {
                res = await post(`/counters/${agent.counterId}/call-next`);
              } catch {
                return;
              }
              agent.callInFlight = false;
              if (res.status === 204) {
                await sleep(2 + rng() * 8);
                continue;
              }
              if (res.status !== 200 || !res.body) {
                errors.push(`call-next ${agent.counterId}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
                return;
              }
              remember(res.body, res.body.status, res.body.counterId);
              agent.active = res.body.id;
              calls++;
              continue;
            }
            const ticket = known.get(agent.active);
            if (!ticket) throw new Error(`active ticket ${agent.active} is unknown`);
            // Half the time the applicant takes a moment to come: leaves tickets "called" when the kill lands.
            if (ticket.status === 'called' && rng() < 0.5) {
              await sleep(rng() * 40);
              if (timeUp()) return;
            }
            const action = ticket.status === 'called' ? 'step' : 'finish';
            ticket.pending = action === 'step' ? 'serving' : 'done';
            let res: Answer<'ticket'>;
            try {
              res = await post(`/tickets/${ticket.id}/${action}`);
            } catch {
              return;
            }
            if (res.status !== 200 || !res.body) {
              errors.push(`${action} ${ticket.number}: HTTP ${res.status} ${JSON.stringify(res.body)}`);
              return;
            }
            remember(res.body, res.body.status, res.body.counterId);
            if (action === 'finish') agent.active = null;
          }
        };

        const killAfter = KILL_AFTER_MS[0] + rng() * (KILL_AFTER_MS[1] - KILL_AFTER_MS[0]);
        const loops = [
          ...Array.from({ length: KIOSK_LOOPS }, kioskLoop),
          ...agents.map((agent) => counterLoop(agent)),
        ];
        await sleep(killAfter);
        const alive = hub.isAlive();
        hub.child.kill('SIGKILL');
        stopped = true;
        await Promise.all(loops);
        await hub.exited;
        expect(alive, `hub died on its own before the kill:\n${hub.tail()}`).toBe(true);
        expect(errors, 'unexpected refusals during the load').toEqual([]);

        const pendingTickets = [...known.values()].filter((k) => k.pending !== null).length;
        const callsInFlight = agents.filter((a) => a.callInFlight).length;
        totalIssued += issued;
        totalCalled += calls;

        // ---- restart on the same folder ----
        hub = await spawnHub(dataDir, siteFile);
        const url = hub.url;
        const failures: string[] = [];

        const counters = await request('counters', url, 'GET', '/counters', DISPLAY_TOKEN);
        expect(counters.status).toBe(200);
        const activeAt = new Map((counters.body ?? []).map((c) => [c.id, c.activeTicketId]));

        // Every acknowledged ticket: same number, acknowledged status (or the one its in-flight request leads to).
        const views = await mapLimited([...known.values()], 16, async (k) => ({
          k,
          res: await request('ticket', url, 'GET', `/tickets/${k.id}`, KIOSK_TOKEN),
        }));
        const adopted = new Map<string, string>();
        for (const { k, res } of views) {
          const view = res.body;
          if (res.status !== 200 || !view) {
            failures.push(`acknowledged ticket ${k.number} (${k.id}, ${k.status}) lost: HTTP ${res.status}`);
            continue;
          }
          if (view.number !== k.number)
            failures.push(`ticket ${k.id}: number ${k.number} became ${view.number}`);
          if (view.serviceId !== k.serviceId)
            failures.push(`ticket ${k.number}: service ${k.serviceId} became ${view.serviceId}`);
          const atDesk = k.status === 'called' || k.status === 'serving';
          let ok = view.status === k.status && (!atDesk || view.counterId === k.counterId);
          if (!ok && k.pending !== null && view.status === k.pending) ok = true;
          if (!ok && k.status === 'waiting' && view.status === 'called' && view.counterId !== null) {
            const agent = agentOf.get(view.counterId);
            if (agent?.callInFlight && agent.active === null && !adopted.has(agent.counterId)) {
              adopted.set(agent.counterId, k.id);
              ok = true;
            }
          }
          if (!ok) {
            failures.push(
              `ticket ${k.number}: acknowledged ${k.status}@${String(k.counterId)}` +
                ` (in flight: ${String(k.pending)}), found ${view.status}@${String(view.counterId)}`,
            );
          }
          k.status = view.status;
          k.counterId = view.counterId;
          k.pending = null;
        }

        // Every counter: the acknowledged desk ticket, or what its in-flight request may have done.
        for (const agent of agents) {
          const actual = activeAt.get(agent.counterId) ?? null;
          const expected = agent.active;
          if (expected !== null) {
            // Its finish may have been in flight: then the ticket is done and the desk is free, or neither.
            const wanted = known.get(expected)?.status === 'done' ? null : expected;
            if (actual !== wanted)
              failures.push(`${agent.counterId}: desk ticket ${expected} became ${String(actual)}`);
          } else if (agent.callInFlight && actual !== null) {
            const adoptedId = adopted.get(agent.counterId);
            if (adoptedId === undefined) {
              // Called a ticket whose issue was never acknowledged: it must exist and be called here.
              const res = await request('ticket', url, 'GET', `/tickets/${actual}`, KIOSK_TOKEN);
              if (res.body?.status === 'called' && res.body.counterId === agent.counterId)
                remember(res.body, 'called', agent.counterId);
              else failures.push(`${agent.counterId}: unexpected desk ticket ${actual}`);
            } else if (adoptedId !== actual) {
              failures.push(`${agent.counterId}: desk has ${actual} but ${adoptedId} was called there`);
            }
          } else if (actual !== null) {
            failures.push(`${agent.counterId}: idle when killed, now has desk ticket ${actual}`);
          }
          agent.active = actual;
          agent.callInFlight = false;
        }

        // Numbering straight from the SQLite file (read-only; the restarted hub is idle).
        const numbering = checkNumbering(dbFile, SITE);
        failures.push(...numbering.failures);
        const unacknowledged = numbering.rows.filter((r) => !known.has(r.id)).length;

        // The next ticket of each service continues at n+1.
        for (const serviceId of SERVICES) {
          const res = await request('issued', url, 'POST', '/tickets', KIOSK_TOKEN, { serviceId });
          if (res.status !== 201 || !res.body) {
            failures.push(`issue ${serviceId} after restart: HTTP ${res.status}`);
            continue;
          }
          const view = await request('ticket', url, 'GET', `/tickets/${res.body.id}`, KIOSK_TOKEN);
          const day = view.body?.serviceDay ?? '';
          const expected = numberOf(serviceId, (numbering.maxSeq.get(`${day}|${serviceId}`) ?? 0) + 1);
          if (res.body.number !== expected)
            failures.push(
              `first ${serviceId} ticket after restart is ${res.body.number}, expected ${expected}`,
            );
          remember(res.body, 'waiting', null);
        }

        summary.push(
          `cycle ${cycle}: killed at ${Math.round(killAfter)} ms after ${issued} issues and ${calls} calls acknowledged; ` +
            `in flight: ${issuesInFlight} issues, ${pendingTickets} step/finish, ${callsInFlight} call-next; ` +
            `after restart ${numbering.rows.length} tickets in the database, ${unacknowledged} never acknowledged`,
        );
        expect(failures, `${summary.join('\n')}\n${hub.tail()}`).toEqual([]);
      }

      // ---- graceful stop, then the file itself ----
      hub.child.kill('SIGTERM');
      await hub.exited;
      expect(hub.child.exitCode).toBe(0);

      const numbering = checkNumbering(dbFile, SITE);
      expect(numbering.failures).toEqual([]);
      const rowById = new Map(numbering.rows.map((r) => [r.id, r]));
      const mismatches = [...known.values()].filter((k) => {
        const row = rowById.get(k.id);
        return row?.number !== k.number || row.status !== k.status;
      });
      expect(
        mismatches.map((k) => `${k.number}: ${k.status} vs ${String(rowById.get(k.id)?.status)}`),
      ).toEqual([]);
      const db = new Database(dbFile, { readonly: true, fileMustExist: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
      // After the kills, every table still rebuilds exactly from the log (db:verify).
      expectFolderLogIsTruth(dbFile);

      console.log(`${summary.join('\n')}\ntotal: ${totalIssued} issues, ${totalCalled} calls acknowledged`);
      // A run where the load never got going proves nothing.
      expect(totalIssued).toBeGreaterThanOrEqual(30);
      expect(totalCalled).toBeGreaterThanOrEqual(5);
    } finally {
      if (hub.isAlive()) {
        hub.child.kill('SIGKILL');
        await hub.exited;
      }
      rmSync(workDir, { recursive: true, force: true });
    }
  }, 120_000);
});
