import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '@giliran/domain';
import {
  CompensationView,
  ComplaintView,
  CounterView,
  ERRORS,
  IssuedTicket,
  type ErrorCode,
} from '@giliran/protocol';
import { z } from 'zod';
import type { Db } from '../../apps/hub/src/db/database.ts';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { DISPLAY_TOKEN, KIOSK_TOKEN, startTestHub, type TestHub } from './hub-harness.ts';

/**
 * Who knocks, in the order of the access matrices' columns:
 * none (no token), the demo kiosk and display devices, `other` = loket3 (an officer of another counter than the
 * one concerned), `officer` = loket1 (the officer of loket-1, which every counter fixture uses), fo, mod,
 * `coord` = koordinator, admin, sekdis, kadis.
 */
export const ACTORS = [
  'none',
  'kiosk',
  'display',
  'other',
  'officer',
  'fo',
  'mod',
  'coord',
  'admin',
  'sekdis',
  'kadis',
] as const;
export type ActorName = (typeof ACTORS)[number];
type AccountActor = Exclude<ActorName, 'none' | 'kiosk' | 'display'>;

export const ACCOUNT_OF: Readonly<Record<AccountActor, string>> = {
  other: 'loket3',
  officer: 'loket1',
  fo: 'fo',
  mod: 'mod',
  coord: 'koordinator',
  admin: 'admin',
  sekdis: 'sekdis',
  kadis: 'kadis',
};

export const isAccount = (actor: ActorName): actor is AccountActor =>
  actor !== 'none' && actor !== 'kiosk' && actor !== 'display';

/** `ok`: let through (the probe then expects its own status); `401`: not signed in; `403`: may not. */
export type Expected = 'ok' | '401' | '403';

export interface MatrixCell {
  readonly key: string;
  readonly actor: ActorName;
  readonly expected: Expected;
}

/**
 * Reads a matrix written as a table: a header `route none kiosk …` naming ACTORS in order, then one row per
 * route whose last eleven words are the cells; `#` starts a comment line. The route is everything before.
 */
export function parseMatrix(table: string): MatrixCell[] {
  const lines = table
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const [header = '', ...rows] = lines;
  const columns = header.split(/\s+/);
  if (columns.join(' ') !== ['route', ...ACTORS].join(' ')) throw new Error(`bad matrix header: ${header}`);
  const seen = new Set<string>();
  return rows.flatMap((line) => {
    const words = line.split(/\s+/);
    const values = words.slice(-ACTORS.length);
    const key = words.slice(0, -ACTORS.length).join(' ');
    if (key === '' || seen.has(key)) throw new Error(`matrix row without a route or twice: ${line}`);
    seen.add(key);
    return ACTORS.map((actor, i) => {
      const expected = values[i];
      if (expected !== 'ok' && expected !== '401' && expected !== '403')
        throw new Error(`bad cell ${String(expected)} for ${actor} in: ${line}`);
      return { key, actor, expected };
    });
  });
}

/** Test names in full (vitest shortens long `$key` interpolations, which would make rows look alike). */
export const named = (cells: readonly MatrixCell[]): [string, MatrixCell][] =>
  cells.map((c) => [`${c.key} by ${c.actor} → ${c.expected}`, c]);

/** The route part of a row key: `POST /api/x [variant]` → `POST /api/x`. */
export const routeOfRow = (key: string): string => key.replace(/\s+\[[^\]]*\]$/, '');

export const ErrorBody = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.strictObject({ id: z.string().min(1), en: z.string().min(1) }),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

/** The coded, bilingual error of the catalogue, with the status the catalogue gives its code. */
export function codedError(status: number, body: unknown): ErrorCode {
  const parsed = ErrorBody.safeParse(body);
  if (!parsed.success) throw new Error(`not a coded error body (${status}): ${JSON.stringify(body)}`);
  const code = parsed.data.error.code;
  if (!(code in ERRORS)) throw new Error(`unknown error code ${code}`);
  const spec = ERRORS[code as ErrorCode];
  if (spec.status !== status)
    throw new Error(`${code} answered with ${status}, catalogue says ${spec.status}`);
  if (JSON.stringify(parsed.data.error.message) !== JSON.stringify(spec.message))
    throw new Error(`${code}: message is not the catalogue's`);
  return code as ErrorCode;
}

/**
 * What a refused request must leave untouched: every table's row count and highest rowid, and SQLite's count of
 * rows changed on the hub's connection since it opened (so an UPDATE is seen too, not only an INSERT).
 */
