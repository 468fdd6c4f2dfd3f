import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  Ack,
  ClientToServerEvents,
  IssuedTicket,
  ServerToClientEvents,
  Snapshot,
  TicketView,
} from '@giliran/protocol';
import { io as connect, type Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { expectFolderLogIsTruth } from '../support/log-truth.ts';
import { fromSnapshot } from '../../apps/counter/renderer/desk-state.ts';
import { DATABASE_FILE } from '../../apps/hub/src/hub.ts';
import { HubRequestError } from '../../packages/ui/src/hub-client.ts';
import { checkNumbering, integrityCheck } from '../support/faults-db-checks.ts';
import { freePort } from '../support/free-port.ts';
import { HubSupervisor } from '../support/faults-hub-supervisor.ts';
import { SyncedClient } from '../support/faults-synced-client.ts';
import { faultSeed, mulberry32, sleep, waitUntil } from '../support/faults-util.ts';
import { DEMO_SITE_PATH, DISPLAY_TOKEN, KIOSK_TOKEN, demoSite } from '../support/hub-harness.ts';

// A busy hour on the real hub (a child process), killed with SIGKILL at random moments, many times in one run.
// Kiosks issue, officers call and step through SOP steps 4–8 and finish, displays watch: all of them over
// Socket.IO through the screens' own HubClient, which reconnects and resyncs by itself. After every restart:
// - every acknowledged ticket, call and step is in the hub (a command still in flight may or may not be);
// - every screen's state equals the hub's snapshot for its role, with no help from the test;
// - each command whose answer was lost is retried with its idempotency key, as the counter page does, and then
//   what the clients were told is exactly the hub's state: no ticket nobody was told of, none called twice;
// - the SQLite file numbers each service 1..n without gap or repeat.
// The existing crash-recovery test does the same over REST through `npm start`'s entry point with a cold start.

const CYCLES = Number(process.env.FAULT_CYCLES ?? 10);
const KILL_AFTER_MS: readonly [number, number] = [30, 800];
const RECOVERY_TIMEOUT_MS = 20_000;
const KIOSKS = 3;
const DISPLAYS = 2;
const SERVICES = ['ktp-el', 'kk', 'stnk'] as const;
const OFFICERS = [
  { username: 'loket1', counterId: 'loket-1' },
  { username: 'loket2', counterId: 'loket-2' },
  { username: 'loket3', counterId: 'loket-3' },
  { username: 'loket4', counterId: 'loket-4' },
] as const;

type Status = TicketView['status'];
type CommandName = 'ticket:issue' | 'counter:call-next' | 'ticket:step' | 'ticket:finish';
type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What a client was last told about a ticket. */
interface Known {
  readonly id: string;
  readonly number: string;
  readonly serviceId: string;
  status: Status;
  counterId: string | null;
  step: number | null;
}

/** A command sent and not answered: the hub may or may not have committed it. */
interface Pending {
  readonly name: CommandName;
  readonly payload: { readonly idempotencyKey: string } & Record<string, string>;
  readonly ticketId: string | null;
}

interface Station {
  readonly label: string;
  readonly client: SyncedClient;
  pending: Pending | null;
}

interface Officer extends Station {
  readonly counterId: string;
  /** The ticket at the desk as last acknowledged. */
  active: string | null;
}

/** How far a ticket has come; tickets only move forward in this test. */
function level(status: Status, step: number | null): number {
  if (status === 'waiting') return 0;
  if (status === 'called') return 1;
  if (status === 'serving') return (step ?? 4) - 2; // steps 4..8 → 2..6
  if (status === 'done') return 7;
  return -1;
}

async function login(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, pin: '1234' }),
  });
  if (response.status !== 200) throw new Error(`login ${username}: HTTP ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** A fresh connection's snapshot: what the hub says for this role, independent of the screens under test. */
async function snapshotAs(url: string, token: string): Promise<Snapshot> {
  const socket: HubSocket = connect(url, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    // With a timeout, socket.io-client types the ack as `any`: the contract is Ack<Snapshot>.
    const ack = (await socket.timeout(10_000).emitWithAck('sync:snapshot', {})) as Ack<Snapshot>;
    if (!ack.ok) throw new Error(`snapshot refused: ${ack.error.code}`);
    return ack.data;
  } finally {
    socket.close();
  }
}

const isNetwork = (error: unknown) => error instanceof HubRequestError && error.code === 'NETWORK';

describe('a busy hour with the hub killed at random moments', () => {
  it('keeps every acknowledged ticket, call and step, numbers without gap or repeat, and every screen resyncs by itself', async () => {
    const seed = faultSeed();
    const rng = mulberry32(seed);
    const workDir = mkdtempSync(join(tmpdir(), 'giliran-busy-hour-'));
    const dataDir = join(workDir, 'data');
    const dbFile = join(dataDir, DATABASE_FILE);
    const siteFile = join(workDir, 'site.json');
    const demo = JSON.parse(readFileSync(DEMO_SITE_PATH, 'utf8')) as Record<string, unknown>;
    writeFileSync(siteFile, JSON.stringify({ ...demo, kioskMaxTicketsPerMinute: 10_000 }));
    const site = demoSite();
    const hub = new HubSupervisor({ dataDir, siteFile, port: await freePort() });
    const known = new Map<string, Known>();
    const summary: string[] = [`seed ${seed}`];
    const stations: Station[] = [];
    const screens: SyncedClient[] = [];
    let keys = 0;
    const nextKey = (label: string) => `${label}-${String(++keys).padStart(8, '0')}`;

    /** Folds an answer into what the clients know; an older answer arriving late never moves a ticket back. */
    const learn = (
      view: TicketView | IssuedTicket,
      status: Status,
      counterId: string | null,
      step: number | null,
    ) => {
      const existing = known.get(view.id);
      if (!existing) {
        known.set(view.id, {
          id: view.id,
          number: view.number,
          serviceId: view.serviceId,
          status,
          counterId,
          step,
        });
        return;
      }
      if (level(status, step) < level(existing.status, existing.step)) return;
      existing.status = status;
      existing.counterId = counterId;
      existing.step = step;
    };
    const learnView = (view: TicketView) => {
      learn(view, view.status, view.counterId, view.currentStep);
    };

    try {
      await hub.start();
      const adminToken = await login(hub.url, 'admin');
      const officers: Officer[] = [];
      for (const { username, counterId } of OFFICERS) {
        const token = await login(hub.url, username);
        officers.push({
          label: counterId,
          counterId,
          client: new SyncedClient(counterId, hub.url, token),
          pending: null,
          active: null,
        });
      }
      const kiosks: Station[] = Array.from({ length: KIOSKS }, (_, i) => ({
        label: `kiosk${i + 1}`,
        client: new SyncedClient(`kiosk${i + 1}`, hub.url, KIOSK_TOKEN),
        pending: null,
      }));
      const displays = Array.from(
        { length: DISPLAYS },
        (_, i) => new SyncedClient(`display${i + 1}`, hub.url, DISPLAY_TOKEN),
      );
      stations.push(...kiosks, ...officers);
      screens.push(...stations.map((s) => s.client), ...displays);
      await waitUntil(
        () => screens.every((c) => c.synced),
        RECOVERY_TIMEOUT_MS,
        () =>
          `screens not synced at start: ${screens
            .filter((c) => !c.synced)
            .map((c) => c.label)
            .join(', ')}`,
      );

      /** Sends a command; `null` when its answer was lost (the hub died), which leaves it pending. */
      const send = async <T>(station: Station, command: Pending): Promise<T | null> => {
        station.pending = command;
        try {
          const result = (await station.client.hub.command(command.name, command.payload as never)) as T;
          station.pending = null;
          return result;
        } catch (error) {
          if (isNetwork(error)) return null;
          throw new Error(`${station.label} ${command.name}: ${String(error)}`, { cause: error });
        }
      };

      const applyOfficer = (officer: Officer, name: CommandName, result: TicketView | null) => {
        if (result === null) return; // call-next with nobody waiting
        learnView(result);
        if (name === 'counter:call-next') officer.active = result.id;
        if (name === 'ticket:finish') officer.active = null;
      };

      let totals = {
        issued: 0,
        calls: 0,
        steps: 0,
        finishes: 0,
        kills: 0,
        pendingAtKill: 0,
        unacknowledged: 0,
      };
      const recoveryMs: number[] = [];

      for (let cycle = 1; cycle <= CYCLES; cycle++) {
        // ---- load ----
        await hub.standbyReady();
        let stopped = false;
        const counts = { issued: 0, calls: 0, steps: 0, finishes: 0 };
        const kioskLoop = async (kiosk: Station) => {
          while (!stopped) {
            const serviceId = SERVICES[Math.floor(rng() * SERVICES.length)] ?? 'ktp-el';
            const issued = await send<IssuedTicket>(kiosk, {
              name: 'ticket:issue',
              payload: { serviceId, idempotencyKey: nextKey(kiosk.label) },
              ticketId: null,
            });
            if (issued === null) return;
            learn(issued, 'waiting', null, null);
            counts.issued++;
            await sleep(5 + rng() * 20);
          }
        };
        const officerLoop = async (officer: Officer) => {
          while (!stopped) {
            const ticket = officer.active === null ? undefined : known.get(officer.active);
            let command: Pending;
            if (!ticket) {
              command = {
                name: 'counter:call-next',
                payload: { counterId: officer.counterId, idempotencyKey: nextKey(officer.label) },
                ticketId: null,
              };
            } else {
              // Called → step 4; then on through the SOP steps, finishing somewhere between step 4 and step 8.
              const more = ticket.status === 'called' || ((ticket.step ?? 8) < 8 && rng() < 0.6);
              command = {
                name: more ? 'ticket:step' : 'ticket:finish',
                payload: { ticketId: ticket.id, idempotencyKey: nextKey(officer.label) },
                ticketId: ticket.id,
              };
            }
            const result = await send<TicketView | null>(officer, command);
            if (officer.pending !== null) return;
            applyOfficer(officer, command.name, result);
            if (command.name === 'counter:call-next') {
              if (result === null) await sleep(10 + rng() * 20);
              else counts.calls++;
            } else if (command.name === 'ticket:step') counts.steps++;
            else counts.finishes++;
            await sleep(rng() * 10);
          }
        };
        const loops = [...kiosks.map(kioskLoop), ...officers.map(officerLoop)];
        const killAfter = KILL_AFTER_MS[0] + rng() * (KILL_AFTER_MS[1] - KILL_AFTER_MS[0]);
        await sleep(killAfter);
        expect(hub.isAlive(), `the hub died on its own before the kill:\n${hub.tail()}`).toBe(true);
        const killedAt = performance.now();
        const connectsBefore = screens.map((c) => c.connectedAt.length);
        // Sent commands stay in flight across the kill; none is started after it.
        stopped = true;
        await hub.kill();
        await Promise.all(loops);
        const pendingAtKill = stations.filter((s) => s.pending !== null).length;

        // ---- restart; the screens find it by themselves ----
        await hub.start();
        const full = await snapshotAs(hub.url, adminToken);
        const forDisplays = await snapshotAs(hub.url, DISPLAY_TOKEN);
        expect(forDisplays.lastEventId).toBe(full.lastEventId);
        await waitUntil(
          () => screens.every((c) => c.synced && c.desk.lastEventId === full.lastEventId),
          RECOVERY_TIMEOUT_MS,
          () =>
            `screens not resynced to event ${full.lastEventId}: ` +
            screens
              .filter((c) => !c.synced || c.desk.lastEventId !== full.lastEventId)
              .map((c) => `${c.label} (online ${String(c.online)}, at ${String(c.desk.lastEventId)})`)
              .join(', '),
        );
        recoveryMs.push(performance.now() - killedAt);
        screens.forEach((c, i) => {
          expect(c.connectedAt.length, `${c.label} reconnected`).toBeGreaterThan(connectsBefore[i] ?? 0);
          expect(c.desk, `${c.label} equals the hub's snapshot after cycle ${cycle}`).toEqual(
            fromSnapshot(displays.includes(c) ? forDisplays : full),
          );
        });

        // ---- every acknowledged ticket, call and step is there ----
        const failures: string[] = [];
        const hubTickets = new Map(full.tickets.map((t) => [t.id, t]));
        /** Where a step or finish still in flight would have taken its ticket. */
        const inFlightTarget = new Map(
          stations.flatMap((s) => {
            const k = s.pending?.ticketId ? known.get(s.pending.ticketId) : undefined;
            if (!s.pending || !k) return [];
            const target = s.pending.name === 'ticket:finish' ? 7 : level(k.status, k.step) + 1;
            return [[k.id, target] as const];
          }),
        );
        const callingAt = new Set(
          officers.filter((o) => o.pending?.name === 'counter:call-next').map((o) => o.counterId),
        );
        for (const k of known.values()) {
          const h = hubTickets.get(k.id);
          if (!h) {
            failures.push(`acknowledged ticket ${k.number} (${k.status}) is lost`);
            continue;
          }
          if (h.number !== k.number || h.serviceId !== k.serviceId)
            failures.push(`ticket ${k.number}/${k.serviceId} became ${h.number}/${h.serviceId}`);
          const was = level(k.status, k.step);
          const now = level(h.status, h.currentStep);
          const desk = k.status === 'called' || k.status === 'serving';
          const same = now === was && (!desk || h.counterId === k.counterId);
          const inFlightStep = now === inFlightTarget.get(k.id);
          const inFlightCall = was === 0 && now === 1 && h.counterId !== null && callingAt.has(h.counterId);
          if (!same && !inFlightStep && !inFlightCall)
            failures.push(
              `ticket ${k.number}: acknowledged ${k.status}/${String(k.step)}@${String(k.counterId)}, ` +
                `hub has ${h.status}/${String(h.currentStep)}@${String(h.counterId)}`,
            );
        }
        const unknown = full.tickets.filter((t) => !known.has(t.id));
        const issuesInFlight = kiosks.filter((k) => k.pending !== null).length;
        if (unknown.length > issuesInFlight)
          failures.push(`${unknown.length} tickets nobody was told of, ${issuesInFlight} issues in flight`);
        expect(failures, `${summary.join('\n')}\ncycle ${cycle}\n${hub.tail()}`).toEqual([]);

        // ---- answers lost with the connection: retried with the same key, as the screens do ----
        for (const station of stations) {
          const command = station.pending;
          if (!command) continue;
          station.pending = null;
          const result = await station.client.hub.command(command.name, command.payload as never);
          if (command.name === 'ticket:issue') learn(result as IssuedTicket, 'waiting', null, null);
          else applyOfficer(station as Officer, command.name, result as TicketView | null);
        }

        // ---- now what the clients were told is exactly the hub's state ----
        const after = await snapshotAs(hub.url, adminToken);
        const afterTickets = new Map(after.tickets.map((t) => [t.id, t]));
        const orphans = after.tickets.filter((t) => !known.has(t.id)).map((t) => t.number);
        expect(orphans, 'tickets in the hub that no client was told of').toEqual([]);
        for (const k of known.values()) {
          const h = afterTickets.get(k.id);
          expect(
            h && { status: h.status, counterId: h.counterId, step: h.currentStep },
            `ticket ${k.number} after the retries`,
          ).toEqual({ status: k.status, counterId: k.counterId, step: k.step });
        }
        for (const officer of officers)
          expect(after.counters.find((c) => c.id === officer.counterId)?.activeTicketId ?? null).toBe(
            officer.active,
          );
        const numbers = [...known.values()].map((k) => k.number);
        expect(new Set(numbers).size, 'a number handed out twice').toBe(numbers.length);
        const numbering = checkNumbering(dbFile, site);
        expect(numbering.failures).toEqual([]);
        expect(numbering.rows.length).toBe(known.size);

        totals = {
          issued: totals.issued + counts.issued,
          calls: totals.calls + counts.calls,
          steps: totals.steps + counts.steps,
          finishes: totals.finishes + counts.finishes,
          kills: totals.kills + 1,
          pendingAtKill: totals.pendingAtKill + pendingAtKill,
          unacknowledged: totals.unacknowledged + unknown.length,
        };
        summary.push(
          `cycle ${cycle}: killed at ${Math.round(killAfter)} ms after ${counts.issued} issues, ${counts.calls} calls, ` +
            `${counts.steps} steps, ${counts.finishes} finishes acknowledged; ${pendingAtKill} commands in flight, ` +
            `${unknown.length} committed unacknowledged; all ${screens.length} screens resynced ` +
            `${Math.round(recoveryMs.at(-1) ?? 0)} ms after the kill (hub start ${String(hub.startupMs.at(-1))} ms)`,
        );
      }

      // ---- graceful stop, then the file itself ----
      for (const c of screens) c.close();
      expect(await hub.stop()).toBe(0);
      expect(integrityCheck(dbFile)).toBe('ok');
      // After the kills, every table still rebuilds exactly from the log (db:verify).
      expectFolderLogIsTruth(dbFile);
      const numbering = checkNumbering(dbFile, site);
      expect(numbering.failures).toEqual([]);
      expect(numbering.rows.length).toBe(known.size);
      expect(screens.flatMap((c) => c.errors)).toEqual([]);
      console.log(
        `${summary.join('\n')}\ntotal: ${totals.kills} kills; ${totals.issued} issues, ${totals.calls} calls, ` +
          `${totals.steps} steps, ${totals.finishes} finishes acknowledged; ${totals.pendingAtKill} in flight at a kill (${totals.unacknowledged} tickets committed but unacknowledged); ` +
          `recovery median ${Math.round([...recoveryMs].sort((a, b) => a - b)[Math.floor(recoveryMs.length / 2)] ?? 0)} ms`,
      );
      // A run where the load never got going proves nothing.
      expect(totals.kills).toBe(CYCLES);
      expect(totals.issued).toBeGreaterThanOrEqual(CYCLES * 5);
      expect(totals.steps).toBeGreaterThanOrEqual(CYCLES * 3);
      expect(totals.pendingAtKill).toBeGreaterThan(0);
    } finally {
      for (const c of screens) c.close();
      await hub.stop();
      rmSync(workDir, { recursive: true, force: true });
    }
  }, 120_000);
});
