import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVATE_FILE_MODE, privateFolder } from '../db/private-files.ts';

const EXTENSIONS = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;
export type PhotoMime = keyof typeof EXTENSIONS;

/**
 * Photos of the visits, in the data folder (`mobile-photos/<visit>/<photo>.<ext>`): the hub user's alone, like
 * the database (0700 folders, 0600 files), since they show citizens' faces. The log keeps each photo's SHA-256.
 */
export class PhotoFiles {
  constructor(private readonly dataDir: string) {}

  folder(visitId: string): string {
    return join(this.dataDir, 'mobile-photos', visitId);
  }

  path(visitId: string, photoId: string, mime: PhotoMime): string {
    return join(this.folder(visitId), `${photoId}.${EXTENSIONS[mime]}`);
  }

  /** Written and fsynced before the transaction that logs it commits; ids are the hub's own UUIDs. */
  write(visitId: string, photoId: string, mime: PhotoMime, bytes: Uint8Array): void {
    privateFolder(join(this.dataDir, 'mobile-photos'));
    privateFolder(this.folder(visitId));
    const fd = openSync(this.path(visitId, photoId, mime), 'wx', PRIVATE_FILE_MODE);
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  read(visitId: string, photoId: string, mime: PhotoMime): Buffer {
    return readFileSync(this.path(visitId, photoId, mime));
  }
}
