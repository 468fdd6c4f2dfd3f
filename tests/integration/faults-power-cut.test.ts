import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fold, isQueueEvent, type HubEvent } from '@giliran/domain';
import type { IssuedTicket } from '@giliran/protocol';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../apps/hub/src/hub.ts';
import { checkNumbering, integrityCheck } from '../support/faults-db-checks.ts';
import { faultSeed, mulberry32, sleep } from '../support/faults-util.ts';
import { DEMO_SITE_PATH, KIOSK_TOKEN, demoSite, startTestHub } from '../support/hub-harness.ts';

// An abrupt stop at any write: a child process writing through the hub's own database code (same pragmas,
// group commit and transactions) is SIGKILLed at a random moment, again and again on the same file. After every
// kill the file must open, pass integrity_check, hold exactly a prefix of whole transactions (each batch of
// commands is one transaction, recognisable by its idempotency keys: all of a batch or none of it, never
// a batch the writer was told was committed missing), agree with its own event log, and a hub must start on it
// and number the next ticket n+1.
//
// SIGKILL stops the process but not the OS: what the process wrote reached the page cache. So this proves
// atomicity at any point of the writer's work (a half-written WAL frame or a transaction without its commit
// frame is ignored by recovery); that an acknowledged commit survives a power cut rests on synchronous=FULL
// fsyncing the WAL before the answer and on the disk keeping its flush promise (README, Durability).

