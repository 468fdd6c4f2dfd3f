import { expect } from 'vitest';
import type { Db } from '../../apps/hub/src/db/database.ts';
import { openDatabase } from '../../apps/hub/src/db/database.ts';
import { verifyLog } from '../../apps/hub/src/db/log-rebuild.ts';

/** `db:verify`'s check: every projection table equals its rebuild from the log (differences are printed). */
export function expectLogIsTruth(db: Db): void {
  const { differences } = verifyLog(db);
  expect(
    differences.map((d) => ({
      table: d.table,
      onlyLive: d.onlyLive.slice(0, 3),
      onlyRebuilt: d.onlyRebuilt.slice(0, 3),
    })),
  ).toEqual([]);
}

/** The same for a data folder whose hub has stopped (or was killed). */
export function expectFolderLogIsTruth(file: string): void {
  const db = openDatabase(file);
  try {
    expectLogIsTruth(db);
  } finally {
    db.close();
  }
}
