import type { Db } from './database.ts';
import { sql } from './statements.ts';

/** Site settings changed at run time (running text, later the MOD's settings), each change kept with who and when. */
export class SettingsStore {
  constructor(private readonly db: Db) {}

  get(key: string): string | undefined {
    const row = sql(this.db, 'SELECT value FROM settings WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row?.value;
  }

  set(key: string, value: string, by: string, at: string): void {
    sql(
      this.db,
      `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
    ).run(key, value, at, by);
  }
}

export const RUNNING_TEXT = 'display.runningText';
