import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { privateFile, privateFolder } from '../db/private-files.ts';
import { fsyncFile, fsyncFolder } from './backup-files.ts';

/** The database file of a data folder; the same name the hub opens (hub.ts DATABASE_FILE). */
const DATABASE_FILE = 'giliran.sqlite';
/** SQLite's companions of a WAL-mode database: they belong to the file beside them and move with it. */
const COMPANIONS = ['-wal', '-shm'] as const;

export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

export interface RestoreOutcome {
  readonly database: string;
  /** Where the database that was replaced now lies, or null when the folder had none. */
  readonly replacedAside: string | null;
  readonly tickets: number;
  readonly lastServiceDay: string | null;
}

/**
 * Holds the data folder's database exclusively, or refuses: a hub keeps its database open for as long as it
 * runs, so SQLite's own lock says whether one is running, even one killed a moment ago (the OS drops its locks
 * with the process) and without a lock file that a crash could leave behind.
 */
function lockLiveDatabase(file: string): Database.Database | null {
  if (!existsSync(file)) return null;
  const db = new Database(file, { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return db;
  } catch (error) {
    db.close();
    if (error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY'))
      throw new RestoreRefused(`a hub is running on ${file}: stop it before restoring`);
    // A file SQLite cannot read at all is the very case a restore is for, and no hub can be running on it.
    if (error instanceof Database.SqliteError && /^SQLITE_(NOTADB|CORRUPT)/.test(error.code)) return null;
    throw error;
  }
}

/** Refuses a file that is not a sound Giliran database, before anything in the data folder is touched. */
function verify(file: string): { tickets: number; lastServiceDay: string | null } {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch (error) {
    throw new RestoreRefused(`${file} cannot be opened as a database: ${String(error)}`);
  }
  try {
    const check = db.pragma('integrity_check') as { integrity_check: string }[];
    if (check.length !== 1 || check[0]?.integrity_check !== 'ok')
      throw new RestoreRefused(
        `${file} failed the integrity check: ${check.map((r) => r.integrity_check).join('; ')}`,
      );
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    if (!tables.has('events') || !tables.has('tickets'))
      throw new RestoreRefused(`${file} is not a Giliran database (no events or tickets table)`);
    const row = db.prepare('SELECT COUNT(*) AS n, MAX(service_day) AS day FROM tickets').get() as {
      n: number;
      day: string | null;
    };
    return { tickets: row.n, lastServiceDay: row.day };
  } catch (error) {
    if (error instanceof RestoreRefused) throw error;
    throw new RestoreRefused(`${file} is not a readable database: ${String(error)}`);
  } finally {
    db.close();
  }
}

function moveWithCompanions(from: string, to: string): void {
  renameSync(from, to);
  for (const suffix of COMPANIONS) if (existsSync(from + suffix)) renameSync(from + suffix, to + suffix);
}

/**
 * Puts `backupFile` in place as the database of `dataDir`: refuses while a hub holds the folder, verifies a copy
 * of the backup (integrity_check) inside the folder before it replaces anything, and keeps the replaced
 * database aside as `giliran-replaced-<time>.sqlite` rather than deleting it.
 */
export function restoreBackup(backupFile: string, dataDir: string, now = new Date()): RestoreOutcome {
  const source = resolve(backupFile);
  if (!existsSync(source) || !statSync(source).isFile()) throw new RestoreRefused(`no backup file ${source}`);
  privateFolder(dataDir);
  const target = resolve(dataDir, DATABASE_FILE);
  const lock = lockLiveDatabase(target);
  const staging = join(dataDir, `${DATABASE_FILE}.restoring`);
  let released = lock === null;
  try {
    for (const suffix of ['', ...COMPANIONS]) rmSync(staging + suffix, { force: true });
    // The copy is verified, not only the original: what lands in the folder is what was checked.
    copyFileSync(source, staging);
    privateFile(staging);
    const { tickets, lastServiceDay } = verify(staging);
    fsyncFile(staging);
    // Closing the last connection checkpoints the old database's WAL into it, so the file set aside is whole.
    lock?.close();
    released = true;
    let replacedAside: string | null = null;
    if (existsSync(target)) {
      replacedAside = join(dataDir, `giliran-replaced-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`);
      moveWithCompanions(target, replacedAside);
    }
    renameSync(staging, target);
    fsyncFolder(dataDir);
    return { database: target, replacedAside, tickets, lastServiceDay };
  } catch (error) {
    for (const suffix of ['', ...COMPANIONS]) rmSync(staging + suffix, { force: true });
    throw error;
  } finally {
    if (!released) lock?.close();
  }
}
