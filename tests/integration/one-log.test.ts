import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../apps/hub/src/db/database.ts';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { hallActivity } from '../support/hall-activity.ts';
import { startTestHub, type TestHub } from '../support/hub-harness.ts';
import { expectLogIsTruth } from '../support/log-truth.ts';

// Made by the hub of schema 7 (commit 5da1e52, before the one log) running tests/support/hall-activity.ts (as it
// was then: the same requests with fixed idempotency keys) on a ManualClock at Monday 2 March 2026 08:00 WIB:
// tickets, complaints with their history, SKM answers, a report-chain sign-off, settings, accounts and the calendar.
const V7_FIXTURE = fileURLToPath(new URL('../fixtures/v7-hall/giliran.sqlite', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

function count(t: TestHub, table: string): number {
  return (t.hub.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** POST from a chosen loopback address: two citizens behind different addresses. */
function postFrom(
  url: string,
  localAddress: string,
  path: string,
  body: object,
  key: string,
): Promise<{ status: number; body: { code?: string } }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api${path}`,
      {
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as { code?: string } });
        });
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('the log is the truth', () => {
  let t: TestHub | undefined;
  const folders: string[] = [];
  afterEach(async () => {
    await t?.stop();
    t = undefined;
    for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
  });

  function folder(): string {
    const dir = mkdtempSync(join(tmpdir(), 'giliran-log-'));
    folders.push(dir);
    return dir;
  }

  it('upgrades a schema-7 folder in place: its rows become events and a rebuild equals them, before and after more work', async () => {
    const dataDir = folder();
    copyFileSync(V7_FIXTURE, join(dataDir, 'giliran.sqlite'));
    const clock = new ManualClock('2026-03-03T01:00:00.000Z');
    t = await startTestHub({ clock, dataDir });
    expect(count(t, 'complaints')).toBe(3);
    // Six from the file, and the ringan complaint's 3 hours ran out overnight: marked late on start, in the log.
    expect(count(t, 'complaint_history')).toBe(7);
    expect(count(t, 'skm_responses')).toBe(2);
    expect(count(t, 'report_chain_events')).toBe(1);
    expect(count(t, 'audit_log')).toBe(5);
    expect(t.hub.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expectLogIsTruth(t.hub.db);

    await hallActivity(
      t,
      (ms) => {
        clock.advance(ms);
      },
      '2026-03-03',
    );
    expect(count(t, 'complaints')).toBe(6);
    expectLogIsTruth(t.hub.db);
    await t.stop();
    t = undefined;

    const verified = await run('npx', ['tsx', 'scripts/db-verify.ts', dataDir], { cwd: ROOT });
    expect(verified.stdout).toMatch(/^verified: every projection equals its rebuild/m);
  });

  it('db:verify names a row that is not what the log says and exits 1; db:rebuild writes a new file', async () => {
    const dataDir = folder();
    const clock = new ManualClock('2026-03-02T01:00:00.000Z');
    t = await startTestHub({ clock, dataDir });
    await hallActivity(
      t,
      (ms) => {
        clock.advance(ms);
      },
      '2026-03-02',
    );
    t.hub.db.prepare("UPDATE complaints SET name = 'Bukan Dia' WHERE channel = 'phone'").run();
    await t.stop();
    t = undefined;

    const failed: { code?: number; stdout: string } = await run(
      'npx',
      ['tsx', 'scripts/db-verify.ts', dataDir],
      { cwd: ROOT },
    ).catch((error: unknown) => error as { code: number; stdout: string });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('complaints: 1 rows only live, 1 only rebuilt');
    expect(failed.stdout).toContain('Bukan Dia');

    const rebuilt = await run('npx', ['tsx', 'scripts/db-rebuild.ts', dataDir], { cwd: ROOT });
    expect(rebuilt.stdout).toMatch(/^rebuilt .*giliran-rebuilt-.*\.sqlite from \d+ events/m);
  });

  it('keeps secrets out of the log: a PIN as its hash, a device token as its SHA-256', async () => {
    const clock = new ManualClock('2026-03-02T01:00:00.000Z');
    t = await startTestHub({ clock });
    await hallActivity(
      t,
      (ms) => {
        clock.advance(ms);
      },
      '2026-03-02',
    );
    const log = (t.hub.db.prepare('SELECT payload FROM events').all() as { payload: string }[])
      .map((r) => r.payload)
      .join('\n');
    expect(log).toContain('"type":"account:pin-set"');
    expect(log).toContain('scrypt$');
    for (const secret of ['774411', '583920', 'demo-kiosk', 'demo-display'])
      expect(log).not.toContain(secret);
  });

  it("gives a public caller its own answer for a key: another citizen's same key files their own complaint", async () => {
    t = await startTestHub();
    const form = (name: string) => ({
      name,
      occupation: 'Petani',
      address: 'Desa Kuala',
      contact: '0812',
      text: `Keluhan ${name}`,
    });
    const first = await postFrom(t.hub.url, '127.0.0.1', '/public/complaints', form('Ani'), 'same-key-123');
    const again = await postFrom(t.hub.url, '127.0.0.1', '/public/complaints', form('Ani'), 'same-key-123');
    const other = await postFrom(t.hub.url, '127.0.0.2', '/public/complaints', form('Badu'), 'same-key-123');
    expect([first.status, again.status, other.status]).toEqual([201, 201, 201]);
    expect(again.body.code).toBe(first.body.code);
    expect(other.body.code).not.toBe(first.body.code);
    expect(count(t, 'complaints')).toBe(2);
    expectLogIsTruth(t.hub.db);
  });
});
