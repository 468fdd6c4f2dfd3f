import { applyBookingEvent, isBookingEvent, type ChangedBy, type RecordEvent } from '@giliran/domain';
import { bookingRecordOf, type BookingRow } from './booking-row.ts';
import { confirmedYearKey, storageKey } from './settings-store.ts';
import type { Db } from './database.ts';
import { sql } from './statements.ts';

/*
 * The read-model rows of every feature besides the live queue, written from its events: live inside the command's
 * transaction, and again by `db:rebuild` from the log alone. Nothing else writes these tables.
 */

/** The tables `legacy:row-imported` may fill: the features' tables as schema 7 left them. */
export const LEGACY_TABLES = [
  'accounts',
  'devices',
  'settings',
  'audit_log',
  'holidays',
  'complaint_categories',
  'complaints',
  'complaint_history',
  'skm_responses',
  'report_chain_events',
] as const;
export type LegacyTable = (typeof LEGACY_TABLES)[number];

/** The mobile unit's tables (schema 13), each a projection of its events. */
export const MOBILE_TABLES = [
  'visit_requests',
  'visits',
  'visit_milestones',
  'visit_register',
  'visit_permits',
  'visit_counselling',
  'visit_photos',
] as const;

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

function audit(
  db: Db,
  by: ChangedBy,
  area: string,
  target: string | null,
  action: string,
  before: unknown,
  after: unknown,
): void {
  sql(
    db,
    `INSERT INTO audit_log (at, actor, actor_role, area, target, action, before, after)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(by.at, by.by, by.byRole, area, target, action, before === null ? null : json(before), json(after));
}

function history(
  db: Db,
  complaintId: string,
  entry: {
    at: string;
    actor: string;
    kind: string;
    status: string;
    category: string | null;
    note: string | null;
  },
): void {
  sql(
    db,
    `INSERT INTO complaint_history (complaint_id, at, actor, kind, status, category, note)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(complaintId, entry.at, entry.actor, entry.kind, entry.status, entry.category, entry.note);
}

function importRow(db: Db, table: string, row: Readonly<Record<string, string | number | null>>): void {
  if (!(LEGACY_TABLES as readonly string[]).includes(table)) throw new Error(`no legacy table ${table}`);
  const columns = Object.keys(row);
  if (!columns.every((c) => /^[a-z_0-9]+$/.test(c))) throw new Error(`bad column in ${table}`);
  // INSERT OR REPLACE: a row the schema seeded (holidays, categories) is replaced by what the file held.
  sql(
    db,
    `INSERT OR REPLACE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  ).run(...columns.map((c) => row[c] ?? null));
}

function projectComplaint(db: Db, event: RecordEvent): boolean {
  switch (event.type) {
    case 'complaint:filed':
      sql(
        db,
        `INSERT INTO complaints (id, code, register_year, register_seq, channel, channel_ref, name, occupation,
           address, contact, text, agency_id, ticket_ref, ticket_id, ticket_number, category, status, received_at,
           received_by, deadline_at, deadline_day)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?)`,
      ).run(
        event.complaintId,
        event.code,
        event.registerYear,
        event.registerSeq,
        event.channel,
        event.channelRef,
        event.name,
        event.occupation,
        event.address,
        event.contact,
        event.text,
        event.agencyId,
        event.ticketRef,
        event.ticketId,
        event.ticketNumber,
        event.category,
        event.at,
        event.by,
        event.deadlineAt,
        event.deadlineDay,
      );
      history(db, event.complaintId, {
        at: event.at,
        actor: event.by,
        kind: 'received',
        status: 'received',
        category: event.category,
        note: null,
      });
      return true;
    case 'complaint:status-changed':
      if (event.answer)
        sql(
          db,
          `UPDATE complaints SET status = ?, answer = ?, answer_channel = ?, answered_at = ?, answered_by = ?
           WHERE id = ?`,
        ).run(event.to, event.answer.text, event.answer.channel, event.at, event.by, event.complaintId);
      else sql(db, 'UPDATE complaints SET status = ? WHERE id = ?').run(event.to, event.complaintId);
      history(db, event.complaintId, {
        at: event.at,
        actor: event.by,
        kind: 'status',
        status: event.to,
        category: null,
        note: event.note,
      });
      return true;
    case 'complaint:recategorised':
      sql(db, 'UPDATE complaints SET category = ?, deadline_at = ?, deadline_day = ? WHERE id = ?').run(
        event.category,
        event.deadlineAt,
        event.deadlineDay,
        event.complaintId,
      );
      history(db, event.complaintId, {
        at: event.at,
        actor: event.by,
        kind: 'category',
        status: event.status,
        category: event.category,
        note: event.note,
      });
      return true;
    case 'complaint:deadline-moved':
      sql(db, 'UPDATE complaints SET deadline_at = ?, deadline_day = ? WHERE id = ?').run(
        event.deadlineAt,
        event.deadlineDay,
        event.complaintId,
      );
      return true;
    case 'complaint:late-marked':
      sql(db, 'UPDATE complaints SET late_compensation_id = ? WHERE id = ?').run(
        event.compensationId,
        event.complaintId,
      );
      history(db, event.complaintId, {
        at: event.at,
        actor: 'system',
        kind: 'late',
        status: event.status,
        category: null,
        note: null,
      });
      return true;
    case 'calendar:holidays-replaced': {
      sql(db, 'DELETE FROM holidays WHERE date LIKE ?').run(`${String(event.year)}-%`);
      const insert = sql(
        db,
        'INSERT INTO holidays (date, kind, name, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)',
      );
      for (const h of event.holidays) insert.run(h.date, h.kind, h.name, event.at, event.by);
      return true;
    }
    case 'calendar:year-confirmed':
      sql(
        db,
        `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by`,
      ).run(confirmedYearKey(event.year), JSON.stringify({ at: event.at, by: event.by }), event.at, event.by);
      return true;
    case 'calendar:rules-replaced': {
      const update = sql(db, 'UPDATE complaint_categories SET unit = ?, amount = ? WHERE category = ?');
      for (const r of event.rules) update.run(r.unit, r.amount, r.category);
      return true;
    }
    default:
      return false;
  }
}

function projectSettingsAndAccounts(db: Db, event: RecordEvent): boolean {
  switch (event.type) {
    case 'setting:changed': {
      const key = storageKey(event.kind, event.target);
      if (event.stored)
        sql(
          db,
          `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
             updated_by = excluded.updated_by`,
        ).run(key, event.storedValue, event.at, event.by);
      else sql(db, 'DELETE FROM settings WHERE key = ?').run(key);
      audit(db, event, event.area, event.target, event.action ?? 'update', event.before, event.after);
      return true;
    }
    case 'account:seeded':
      sql(
        db,
        'INSERT OR IGNORE INTO accounts (username, name, role, pin_hash, counter_ids) VALUES (?, ?, ?, ?, ?)',
      ).run(event.username, event.name, event.role, event.pinHash, JSON.stringify(event.counterIds));
      return true;
    case 'account:created':
      sql(
        db,
        'INSERT INTO accounts (username, name, role, pin_hash, counter_ids) VALUES (?, ?, ?, ?, ?)',
      ).run(event.username, event.name, event.role, event.pinHash, JSON.stringify(event.counterIds));
      audit(db, event, 'accounts', event.username, 'create', null, {
        username: event.username,
        name: event.name,
        role: event.role,
        counterIds: event.counterIds,
        disabled: false,
        disabledAt: null,
      });
      return true;
    case 'account:updated':
      sql(db, 'UPDATE accounts SET name = ?, counter_ids = ?, disabled_at = ? WHERE username = ?').run(
        event.name,
        JSON.stringify(event.counterIds),
        event.disabledAt,
        event.username,
      );
      audit(db, event, 'accounts', event.username, event.action, event.before, event.after);
      return true;
    case 'account:pin-set':
      sql(db, 'UPDATE accounts SET pin_hash = ? WHERE username = ?').run(event.pinHash, event.username);
      // The audit says that the PIN changed and what it ended, never the PIN or its hash.
      audit(db, event, 'accounts', event.username, 'reset-pin', null, {
        pinChanged: true,
        sessionsEnded: event.sessionsEnded,
      });
      return true;
    case 'account:pin-rehashed':
      // Not audited: nobody changed the PIN, only the cost of its hash.
      sql(db, 'UPDATE accounts SET pin_hash = ? WHERE username = ?').run(event.pinHash, event.username);
      return true;
    case 'device:registered':
      sql(db, 'INSERT OR IGNORE INTO devices (id, role, token_sha256, counter_id) VALUES (?, ?, ?, ?)').run(
        event.deviceId,
        event.role,
        event.tokenSha256,
        event.counterId ?? null,
      );
      return true;
    case 'device:paired':
      sql(
        db,
        `INSERT INTO devices (id, role, token_sha256, counter_id, paired_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET role = excluded.role, token_sha256 = excluded.token_sha256,
           counter_id = excluded.counter_id, paired_at = excluded.paired_at`,
      ).run(event.deviceId, event.role, event.tokenSha256, event.counterId, event.at);
      return true;
    default:
      return false;
  }
}

function projectSurveyAndChain(db: Db, event: RecordEvent): boolean {
  switch (event.type) {
    case 'skm:answered': {
      const [u1, u2, u3, u4, u5, u6, u7, u8, u9] = event.answers;
      sql(
        db,
        `INSERT INTO skm_responses (id, service_day, submitted_at, ticket_id, service_id, agency_id, channel,
           submitted_by, request_key, u1, u2, u3, u4, u5, u6, u7, u8, u9, gender, age_band, education, occupation,
           suggestion, counter_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        event.responseId,
        event.serviceDay,
        event.at,
        event.ticketId,
        event.serviceId,
        event.agencyId,
        event.channel,
        event.by,
        u1,
        u2,
        u3,
        u4,
        u5,
        u6,
        u7,
        u8,
        u9,
        event.respondent.gender,
        event.respondent.ageBand,
        event.respondent.education,
        event.respondent.occupation,
        event.suggestion,
        event.counterId ?? null,
      );
      return true;
    }
    case 'report-chain:step-signed': {
      const r = event.record;
      sql(
        db,
        `INSERT INTO report_chain_events (service_day, stage, agency_id, signed_by, signer_role, signed_at,
           clock_started_at, standard_seconds, elapsed_seconds, late, note, report, missing_agency_ids)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        event.date,
        String(r.stage),
        r.agencyId ?? '',
        r.signedBy,
        r.signerRole,
        r.signedAt,
        r.clockStartedAt,
        r.standardSeconds,
        r.elapsedSeconds,
        r.late === null ? null : Number(r.late),
        r.note,
        r.report,
        JSON.stringify(r.missingAgencyIds),
      );
      return true;
    }
    case 'legacy:row-imported':
      importRow(db, event.table, event.row);
      return true;
    default:
      return false;
  }
}

function projectVisitPlan(db: Db, event: RecordEvent): boolean {
  switch (event.type) {
    case 'visit-request:received':
      sql(
        db,
        `INSERT INTO visit_requests (id, requester_kind, requester_name, letter_number, letter_date, place,
           wished_date, agencies, note, status, received_at, received_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?)`,
      ).run(
        event.requestId,
        event.requesterKind,
        event.requesterName,
        event.letterNumber,
        event.letterDate,
        JSON.stringify(event.place),
        event.wishedDate,
        JSON.stringify(event.agencies),
        event.note,
        event.at,
        event.by,
      );
      return true;
    case 'visit-request:declined':
      sql(db, "UPDATE visit_requests SET status = 'declined', decline_reason = ? WHERE id = ?").run(
        event.reason,
        event.requestId,
      );
      return true;
    case 'visit:scheduled':
      sql(
        db,
        `INSERT INTO visits (id, request_id, date, place, surat_tugas_number, crew, notice, agencies, status,
           planned_at, planned_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'planned', ?, ?)`,
      ).run(
        event.visitId,
        event.requestId,
        event.date,
        JSON.stringify(event.place),
        event.suratTugasNumber,
        JSON.stringify(event.crew),
        json(event.notice ?? undefined),
        JSON.stringify(event.agencies),
        event.at,
        event.by,
      );
      if (event.requestId !== null)
        sql(db, "UPDATE visit_requests SET status = 'scheduled' WHERE id = ?").run(event.requestId);
      return true;
    case 'visit:approved':
      sql(db, "UPDATE visits SET status = 'approved', approved_at = ?, approved_by = ? WHERE id = ?").run(
        event.at,
        event.by,
        event.visitId,
      );
      return true;
    case 'visit:milestone-recorded': {
      sql(
        db,
        `INSERT INTO visit_milestones (visit_id, milestone, at, by, standard, judgement, minutes_off, note)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        event.visitId,
        event.milestone,
        event.at,
        event.by,
        event.standard,
        event.judgement,
        event.minutesOff,
        event.note,
      );
      const done = event.milestone === 'reported';
      sql(db, 'UPDATE visits SET status = ? WHERE id = ?').run(done ? 'done' : 'under_way', event.visitId);
      if (done)
        sql(
          db,
          "UPDATE visit_requests SET status = 'done' WHERE id = (SELECT request_id FROM visits WHERE id = ?)",
        ).run(event.visitId);
      return true;
    }
    default:
      return false;
  }
}

