import { renameSync, rmSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { privateFile, privateFolder } from '../db/private-files.ts';
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import {
  freeBackupName,
  fsyncFile,
  fsyncFolder,
  partialName,
  pruneBackups,
  removePartials,
} from './backup-files.ts';
import type { BackupSettings } from '../config/backup-settings.ts';

export interface BackupResult {
  /** The file name inside the backup folder. */
  readonly file: string;
  readonly path: string;
  readonly bytes: number;
  /** When the backup was started (hub clock). */
  readonly at: string;
  /** Older backups deleted to keep `keep`. */
  readonly pruned: readonly string[];
}

export interface BackupDeps {
  readonly db: Db;
  readonly dataDir: string;
  readonly settings: BackupSettings;
  readonly clock: Clock;
  readonly logger: Logger;
  /** A scheduled backup failed (disk full, drive unplugged): MOD should hear of it, not only the log. */
  readonly onFailure?: (error: Error) => void;
}

export function backupFolderOf(dataDir: string, settings: BackupSettings): string {
  return isAbsolute(settings.folder) ? settings.folder : resolve(dataDir, settings.folder);
}

/**
 * Online backups of the hub's database with SQLite's backup API (better-sqlite3 `db.backup()`): it copies the
 * file page by page between turns of the event loop, so the hub keeps answering, and because the hub writes
 * through the same connection, SQLite carries every commit made meanwhile into the copy. The copy is a
 * consistent database as of the moment it finishes, written under a `.partial` name and renamed only once it
 * is complete and on disk. The hub's own open (openDatabase) puts a restored copy back into WAL mode.
 */
export class BackupService {
  readonly folder: string;
  private chain: Promise<unknown> = Promise.resolve();
  private cancelTimer: (() => void) | null = null;
  private stopped = false;

  constructor(private readonly deps: BackupDeps) {
    this.folder = backupFolderOf(deps.dataDir, deps.settings);
  }

  /** Starts the schedule (`everyMinutes` > 0); the first backup is one period after the hub starts. */
  start(): void {
    if (this.deps.settings.everyMinutes > 0) this.schedule();
  }

  /** One backup now; backups never overlap: a second request waits for the one running. */
  runNow(): Promise<BackupResult> {
    if (this.stopped) return Promise.reject(new Error('the hub is stopping'));
    const job = this.chain.then(() => this.backupOnce());
    this.chain = job.catch(() => undefined);
    return job;
  }

  /** Cancels the schedule and waits for a running backup: the database must not close under it. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = null;
    await this.chain;
  }

  private schedule(): void {
    // Fixed rate from the hub's clock: the next one is set before this one runs, so a slow backup does not drift.
    this.cancelTimer = this.deps.clock.setTimer(() => {
      if (this.stopped) return;
      this.schedule();
      this.runNow().then(
        (result) => {
          this.deps.logger.info({ file: result.file, bytes: result.bytes }, 'scheduled backup written');
        },
        (error: unknown) => {
          const failure = error instanceof Error ? error : new Error(String(error));
          this.deps.logger.error({ err: failure, folder: this.folder }, 'scheduled backup failed');
          this.deps.onFailure?.(failure);
        },
      );
    }, this.deps.settings.everyMinutes * 60_000);
  }

  private async backupOnce(): Promise<BackupResult> {
    const startedAt = this.deps.clock.now();
    privateFolder(this.folder);
    removePartials(this.folder);
    const file = freeBackupName(this.folder, startedAt);
    const path = join(this.folder, file);
    const partial = join(this.folder, partialName(file));
    try {
      await this.deps.db.backup(partial);
      // The copy carries the live file's WAL flag; as a plain rollback-journal file it is one self-contained file
      // that opens read-only anywhere (a USB stick, another PC) without -wal and -shm files appearing beside it.
      const copy = new Database(partial);
      try {
        copy.pragma('journal_mode = DELETE');
      } finally {
        copy.close();
      }
      // SQLite made the copy with the umask's mode; it is published only once it is the hub user's alone.
      privateFile(partial);
      fsyncFile(partial);
      renameSync(partial, path);
      fsyncFolder(this.folder);
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    }
    const pruned = pruneBackups(this.folder, this.deps.settings.keep, file);
    return {
      file,
      path,
      bytes: statSync(path).size,
      at: new Date(startedAt).toISOString(),
      pruned,
    };
  }
}