export function dbFingerprint(db: Db): Record<string, number> {
  const tables = z
    .array(z.string())
    .parse(
      db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .pluck()
        .all(),
    );
  const print: Record<string, number> = {
    totalChanges: z.number().parse(db.prepare('SELECT total_changes()').pluck().get()),
  };
  for (const table of tables) {
    const row = z
      .object({ n: z.number(), top: z.number().nullable() })
      .parse(db.prepare(`SELECT COUNT(*) AS n, MAX(rowid) AS top FROM "${table}"`).get());
    print[`${table}.count`] = row.n;
    print[`${table}.maxRowid`] = row.top ?? 0;
  }
  return print;
}

export interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
}

/** Monday 10 March 2025, 09:00 in Pontianak. */
export const START = '2025-03-10T02:00:00.000Z';
export const MINUTE = 60_000;

/** The states a queue command's fixture leaves loket-1 and its ticket in. */
export type QueueFixture =
  'none' | 'waiting' | 'free' | 'paused' | 'called' | 'serving' | 'recalled' | 'no-show' | 'late' | 'kiosk';

export interface Prepared {
  readonly ticketId: string;
  readonly compensationId: string;
}

export type ChainStage = 9 | 10 | 11 | 12 | 13 | 'receipt';

/** A chain stage, who signs it and with what (steps 10–13 and the receipt each have exactly one signer). */
const CHAIN_SIGNERS: readonly (readonly [10 | 11 | 12 | 13, AccountActor, Record<string, string>])[] = [
  [10, 'fo', {}],
  [11, 'mod', { report: 'Laporan harian MPP: antrean lancar.' }],
  [12, 'coord', {}],
  [13, 'sekdis', {}],
];

/**
 * A real hub (ManualClock, database in /dev/shm where there is one, so fsyncs cost nothing) with a signed-in
 * session for every actor, and the fixtures the access matrices need.
 */
export class AccessWorld {
  private readonly tokens = new Map<ActorName, string>();
  private nextChainDay = '2025-02-27';

  private constructor(
    readonly t: TestHub,
    readonly clock: ManualClock,
    private readonly dataDir: string,
  ) {}

