import { closeSync, fsyncSync, openSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** `giliran-2026-03-02T01-30-00-000Z.sqlite`: UTC, Windows-safe, and name order is time order. */
const BACKUP_NAME = /^giliran-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.sqlite$/;
/** A backup that was still being written when the hub stopped: never a usable file. */
const PARTIAL_SUFFIX = '.partial';

export function backupName(epochMs: number): string {
  return `giliran-${new Date(epochMs).toISOString().replace(/[:.]/g, '-')}.sqlite`;
}

export function partialName(name: string): string {
  return `${name}${PARTIAL_SUFFIX}`;
}

/** The folder's backups, oldest first; other files in the folder are not ours and are never touched. */
export function listBackups(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => BACKUP_NAME.test(name))
    .sort();
}

/** A name for a backup taken at `epochMs` that no file has yet (two backups in one millisecond get the next one). */
export function freeBackupName(folder: string, epochMs: number): string {
  const taken = new Set(readdirSync(folder));
  let at = epochMs;
  while (taken.has(backupName(at)) || taken.has(partialName(backupName(at)))) at++;
  return backupName(at);
}

/**
 * Deletes the oldest backups beyond `keep`; returns the names deleted. `written`, the backup just made, is never
 * one of them: after the hub's clock went back (or many backups in one millisecond) its name can sort first.
 */
export function pruneBackups(folder: string, keep: number, written?: string): string[] {
  const all = listBackups(folder).filter((name) => name !== written);
  const doomed = all.slice(0, Math.max(0, all.length - (written === undefined ? keep : keep - 1)));
  for (const name of doomed)
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      rmSync(join(folder, name + suffix), { force: true });
  return doomed;
}

/** Leftovers of a backup interrupted by a crash or power cut. */
export function removePartials(folder: string): void {
  for (const name of readdirSync(folder))
    if (BACKUP_NAME.test(name.slice(0, -PARTIAL_SUFFIX.length)) && name.endsWith(PARTIAL_SUFFIX))
      rmSync(join(folder, name), { force: true });
}

/** Flushes a file's data to the disk, so a rename that follows never publishes a file the disk does not hold. */
export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename in `folder` durable; Windows cannot open a folder, and there NTFS journals the rename itself. */
export function fsyncFolder(folder: string): void {
  let fd: number;
  try {
    fd = openSync(folder, 'r');
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a directory; the rename is then as durable as they make it.
  } finally {
    closeSync(fd);
  }
}
