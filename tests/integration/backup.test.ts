import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IssuedTicket } from '@giliran/protocol';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../apps/hub/src/auth/actor.ts';
import type { BackupResponse } from '../../apps/hub/src/backup/backup-openapi.ts';
import { DATABASE_FILE } from '../../apps/hub/src/hub.ts';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { checkNumbering, integrityCheck } from '../support/faults-db-checks.ts';
import { sleep, waitUntil } from '../support/faults-util.ts';
import { demoSite, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// 08:00 WIB (Asia/Pontianak) on a Monday.
const START = '2026-03-02T01:00:00.000Z';

/** `npm run restore -- <backup> <data-dir>`, the documented command, as an operator runs it. */
function restore(backupFile: string, dataDir: string): { status: number | null; out: string } {
  const run = spawnSync('npm', ['run', '--silent', 'restore', '--', backupFile, dataDir], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

function ticketIds(file: string): Set<string> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return new Set((db.prepare('SELECT id FROM tickets').all() as { id: string }[]).map((r) => r.id));
  } finally {
    db.close();
  }
}

describe('backups', () => {
  const hubs: TestHub[] = [];
  const dirs: string[] = [];
  const tempDir = (name: string) => {
    const dir = mkdtempSync(join(tmpdir(), `giliran-${name}-`));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    for (const hub of hubs.splice(0)) await hub.stop();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('on demand: admin only, answers with the file name and size of a sound copy', async () => {
    const t = await startTestHub();
    hubs.push(t);
    for (const serviceId of ['ktp-el', 'kk', 'stnk']) {
      expect((await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId } })).status).toBe(201);
    }
    expect((await t.api('POST', '/admin/backup')).status).toBe(401);
    expect((await t.api('POST', '/admin/backup', { token: KIOSK_TOKEN })).status).toBe(403);
    expect((await t.api('POST', '/admin/backup', { token: await t.login('mod') })).status).toBe(403);
    expect((await t.api('POST', '/admin/backup', { token: await t.login('loket1') })).status).toBe(403);

    const res = await t.api<BackupResponse>('POST', '/admin/backup', { token: await t.login('admin') });
    expect(res.status).toBe(201);
    expect(res.body.file).toMatch(/^giliran-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.sqlite$/);
    const file = join(t.dataDir, 'backups', res.body.file);
    expect(statSync(file).size).toBe(res.body.bytes);
    expect(readdirSync(join(t.dataDir, 'backups'))).toEqual([res.body.file]);
    expect(integrityCheck(file)).toBe('ok');
    expect(ticketIds(file).size).toBe(3);
    const openapi = await t.api<{ paths: Record<string, unknown> }>('GET', '/openapi.json');
    expect(openapi.body.paths).toHaveProperty('/api/admin/backup');
  });

  it('taken while tickets are issued, restored into a new folder, starts a hub with every ticket committed before it began', async () => {
    const backupFolder = tempDir('backups');
    const t = await startTestHub({
      site: demoSite({ backup: { folder: backupFolder, everyMinutes: 0, keep: 5 } }),
    });
    hubs.push(t);
    const admin = await t.login('admin');
    // A day's worth already in the file, so the copy takes many steps with writes landing between them.
    const fo: Actor = { id: 'fo', role: 'fo', counterId: null };
    for (let batch = 0; batch < 20; batch++)
      await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          t.hub.bus.execute(fo, 'ticket:issue', { serviceId: i % 2 ? 'ktp-el' : 'kk' }),
        ),
      );

    const acknowledged: IssuedTicket[] = [];
    let issuing = true;
    const kiosk = async () => {
      while (issuing) {
        const res = await t.api<IssuedTicket>('POST', '/tickets', {
          token: KIOSK_TOKEN,
          body: { serviceId: 'stnk' },
        });
        expect(res.status).toBe(201);
        acknowledged.push(res.body);
      }
    };
    const kiosks = [kiosk(), kiosk(), kiosk()];
    await sleep(300);
    const before = new Set([...ticketIds(join(t.dataDir, DATABASE_FILE))]);
    const issuedBefore = acknowledged.length;
    const backup = await t.api<BackupResponse>('POST', '/admin/backup', { token: admin });
    const issuedDuring = acknowledged.length - issuedBefore;
    await sleep(100);
    issuing = false;
    await Promise.all(kiosks);
    expect(backup.status).toBe(201);
    expect(issuedBefore).toBeGreaterThan(0);

    // While the hub holds its folder, restoring into it is refused and changes nothing.
    const live = join(t.dataDir, DATABASE_FILE);
    const refused = restore(join(backupFolder, backup.body.file), t.dataDir);
    expect(refused.status, refused.out).toBe(1);
    expect(refused.out).toMatch(/a hub is running/);
    expect(ticketIds(live).size).toBe(2000 + acknowledged.length);
    expect(readdirSync(t.dataDir).filter((f) => f.includes('restoring') || f.includes('replaced'))).toEqual(
      [],
    );

    // Into a new folder: the hub started on it has every ticket that was committed when the backup began.
    const newDir = join(tempDir('restored'), 'data');
    const restored = restore(join(backupFolder, backup.body.file), newDir);
    expect(restored.status, restored.out).toBe(0);
    expect(restored.out).toMatch(/integrity_check ok/);
    const restoredIds = ticketIds(join(newDir, DATABASE_FILE));
    expect([...before].filter((id) => !restoredIds.has(id))).toEqual([]);
    const everIssued = ticketIds(live);
    expect([...restoredIds].filter((id) => !everIssued.has(id))).toEqual([]);
    const numbering = checkNumbering(join(newDir, DATABASE_FILE), t.hub.site);
    expect(numbering.failures).toEqual([]);

    const r = await startTestHub({ dataDir: newDir });
    hubs.push(r);
    expect([...before].filter((id) => !r.hub.engine.state.tickets.has(id))).toEqual([]);
    const sample = [...before].slice(-20);
    for (const id of sample)
      expect((await r.api('GET', `/tickets/${id}`, { token: await r.login('fo') })).status).toBe(200);
    const next = await r.api<IssuedTicket>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'stnk' },
    });
    const day = r.hub.engine.serviceDay;
    expect(next.body.number).toBe(
      `D${String((numbering.maxSeq.get(`${day}|stnk`) ?? 0) + 1).padStart(3, '0')}`,
    );
    console.log(
      `backup ${backup.body.file}: ${backup.body.bytes} bytes; ${before.size} tickets committed when it began, ` +
        `${issuedDuring} issued while it ran, ${restoredIds.size} in the copy`,
    );
  });

  it('keeps the replaced database aside and refuses a damaged backup without touching the folder', async () => {
    const t = await startTestHub();
    hubs.push(t);
    await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'kk' } });
    const backup = await t.api<BackupResponse>('POST', '/admin/backup', { token: await t.login('admin') });
    const backupFile = join(t.dataDir, 'backups', backup.body.file);

    // A folder whose hub has stopped, with one ticket more than the backup.
    const dataDir = join(tempDir('replace'), 'data');
    const other = await startTestHub({ dataDir });
    await other.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'kk' } });
    await other.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'kk' } });
    await other.stop();

    const damaged = join(tempDir('damaged'), 'damaged.sqlite');
    const bytes = readFileSync(backupFile);
    bytes.fill(0xa5, 4096 * 2, 4096 * 6); // pages 3–6: tables and indexes
    writeFileSync(damaged, bytes);
    const notADatabase = join(tempDir('garbage'), 'notes.sqlite');
    writeFileSync(notADatabase, 'not a database at all, only text');
    const target = join(dataDir, DATABASE_FILE);
    const untouched = readFileSync(target);
    for (const bad of [damaged, notADatabase, join(dataDir, 'missing.sqlite')]) {
      const refused = restore(bad, dataDir);
      expect(refused.status, refused.out).toBe(1);
      expect(refused.out).toMatch(/restore refused/);
      expect(readFileSync(target).equals(untouched)).toBe(true);
      expect(readdirSync(dataDir).filter((f) => f.includes('restoring') || f.includes('replaced'))).toEqual(
        [],
      );
    }

    const done = restore(backupFile, dataDir);
    expect(done.status, done.out).toBe(0);
    const aside = readdirSync(dataDir).filter((f) => /^giliran-replaced-.*\.sqlite$/.test(f));
    expect(aside).toHaveLength(1);
    expect(done.out).toContain(aside[0]);
    expect(ticketIds(join(dataDir, aside[0] ?? '')).size).toBe(2);
    expect(integrityCheck(join(dataDir, aside[0] ?? ''))).toBe('ok');
    expect(ticketIds(target).size).toBe(1);
    expect(existsSync(`${target}.restoring`)).toBe(false);

    // A database damaged beyond opening is what a restore is for: it is set aside like any other.
    const wrecked = join(tempDir('wrecked'), 'data');
    mkdirSync(wrecked);
    writeFileSync(join(wrecked, DATABASE_FILE), 'garbage where the database was');
    const rescued = restore(backupFile, wrecked);
    expect(rescued.status, rescued.out).toBe(0);
    expect(ticketIds(join(wrecked, DATABASE_FILE)).size).toBe(1);
    const kept = readdirSync(wrecked).filter((f) => f.startsWith('giliran-replaced-'));
    expect(kept.map((f) => readFileSync(join(wrecked, f), 'utf8'))).toEqual([
      'garbage where the database was',
    ]);
  });

  it('on a schedule: one backup every period of the hub’s clock, the oldest pruned beyond `keep`', async () => {
    const folder = tempDir('scheduled');
    writeFileSync(join(folder, 'notes.txt'), 'not a backup: never touched');
    writeFileSync(join(folder, 'giliran-2026-03-01T23-00-00-000Z.sqlite.partial'), 'left by a power cut');
    const clock = new ManualClock(START);
    const t = await startTestHub({
      clock,
      site: demoSite({ backup: { folder, everyMinutes: 30, keep: 3 } }),
    });
    hubs.push(t);
    const backups = () => readdirSync(folder).filter((f) => f.endsWith('.sqlite'));
    const expectedName = (minutes: number) =>
      `giliran-${new Date(Date.parse(START) + minutes * 60_000).toISOString().replace(/[:.]/g, '-')}.sqlite`;

    clock.advanceMinutes(29);
    await sleep(200);
    expect(backups()).toEqual([]);
    for (let period = 1; period <= 5; period++) {
      await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'kk' } });
      clock.advanceMinutes(period === 1 ? 1 : 30);
      await waitUntil(
        () => backups().includes(expectedName(period * 30)),
        10_000,
        () => `no backup for period ${period}: ${backups().join(', ')}`,
      );
      await sleep(50); // pruning follows the rename
    }
    expect(backups()).toEqual([expectedName(90), expectedName(120), expectedName(150)]);
    expect(ticketIds(join(folder, expectedName(150))).size).toBe(5);
    expect(ticketIds(join(folder, expectedName(90))).size).toBe(3);
    expect(readdirSync(folder).sort()).toEqual([...backups(), 'notes.txt'].sort());
  });
});