  static async start(): Promise<AccessWorld> {
    const clock = new ManualClock(START);
    const dataDir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'giliran-access-'));
    const t = await startTestHub({ clock, dataDir });
    const world = new AccessWorld(t, clock, dataDir);
    world.tokens.set('kiosk', KIOSK_TOKEN);
    world.tokens.set('display', DISPLAY_TOKEN);
    for (const [actor, username] of Object.entries(ACCOUNT_OF) as [AccountActor, string][])
      world.tokens.set(actor, await t.login(username));
    return world;
  }

  async stop(): Promise<void> {
    await this.t.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  get db(): Db {
    return this.t.hub.db;
  }

  tokenOf(actor: ActorName): string | undefined {
    return this.tokens.get(actor);
  }

  /** A new session of an actor's account (for sign-out, which ends the one it is called with). */
  async freshToken(actor: ActorName): Promise<string | undefined> {
    return isAccount(actor) ? this.t.login(ACCOUNT_OF[actor]) : this.tokenOf(actor);
  }

  async request(
    token: string | undefined,
    method: string,
    path: string,
    options: { body?: unknown; headers?: Readonly<Record<string, string>> } = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    const response = await fetch(`${this.t.hub.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const type = response.headers.get('content-type') ?? '';
    const parsed: unknown = type.includes('json')
      ? JSON.parse((await response.text()) || 'null')
      : await response.arrayBuffer();
    return { status: response.status, body: parsed, headers: response.headers };
  }

  /** A fixture step by an actor (MOD unless said): it must succeed. */
  async as(actor: ActorName, method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await this.request(this.tokenOf(actor), method, `/api${path}`, {
      ...(body === undefined ? {} : { body }),
    });
    if (res.status >= 300)
      throw new Error(`fixture ${actor} ${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  lastEventId(): number {
    return z.number().parse(this.db.prepare('SELECT COALESCE(MAX(id), 0) FROM events').pluck().get());
  }

  fingerprint(): Record<string, number> {
    return dbFingerprint(this.db);
  }

  /** Lets commits scheduled by a fixture (group commit, timers fired by the clock) land before a measurement. */
  async settle(): Promise<void> {
    for (let i = 0; i < 3; i++)
      await new Promise<void>((resolve) => {
        setImmediate(resolve);
      });
    await this.request(undefined, 'GET', '/api/health');
  }

  /**
   * Moves the hub's clock. The deadline scheduler re-arms after an await, so an alarm that fell due during the
   * jump is set after it: a zero-length advance then fires it, as a real timer would at once.
   */
  async tick(ms: number): Promise<void> {
    this.clock.advance(ms);
    await this.settle();
    this.clock.advance(0);
    await this.settle();
  }

  async issue(serviceId = 'ktp-el', by: ActorName = 'mod'): Promise<IssuedTicket> {
    return IssuedTicket.parse(await this.as(by, 'POST', '/tickets', { serviceId }));
  }

  /** Cancels the ticket at the counter's desk and resumes it if paused. */
  async freeCounter(counterId: string): Promise<void> {
    const counters = z.array(CounterView).parse(await this.as('mod', 'GET', '/counters'));
    const counter = counters.find((c) => c.id === counterId);
    if (counter?.activeTicketId) await this.as('mod', 'POST', `/tickets/${counter.activeTicketId}/cancel`);
    if (counter?.pausedReason) await this.as('mod', 'POST', `/counters/${counterId}/resume`);
  }

  private async calledAtLoket1(): Promise<string> {
    await this.freeCounter('loket-1');
    const { id } = await this.issue();
    await this.as('mod', 'POST', '/counters/loket-1/call-ticket', { ticketId: id });
    return id;
  }

  /** Puts loket-1 and a ticket in the state a queue command needs to succeed. */
  async prepareQueue(fixture: QueueFixture): Promise<Prepared> {
    const none = { ticketId: 'none', compensationId: 'none' };
    switch (fixture) {
      case 'none':
        return none;
      case 'kiosk':
        return { ...none, ticketId: (await this.issue('kk', 'kiosk')).id };
      case 'waiting':
        await this.freeCounter('loket-1');
        return { ...none, ticketId: (await this.issue()).id };
      case 'free':
        await this.freeCounter('loket-1');
        return none;
      case 'paused':
        await this.freeCounter('loket-1');
        await this.as('mod', 'POST', '/counters/loket-1/pause', { reason: 'sholat' });
        return none;
      case 'called':
        return { ...none, ticketId: await this.calledAtLoket1() };
      case 'serving': {
        const ticketId = await this.calledAtLoket1();
        await this.as('mod', 'POST', `/tickets/${ticketId}/step`);
        return { ...none, ticketId };
      }
      case 'recalled': {
        const ticketId = await this.calledAtLoket1();
        await this.as('mod', 'POST', '/counters/loket-1/recall');
        return { ...none, ticketId };
      }
      case 'no-show': {
        const ticketId = await this.calledAtLoket1();
        await this.as('mod', 'POST', '/counters/loket-1/recall');
        await this.as('mod', 'POST', `/tickets/${ticketId}/no-show`);
        return { ...none, ticketId };
      }
      case 'late': {
        // Waiting past 2 + 15 minutes raises late-service compensation; loket-1 then calls the ticket.
        await this.freeCounter('loket-1');
        const { id: ticketId } = await this.issue();
        await this.tick(18 * MINUTE);
        await this.as('mod', 'POST', '/counters/loket-1/call-ticket', { ticketId });
        const open = z.array(CompensationView).parse(await this.as('mod', 'GET', '/compensations?open=true'));
        const record = open.find((c) => c.ticketId === ticketId && c.kind === 'late_service');
        if (!record) throw new Error('fixture: no late-service compensation was raised');
        return { ticketId, compensationId: record.id };
      }
    }
  }

  /** A KK ticket being served at loket-2: the survey may be answered for it, once. */
  async servedTicket(): Promise<IssuedTicket> {
    await this.freeCounter('loket-2');
    const ticket = await this.issue('kk');
    await this.as('mod', 'POST', '/counters/loket-2/call-ticket', { ticketId: ticket.id });
    await this.as('mod', 'POST', `/tickets/${ticket.id}/step`);
    return ticket;
  }

  /** A complaint FO entered from the phone, still `received`. */
  async complaint(): Promise<ComplaintView> {
    return ComplaintView.parse(
      await this.as('fo', 'POST', '/complaints', {
        channel: 'phone',
        name: 'Budi',
        text: 'Antrean KTP terlalu lama.',
        agencyId: 'disdukcapil',
      }),
    );
  }

  /** A past day nobody signed anything for yet, signed up to the stage before `stage`. */
  async chainDayReadyFor(stage: ChainStage): Promise<string> {
    const date = this.nextChainDay;
    this.nextChainDay = addDays(date, -1);
    for (const [before, signer, body] of CHAIN_SIGNERS) {
      if (stage === 9 || stage === 10 || (typeof stage === 'number' && before >= stage)) break;
      await this.as(signer, 'POST', `/report-chain/${date}/steps/${String(before)}`, body);
    }
    return date;
  }
}
