import type { AuditEntry } from '@giliran/protocol';
import { formatWindows, WEEKDAYS } from './hours-text.ts';
import type { SettingsT, SettingsText } from './texts.ts';

// One line per audit entry saying what changed; the full before/after JSON stays one click away.

type Json = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function scalar(value: unknown, t: SettingsT): string {
  if (value === undefined || value === null || value === '') return t('empty');
  if (typeof value === 'string') return shorten(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return shorten(JSON.stringify(value));
}

function listChange(before: unknown, after: unknown): string {
  const was = isStringArray(before) ? before : [];
  const now = isStringArray(after) ? after : [];
  const added = now.filter((x) => !was.includes(x)).map((x) => `+${x}`);
  const removed = was.filter((x) => !now.includes(x)).map((x) => `−${x}`);
  return [...added, ...removed].join(' ') || now.join(', ');
}

/** Only the keys whose value differs, e.g. "7: 10 → 15". */
function keyChanges(before: unknown, after: unknown, t: SettingsT): string {
  const was = isRecord(before) ? before : {};
  const now = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(was), ...Object.keys(now)])].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
  const changed = keys.filter((k) => JSON.stringify(was[k]) !== JSON.stringify(now[k]));
  return changed.map((k) => `${k}: ${scalar(was[k], t)} → ${scalar(now[k], t)}`).join('; ');
}

function hoursOf(value: unknown, day: string, t: SettingsT): string {
  if (!isRecord(value)) return t('fileValue');
  const windows = value[day];
  const text = Array.isArray(windows)
    ? formatWindows(windows.filter((w): w is { open: string; close: string } => isRecord(w)))
    : '';
  return text || t('closed');
}

function hoursChange(before: unknown, after: unknown, t: SettingsT): string {
  if (before === null || after === null)
    return `${before === null ? t('fileValue') : '…'} → ${after === null ? t('fileValue') : '…'}`;
  return WEEKDAYS.filter((d) => hoursOf(before, d, t) !== hoursOf(after, d, t))
    .map((d) => `${t(`day_${d}`).slice(0, 3)} ${hoursOf(before, d, t)} → ${hoursOf(after, d, t)}`)
    .join('; ');
}

function tierMinutes(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return value.map((tier) => (isRecord(tier) ? String(tier.minutesLate) : '?')).join(', ');
}

function accountChange(entry: AuditEntry, t: SettingsT): string {
  const after = isRecord(entry.after) ? entry.after : {};
  if (entry.action === 'reset-pin')
    return t('action_reset_pin', {
      count: typeof after.sessionsEnded === 'number' ? after.sessionsEnded : 0,
    });
  if (entry.action === 'create') {
    const role = typeof after.role === 'string' ? after.role : '';
    return `${t('action_create')}: ${scalar(after.name, t)} (${t(`role_${role}` as SettingsText)})`;
  }
  if (entry.action === 'disable' || entry.action === 'enable') return t(`action_${entry.action}`);
  return keyChanges(isRecord(entry.before) ? entry.before : {}, after, t);
}

export function describeChange(entry: AuditEntry, t: SettingsT): string {
  switch (entry.area) {
    case 'running-text':
      return `“${scalar(entry.before, t)}” → “${scalar(entry.after, t)}”`;
    case 'counter-services':
      return listChange(entry.before, entry.after);
    case 'opening-hours':
      return hoursChange(entry.before, entry.after, t);
    case 'sop-standards':
      return `${keyChanges(entry.before, entry.after, t)} ${t('minutes')}`;
    case 'late-service':
      return `${tierMinutes(entry.before)} → ${tierMinutes(entry.after)} ${t('minutes')}`;
    case 'accounts':
      return accountChange(entry, t);
    case 'booking':
      // A service's capacity is a number; the hall's terms an object, told key by key.
      return isRecord(entry.after)
        ? keyChanges(entry.before, entry.after, t)
        : `${scalar(entry.before, t)} → ${scalar(entry.after, t)}`;
    case 'messages':
      return messageChange(entry, t);
    case 'hall':
      return entry.action === 'create'
        ? `${t('hallCreated')}: ${entry.target ?? ''}`
        : keyChanges(isRecord(entry.before) ? entry.before : {}, isRecord(entry.after) ? entry.after : {}, t);
  }
}

/** The options as key changes; the texts as the kinds whose wording changed (the texts themselves are long). */
function messageChange(entry: AuditEntry, t: SettingsT): string {
  const before = isRecord(entry.before) ? entry.before : {};
  const after = isRecord(entry.after) ? entry.after : {};
  if ('nearAhead' in after) return keyChanges(before, after, t);
  return Object.keys(after)
    .filter((kind) => JSON.stringify(before[kind]) !== JSON.stringify(after[kind]))
    .join(', ');
}