function projectVisitRegisters(db: Db, event: RecordEvent): boolean {
  switch (event.type) {
    case 'visit:registered':
      sql(
        db,
        `INSERT INTO visit_register (id, visit_id, order_number, name, nik, phone, business_name, risk_class,
           purpose, outcome, note, outside_window_reason, complaint_id, ticket_id, at, by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        event.entryId,
        event.visitId,
        event.orderNumber,
        event.name,
        event.nik,
        event.phone,
        event.businessName,
        event.riskClass,
        event.purpose,
        event.outcome,
        event.note,
        event.outsideWindowReason,
        event.filedComplaintId,
        event.ticketId,
        event.at,
        event.by,
      );
      return true;
    case 'visit:permit-issued':
      sql(
        db,
        `INSERT INTO visit_permits (id, visit_id, entry_id, nib, business_name, risk_class, document,
           issued_in_oss_at, printed, handed_over, access_explained, at, by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        event.permitId,
        event.visitId,
        event.entryId,
        event.nib,
        event.businessName,
        event.riskClass,
        event.document,
        event.issuedInOssAt,
        Number(event.printed),
        Number(event.handedOver),
        Number(event.accessExplained),
        event.at,
        event.by,
      );
      return true;
    case 'visit:counselling-held':
      sql(
        db,
        'INSERT INTO visit_counselling (id, visit_id, topic, people_reached, at, by) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(event.sessionId, event.visitId, event.topic, event.peopleReached, event.at, event.by);
      return true;
    case 'visit:photo-attached':
      sql(
        db,
        `INSERT INTO visit_photos (id, visit_id, mime, bytes, sha256, caption, at, by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        event.photoId,
        event.visitId,
        event.mime,
        event.bytes,
        event.sha256,
        event.caption,
        event.at,
        event.by,
      );
      return true;
    default:
      return false;
  }
}

/** A booking's row, rewritten whole from each of its events. */
function projectBooking(db: Db, event: RecordEvent): boolean {
  if (!isBookingEvent(event)) return false;
  const before = sql(db, 'SELECT * FROM bookings WHERE code = ?').get(event.code) as BookingRow | undefined;
  const after = applyBookingEvent(before ? bookingRecordOf(before) : undefined, event);
  sql(
    db,
    `INSERT INTO bookings (code, service_id, date, session_id, start, end, name, phone, locale, status, origin,
       ticket_id, check_in_from, check_in_until, made_at, changed_at, minutes_from_start)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (code) DO UPDATE SET service_id = excluded.service_id, date = excluded.date,
       session_id = excluded.session_id, start = excluded.start, end = excluded.end, status = excluded.status,
       ticket_id = excluded.ticket_id, check_in_from = excluded.check_in_from,
       check_in_until = excluded.check_in_until, changed_at = excluded.changed_at,
       minutes_from_start = excluded.minutes_from_start`,
  ).run(
    after.code,
    after.serviceId,
    after.date,
    after.sessionId,
    after.start,
    after.end,
    after.name,
    after.phone,
    after.locale,
    after.status,
    event.type === 'booking:made' ? event.origin : (before?.origin ?? ''),
    after.ticketId,
    after.checkInFrom,
    after.checkInUntil,
    before?.made_at ?? event.at,
    after.changedAt,
    event.type === 'booking:checked-in' ? event.minutesFromStart : (before?.minutes_from_start ?? null),
  );
  return true;
}

/** Writes the rows one event changes; call inside the transaction that appends it. */
export function projectRecord(db: Db, event: RecordEvent): void {
  if (
    projectComplaint(db, event) ||
    projectSettingsAndAccounts(db, event) ||
    projectSurveyAndChain(db, event) ||
    projectBooking(db, event) ||
    // Its number is kept beside the log (messages/), to be erased after the visit: no row of the log's own.
    event.type === 'message:contact-given' ||
    projectVisitPlan(db, event) ||
    projectVisitRegisters(db, event) ||
    // The feed's records are read from the log itself (central/feed-store.ts indexes them): no table of their own.
    event.type === 'central:feed-applied' ||
    event.type === 'central:feed-refused'
  )
    return;
  throw new Error(`no projection for ${(event as { type: string }).type}`);
}