const KILLS = Number(process.env.FAULT_KILLS ?? 24);
const SPARE_WRITERS = 2;
const BATCH = 40;
const COUNTERS = 4;
const KILL_AFTER_MS: readonly [number, number] = [0, 250];
const WRITER = fileURLToPath(new URL('../support/faults-power-cut-writer.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Writer {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  /** Resolves once it reports its first batch open: the database is open and it is writing. */
  readonly writing: Promise<void>;
  readonly exited: Promise<void>;
  /** The last `open` and `committed` batch it reported. */
  readonly last: { open: number; committed: number };
  readonly stderr: () => string;
}

function spawnWriter(dbFile: string): Writer {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER], {
    cwd: ROOT,
    env: {
      ...process.env,
      DB_FILE: dbFile,
      SITE_CONFIG: DEMO_SITE_PATH,
      BATCH: String(BATCH),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const last = { open: 0, committed: 0 };
  let stderr = '';
  let buffer = '';
  let markReady: () => void = () => undefined;
  let markWriting: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const writing = new Promise<void>((resolve) => {
    markWriting = resolve;
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffer += chunk;
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const line = JSON.parse(buffer.slice(0, nl)) as { ready?: true; open?: number; committed?: number };
      buffer = buffer.slice(nl + 1);
      if (line.ready) markReady();
      if (line.open !== undefined) {
        last.open = line.open;
        markWriting();
      }
      if (line.committed !== undefined) last.committed = line.committed;
    }
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  return { child, ready, writing, exited, last, stderr: () => stderr };
}

interface FileCheck {
  readonly failures: string[];
  /** Highest whole batch in the file. */
  readonly batches: number;
  readonly tickets: number;
}

/** What the file holds, read with plain SQLite (not the hub's code): whole batches only, rows agreeing with the log. */
function inspect(file: string, hubIssued: number): FileCheck {
  const failures: string[] = [];
  const db = new Database(file, { fileMustExist: true });
  try {
    const perBatch = new Map<number, number>();
    for (const { key } of db.prepare('SELECT key FROM idempotency').all() as { key: string }[]) {
      const batch = Number(/^b(\d+)-\d+$/.exec(key)?.[1]);
      perBatch.set(batch, (perBatch.get(batch) ?? 0) + 1);
    }
    const batches = Math.max(0, ...perBatch.keys());
    for (let b = 1; b <= batches; b++) {
      const commands = perBatch.get(b) ?? 0;
      if (commands !== BATCH + COUNTERS)
        failures.push(`batch ${b} has ${commands} of its ${BATCH + COUNTERS} commands: a half transaction`);
    }
    const tickets = (db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;
    if (tickets !== batches * BATCH + hubIssued)
      failures.push(`${tickets} tickets for ${batches} batches and ${hubIssued} tickets issued by the hub`);

    // The read model (tickets, counters) is what folding the event log gives: no transaction stopped between them.
    // The log holds other features' events too (the site's accounts, the seeded calendar): the queue folds its own.
    const events = (db.prepare('SELECT payload FROM events ORDER BY id').all() as { payload: string }[])
      .map((r) => JSON.parse(r.payload) as HubEvent)
      .filter(isQueueEvent);
    const state = fold(events);
    const rows = db.prepare('SELECT id, status, counter_id FROM tickets').all() as {
      id: string;
      status: string;
      counter_id: string | null;
    }[];
    if (rows.length !== state.tickets.size)
      failures.push(`${rows.length} ticket rows, ${state.tickets.size} tickets in the event log`);
    for (const row of rows) {
      const folded = state.tickets.get(row.id);
      if (folded?.status !== row.status || folded.counterId !== row.counter_id)
        failures.push(
          `ticket ${row.id}: row ${row.status}@${String(row.counter_id)}, log ${String(folded?.status)}`,
        );
    }
    const counters = db.prepare('SELECT id, active_ticket_id FROM counters').all() as {
      id: string;
      active_ticket_id: string | null;
    }[];
    for (const counter of counters) {
      const folded = state.counters.get(counter.id)?.activeTicketId ?? null;
      if (folded !== counter.active_ticket_id)
        failures.push(
          `counter ${counter.id}: row ${String(counter.active_ticket_id)}, log ${String(folded)}`,
        );
    }
    return { failures, batches, tickets };
  } finally {
    db.close();
  }
}

describe('power cut: a writer killed at any point of a transaction', () => {
  it('leaves a database that opens, passes integrity_check, holds whole committed transactions only, and starts a hub', async () => {
    const seed = faultSeed();
    const rng = mulberry32(seed);
    const workDir = mkdtempSync(join(tmpdir(), 'giliran-power-cut-'));
    const dataDir = join(workDir, 'data');
    const dbFile = join(dataDir, DATABASE_FILE);
    const site = demoSite();
    const summary: string[] = [`seed ${seed}, batches of ${BATCH} issues + ${COUNTERS} counter commands`];
    let batches = 0;
    let hubIssued = 0;
    let midBatch = 0;
    let committedUnreported = 0;
    // Writers load ahead (module loading takes seconds on a busy machine); each is told its first batch in turn.
    const writers: Writer[] = [];
    const spares: Writer[] = [];
    const topUp = (spawned: number) => {
      while (
        spares.length < SPARE_WRITERS &&
        writers.length < KILLS &&
        writers.length < spawned + SPARE_WRITERS
      ) {
        const writer = spawnWriter(dbFile);
        writers.push(writer);
        spares.push(writer);
      }
    };

    try {
      // The first hub creates the file, as on a new hall's first day.
      const first = await startTestHub({ site, dataDir });
      await first.stop();

      topUp(0);
      for (let kill = 1; kill <= KILLS; kill++) {
        const writer = spares.shift();
        if (!writer) throw new Error('no writer');
        await Promise.race([writer.ready, writer.exited]);
        writer.child.stdin?.write(`${batches + 1}\n`);
        await Promise.race([writer.writing, writer.exited]);
        topUp(kill);
        const killAfter = KILL_AFTER_MS[0] + rng() * (KILL_AFTER_MS[1] - KILL_AFTER_MS[0]);
        await sleep(killAfter);
        const alive = writer.child.exitCode === null;
        writer.child.kill('SIGKILL');
        await writer.exited;
        expect(alive, `the writer died on its own:\n${writer.stderr()}`).toBe(true);
        const { open, committed } = writer.last;
        const walBytes = existsSync(`${dbFile}-wal`) ? statSync(`${dbFile}-wal`).size : 0;

        const check = inspect(dbFile, hubIssued);
        expect(integrityCheck(dbFile)).toBe('ok');
        expect(check.failures, summary.join('\n')).toEqual([]);
        // Every batch the writer saw committed is there; at most the one it was writing is there beyond it.
        expect(check.batches).toBeGreaterThanOrEqual(Math.max(committed, batches));
        expect(check.batches).toBeLessThanOrEqual(Math.max(open, batches));
        if (open > committed) midBatch++;
        if (check.batches > Math.max(committed, batches)) committedUnreported++;
        batches = check.batches;

        // The hub starts on it, has every ticket, and numbers the next one n+1.
        const numbering = checkNumbering(dbFile, site);
        expect(numbering.failures).toEqual([]);
        const hub = await startTestHub({ site, dataDir });
        try {
          expect(hub.hub.engine.state.tickets.size).toBe(numbering.rows.length);
          const res = await hub.api<IssuedTicket>('POST', '/tickets', {
            token: KIOSK_TOKEN,
            body: { serviceId: 'pdam' },
          });
          expect(res.status).toBe(201);
          hubIssued++;
          const day = hub.hub.engine.serviceDay;
          const seq = (numbering.maxSeq.get(`${day}|pdam`) ?? 0) + 1;
          expect(res.body.number).toBe(
            `${site.services.find((s) => s.id === 'pdam')?.prefix ?? ''}${String(seq).padStart(3, '0')}`,
          );
        } finally {
          await hub.stop();
        }
        summary.push(
          `kill ${kill} at ${Math.round(killAfter)} ms: batch ${open} open, ${committed} reported committed, ` +
            `${check.batches} whole in the file (WAL ${walBytes} bytes), ${check.tickets} tickets`,
        );
      }

      console.log(
        `${summary.join('\n')}\n${KILLS} kills: ${midBatch} while a batch was open, ` +
          `${committedUnreported} with a batch committed but not yet reported; ${batches} batches in the file`,
      );
      // The kills must have landed in the writing, not before or after it.
      expect(midBatch).toBeGreaterThanOrEqual(KILLS / 2);
      expect(batches).toBeGreaterThanOrEqual(KILLS);
    } finally {
      for (const w of writers)
        if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
      await Promise.all(writers.map((w) => w.exited));
      rmSync(workDir, { recursive: true, force: true });
    }
  }, 120_000);
});
