import type { QueueConfig, ReportChainRecord, ReportChainStage } from '@giliran/domain';
import type { Db } from '../db/database.ts';
import { sql } from '../db/statements.ts';
import { HubError } from '../hub-error.ts';

interface ChainRow {
  id: number;
  service_day: string;
  stage: string;
  agency_id: string;
  signed_by: string;
  signer_role: string;
  signed_at: string;
  clock_started_at: string | null;
  standard_seconds: number | null;
  elapsed_seconds: number | null;
  late: number | null;
  note: string | null;
  report: string | null;
  missing_agency_ids: string;
}

/** A stored sign-off with where it sits: the date and row id an idempotent replay points back to. */
export interface StoredRecord {
  readonly id: number;
  readonly date: string;
  readonly record: ReportChainRecord;
}

export const SIGN_COMMAND = 'report-chain:sign';

function stageOf(text: string): ReportChainStage {
  return text === 'receipt' ? 'receipt' : (Number(text) as ReportChainStage);
}

function fromRow(row: ChainRow): StoredRecord {
  return {
    id: row.id,
    date: row.service_day,
    record: {
      stage: stageOf(row.stage),
      agencyId: row.agency_id === '' ? null : row.agency_id,
      signedBy: row.signed_by,
      signerRole: row.signer_role,
      signedAt: row.signed_at,
      clockStartedAt: row.clock_started_at,
      standardSeconds: row.standard_seconds,
      elapsedSeconds: row.elapsed_seconds,
      late: row.late === null ? null : row.late === 1,
      note: row.note,
      report: row.report,
      missingAgencyIds: JSON.parse(row.missing_agency_ids) as string[],
    },
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** The report chain's rows: its sign-offs, and what it reads of the day's tickets and the accounts. */
export class ReportChainStore {
  constructor(private readonly db: Db) {}

  records(date: string): StoredRecord[] {
    const rows = sql(this.db, 'SELECT * FROM report_chain_events WHERE service_day = ? ORDER BY id').all(
      date,
    ) as ChainRow[];
    return rows.map(fromRow);
  }

  recordById(id: number): StoredRecord | undefined {
    const row = sql(this.db, 'SELECT * FROM report_chain_events WHERE id = ?').get(id) as
      ChainRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  /** Gerai that called at least one ticket that day, from the tickets kept for every past day. */
  servedAgencyIds(date: string, config: QueueConfig): string[] {
    const rows = sql(
      this.db,
      'SELECT DISTINCT service_id FROM tickets WHERE service_day = ? AND first_called_at IS NOT NULL',
    ).all(date) as { service_id: string }[];
    const agencyOf = new Map(config.services.map((s) => [s.id, s.agencyId]));
    const served = new Set(rows.map((r) => agencyOf.get(r.service_id)).filter((id) => id !== undefined));
    return [...served];
  }

  account(username: string): { name: string; counterIds: string[] } | undefined {
    const row = sql(this.db, 'SELECT name, counter_ids FROM accounts WHERE username = ?').get(username) as
      { name: string; counter_ids: string } | undefined;
    return row ? { name: row.name, counterIds: JSON.parse(row.counter_ids) as string[] } : undefined;
  }

  /** The row id an earlier sign-off with this key produced; a key used for a queue command is a conflict. */
  replayOf(actor: string, key: string): number | null {
    const row = sql(this.db, 'SELECT command, result_ref FROM idempotency WHERE actor = ? AND key = ?').get(
      actor,
      key,
    ) as { command: string; result_ref: string | null } | undefined;
    if (!row) return null;
    if (row.command !== SIGN_COMMAND || row.result_ref === null) throw new HubError('IDEMPOTENCY_CONFLICT');
    return Number(row.result_ref);
  }

  /**
   * The sign-off and its idempotency key in one transaction (fsynced before the answer, synchronous=FULL).
   * The UNIQUE key is the last word on "signed twice", whatever the check before it saw.
   */
  insert(
    date: string,
    record: ReportChainRecord,
    idempotency: { actor: string; key: string } | null,
  ): number {
    const write = this.db.transaction(() => {
      const result = sql(
        this.db,
        `INSERT INTO report_chain_events (service_day, stage, agency_id, signed_by, signer_role, signed_at,
           clock_started_at, standard_seconds, elapsed_seconds, late, note, report, missing_agency_ids)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        date,
        String(record.stage),
        record.agencyId ?? '',
        record.signedBy,
        record.signerRole,
        record.signedAt,
        record.clockStartedAt,
        record.standardSeconds,
        record.elapsedSeconds,
        record.late === null ? null : Number(record.late),
        record.note,
        record.report,
        JSON.stringify(record.missingAgencyIds),
      );
      const id = Number(result.lastInsertRowid);
      if (idempotency)
        sql(
          this.db,
          'INSERT INTO idempotency (actor, key, command, result_ref, created_at) VALUES (?, ?, ?, ?, ?)',
        ).run(idempotency.actor, idempotency.key, SIGN_COMMAND, String(id), record.signedAt);
      return id;
    });
    try {
      return write();
    } catch (error) {
      if (isUniqueViolation(error)) throw new HubError('REPORT_CHAIN_ALREADY_SIGNED');
      throw error;
    }
  }
}
