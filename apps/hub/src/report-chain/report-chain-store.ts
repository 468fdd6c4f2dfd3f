import type { QueueConfig, ReportChainRecord, ReportChainStage } from '@giliran/domain';
import type { Db } from '../db/database.ts';
import { sql } from '../db/statements.ts';

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

  /**
   * A sign-off by what makes it unique: its day, stage and gerai (`chainRef`). Idempotency records written before
   * schema 8 hold the row id instead.
   */
  byRef(ref: string): StoredRecord | undefined {
    if (/^\d+$/.test(ref)) return this.recordById(Number(ref));
    const [date = '', stage = '', agencyId = ''] = ref.split('/');
    const row = sql(
      this.db,
      'SELECT * FROM report_chain_events WHERE service_day = ? AND stage = ? AND agency_id = ?',
    ).get(date, stage, agencyId) as ChainRow | undefined;
    return row ? fromRow(row) : undefined;
  }
}

/** The idempotency ref of a sign-off: the row's UNIQUE key, known before the row is written. */
export function chainRef(date: string, stage: ReportChainStage, agencyId: string | null): string {
  return `${date}/${String(stage)}/${agencyId ?? ''}`;
}
