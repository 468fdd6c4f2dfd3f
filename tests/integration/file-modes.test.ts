import { chmodSync, existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../apps/hub/src/backup/restore-backup.ts';
import { DATABASE_FILE } from '../../apps/hub/src/index.ts';
import { KIOSK_TOKEN, startTestHub } from '../support/hub-harness.ts';

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);

/**
 * The database (PIN hashes, complainants' names and telephone numbers) and its backups are the hub user's alone,
 * whatever the umask: 0700 folders, 0600 files. POSIX only; Windows has no such modes.
 */
describe.skipIf(process.platform === 'win32')('files the hub writes are readable by its user only', () => {
  let umask: number;
  beforeEach(() => {
    // A permissive umask, as a hall PC's account might have: without the rule every file would come out 0666.
    umask = process.umask(0o000);
  });
  afterEach(() => {
    process.umask(umask);
  });

  it('creates the data folder 0700 and the database with its WAL 0600, and tightens an existing loose one', async () => {
    const root = mkdtempSync(join(tmpdir(), 'giliran-modes-'));
    const fresh = join(root, 'fresh');
    const loose = join(root, 'loose');
    mkdirSync(loose, { mode: 0o777 });
    chmodSync(loose, 0o777);
    writeFileSync(join(loose, DATABASE_FILE), '', { mode: 0o666 });
    chmodSync(join(loose, DATABASE_FILE), 0o666);

    for (const dataDir of [fresh, loose]) {
      const t = await startTestHub({ dataDir });
      try {
        await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'ktp-el' } });
        expect(modeOf(dataDir)).toBe('700');
        expect(modeOf(join(dataDir, DATABASE_FILE))).toBe('600');
        expect(existsSync(join(dataDir, `${DATABASE_FILE}-wal`))).toBe(true);
        expect(modeOf(join(dataDir, `${DATABASE_FILE}-wal`))).toBe('600');
        expect(modeOf(join(dataDir, `${DATABASE_FILE}-shm`))).toBe('600');
      } finally {
        await t.stop();
      }
    }
  });

  it('writes backups 0600 in a 0700 folder, and a restore lands 0600', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'giliran-modes-'));
    const t = await startTestHub({ dataDir });
    let backupPath: string;
    try {
      await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'ktp-el' } });
      const backup = await t.hub.backups.runNow();
      backupPath = backup.path;
      expect(modeOf(t.hub.backups.folder)).toBe('700');
      expect(modeOf(backup.path)).toBe('600');
    } finally {
      await t.stop();
    }
    const restoredDir = join(mkdtempSync(join(tmpdir(), 'giliran-modes-')), 'restored');
    const outcome = restoreBackup(backupPath, restoredDir);
    expect(modeOf(restoredDir)).toBe('700');
    expect(modeOf(outcome.database)).toBe('600');
  });
});
