import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';

/**
 * The database holds PIN hashes and complainants' names and telephone numbers: its folder, the file, its WAL and
 * every backup are the hub user's alone (0700 folders, 0600 files), whatever the umask of the account that
 * runs the hub. Existing folders and files are tightened too, so an installation from before this rule is fixed
 * at its next start. Windows has no such modes (chmod only toggles read-only there); its folder ACLs govern.
 */
export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

export function privateFolder(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  chmodSync(path, PRIVATE_FOLDER_MODE);
}

/**
 * Creates the file empty when it is missing, with the private mode from its first byte (no window in which
 * another user could open it), and tightens an existing one. SQLite gives the -wal, -shm and -journal files it
 * makes beside a database the database file's own mode.
 */
export function privateFile(path: string): void {
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  chmodSync(path, PRIVATE_FILE_MODE);
}
