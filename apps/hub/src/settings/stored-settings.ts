import { unknownIdsIn } from '@giliran/domain';
import type { SiteConfig } from '../config/site-config.ts';
import type { Db } from '../db/database.ts';
import { storageKey } from '../db/settings-store.ts';
import { sql } from '../db/statements.ts';
import {
  SETTING_KINDS,
  SETTINGS,
  targetsOf,
  type SettingDefinition,
  type SettingKind,
} from './setting-definitions.ts';

/** The row's text: JSON, or the running text as it is. */
export function encode(kind: SettingKind, value: unknown): string {
  return kind === 'running-text' && typeof value === 'string' ? value : JSON.stringify(value);
}

/** `undefined` when the row is unreadable; `null` is a value of its own (a service keeping the hall's hours). */
function decode(kind: SettingKind, raw: string): { readonly value: unknown } | undefined {
  let json: unknown = raw;
  if (kind !== 'running-text') {
    try {
      json = JSON.parse(raw);
    } catch {
      return undefined;
    }
  }
  const parsed = SETTINGS[kind].value.safeParse(json);
  return parsed.success ? { value: parsed.data } : undefined;
}

/** A row as a test plants it; the hub itself writes rows only from `setting:changed` events. */
export function saveSetting(
  db: Db,
  kind: SettingKind,
  target: string | null,
  value: unknown,
  by: string,
  at: string,
): void {
  sql(
    db,
    `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
       updated_by = excluded.updated_by`,
  ).run(storageKey(kind, target), encode(kind, value), at, by);
}

/** The targets of a kind's stored rows, in the order they were first written (rowid). */
function storedTargets(db: Db, kind: SettingKind): string[] {
  const prefix = storageKey(kind, '');
  const rows = sql(db, 'SELECT key FROM settings WHERE substr(key, 1, ?) = ? ORDER BY rowid').all(
    prefix.length,
    prefix,
  ) as { key: string }[];
  return rows.map((r) => r.key.slice(prefix.length));
}

function applyOne(db: Db, site: SiteConfig, kind: SettingKind, onSkipped: (key: string) => void): void {
  // Seen as untyped: the stored value is checked by this same definition's own schema before it is written.
  const definition: SettingDefinition<unknown> = SETTINGS[kind];
  const targets = definition.creates ? storedTargets(db, kind) : targetsOf(definition.scope, site);
  for (const target of targets) {
    const key = storageKey(kind, target);
    const row = sql(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    if (!row) continue;
    const stored = decode(kind, row.value);
    // The site file may have changed since (a service removed): a stale change must not stop the hall opening.
    if (!stored || unknownIdsIn(kind, stored.value, site).length > 0) onSkipped(key);
    else definition.write(site, target, stored.value);
  }
}

/**
 * Lays the changes kept in the database over the site just read from its file, before the engine starts from it.
 * Returns an untouched copy of the file's site: the baseline a change is compared with.
 */
export function applyStoredSettings(db: Db, site: SiteConfig, onSkipped: (key: string) => void): SiteConfig {
  const siteFile = structuredClone(site);
  for (const kind of SETTING_KINDS) applyOne(db, site, kind, onSkipped);
  return siteFile;
}
