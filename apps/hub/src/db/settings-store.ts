import type { Db } from './database.ts';
import { sql } from './statements.ts';

/** Site settings changed at run time, read here; written only from `setting:changed` events (db/record-projection.ts). */
export class SettingsStore {
  constructor(private readonly db: Db) {}

  get(key: string): string | undefined {
    const row = sql(this.db, 'SELECT value FROM settings WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row?.value;
  }
}

export const RUNNING_TEXT = 'display.runningText';

/** Who confirmed a year's holiday calendar and when (`calendar:year-confirmed`), as JSON `{ at, by }`. */
export const confirmedYearKey = (year: number): string => `calendar.confirmed.${String(year)}`;
