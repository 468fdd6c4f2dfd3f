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

/**
 * Rows of the v1 `settings` table, one per changed setting and target. The running text keeps the plain-text
 * key it had before settings were audited; everything else is JSON under `setting.<kind>[/<target>]`.
 */
export function storageKey(kind: string, target: string | null): string {
  if (kind === 'running-text') return RUNNING_TEXT;
  return target === null ? `setting.${kind}` : `setting.${kind}/${target}`;
}

/** Who confirmed a year's holiday calendar and when (`calendar:year-confirmed`), as JSON `{ at, by }`. */
export const confirmedYearKey = (year: number): string => `calendar.confirmed.${String(year)}`;
