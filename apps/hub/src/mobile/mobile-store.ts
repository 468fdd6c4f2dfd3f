import {
  maskDigits,
  MILESTONE_NAMES,
  VISIT_MILESTONES,
  type MilestoneStandards,
  type PermitDocument,
  type VisitFacts,
  type VisitMilestone,
  type VisitRequestFacts,
  type VisitRequestStatus,
  type VisitStatus,
} from '@giliran/domain';
import type {
  CounsellingView,
  MilestoneView,
  PermitView,
  PhotoView,
  VisitPlaceView,
  VisitRegisterEntryView,
  VisitRequestView,
  VisitSummaryView,
} from '@giliran/protocol';
import type { Db } from '../db/database.ts';
import { sql } from '../db/statements.ts';

/*
 * Reads of the mobile unit's tables (schema 13): the facts its decisions rest on, and the views its routes answer.
 * Nothing here writes: the rows are record-projection.ts's, from the log.
 */

interface RequestRow {
  id: string;
  requester_kind: string;
  requester_name: string;
  letter_number: string | null;
  letter_date: string | null;
  place: string;
  wished_date: string;
  agencies: string;
  note: string | null;
  status: string;
  decline_reason: string | null;
  received_at: string;
  received_by: string;
}

interface VisitRow {
  id: string;
  request_id: string | null;
  date: string;
  place: string;
  surat_tugas_number: string;
  crew: string;
  notice: string | null;
  agencies: string;
  status: string;
  planned_at: string;
  planned_by: string;
  approved_at: string | null;
  approved_by: string | null;
}

interface MilestoneRow {
  milestone: string;
  at: string;
  by: string;
  standard: string;
  judgement: 'on_time' | 'late' | 'early';
  minutes_off: number;
  note: string | null;
}

interface RegisterRow {
  id: string;
  order_number: number;
  name: string;
  nik: string | null;
  phone: string | null;
  business_name: string | null;
  risk_class: string | null;
  purpose: string;
  outcome: string;
  note: string | null;
  outside_window_reason: string | null;
  complaint_id: string | null;
  ticket_id: string | null;
  at: string;
  by: string;
}

interface PermitRow {
  id: string;
  entry_id: string | null;
  nib: string;
  business_name: string;
  risk_class: string;
  document: string;
  issued_in_oss_at: string;
  printed: number;
  handed_over: number;
  access_explained: number;
  at: string;
  by: string;
}

const parsePlace = (text: string): VisitPlaceView => JSON.parse(text) as VisitPlaceView;
const parseList = (text: string): string[] => JSON.parse(text) as string[];

export class MobileStore {
  constructor(private readonly db: Db) {}

  requestFacts(id: string): VisitRequestFacts | null {
    const row = this.requestRow(id);
    if (!row) return null;
    return {
      id: row.id,
      status: row.status as VisitRequestStatus,
      place: parsePlace(row.place),
      agencies: parseList(row.agencies),
    };
  }

  visitFacts(id: string): VisitFacts | null {
    const row = this.visitRow(id);
    if (!row) return null;
    const milestones: Partial<Record<VisitMilestone, string>> = {};
    for (const m of this.milestoneRows(id)) milestones[m.milestone as VisitMilestone] = m.at;
    const last = sql(this.db, 'SELECT MAX(order_number) AS n FROM visit_register WHERE visit_id = ?').get(
      id,
    ) as {
      n: number | null;
    };
    const permits = sql(this.db, 'SELECT document, nib FROM visit_permits WHERE visit_id = ?').all(id) as {
      document: PermitDocument;
      nib: string;
    }[];
    return {
      id: row.id,
      date: row.date,
      status: row.status as VisitStatus,
      requestId: row.request_id,
      milestones,
      lastOrderNumber: last.n ?? 0,
      permits,
    };
  }

  dateTaken(date: string): boolean {
    return sql(this.db, 'SELECT 1 FROM visits WHERE date = ?').get(date) !== undefined;
  }

  requests(): VisitRequestView[] {
    const rows = sql(
      this.db,
      'SELECT * FROM visit_requests ORDER BY wished_date DESC, received_at DESC',
    ).all() as RequestRow[];
    return rows.map(requestView);
  }

  request(id: string): VisitRequestView | null {
    const row = this.requestRow(id);
    return row ? requestView(row) : null;
  }

  visitIds(from?: string, to?: string): string[] {
    return sql(this.db, 'SELECT id FROM visits WHERE date >= ? AND date <= ? ORDER BY date DESC')
      .pluck()
      .all(from ?? '0000-00-00', to ?? '9999-99-99') as string[];
  }

  summary(id: string, standards: MilestoneStandards): VisitSummaryView | null {
    const row = this.visitRow(id);
    if (!row) return null;
    const milestones = this.milestones(id, standards);
    const count = (table: string): number =>
      (sql(this.db, `SELECT COUNT(*) AS n FROM ${table} WHERE visit_id = ?`).get(id) as { n: number }).n;
    return {
      id: row.id,
      requestId: row.request_id,
      date: row.date,
      place: parsePlace(row.place),
      suratTugasNumber: row.surat_tugas_number,
      crew: JSON.parse(row.crew) as VisitSummaryView['crew'],
      notice: row.notice === null ? null : (JSON.parse(row.notice) as VisitSummaryView['notice']),
      agencies: parseList(row.agencies),
      status: row.status,
      plannedBy: row.planned_by,
      approvedBy: row.approved_by,
      approvedAt: row.approved_at,
      registered: count('visit_register'),
      permitsIssued: count('visit_permits'),
      offStandard: milestones.filter((m) => m.judgement === 'late' || m.judgement === 'early').length,
      nextMilestone: milestones.find((m) => m.at === null)?.milestone ?? null,
    };
  }

  /** Every milestone of the day in order, recorded or not, with its standard. */
  milestones(id: string, standards: MilestoneStandards): MilestoneView[] {
    const recorded = new Map(this.milestoneRows(id).map((m) => [m.milestone, m]));
    return VISIT_MILESTONES.map((milestone) => {
      const row = recorded.get(milestone);
      return {
        milestone,
        name: MILESTONE_NAMES[milestone],
        standard: row?.standard ?? standards[milestone].at,
        rule: standards[milestone].rule,
        at: row?.at ?? null,
        by: row?.by ?? null,
        judgement: row?.judgement ?? null,
        minutesOff: row?.minutes_off ?? null,
        note: row?.note ?? null,
      };
    });
  }

  /** The visit register in order numbers; NIK and phone masked unless `full`. */
  register(id: string, full: boolean): VisitRegisterEntryView[] {
    const rows = sql(this.db, 'SELECT * FROM visit_register WHERE visit_id = ? ORDER BY order_number').all(
      id,
    ) as RegisterRow[];
    return rows.map((r) => ({
      id: r.id,
      orderNumber: r.order_number,
      name: r.name,
      nik: full ? r.nik : maskDigits(r.nik),
      phone: full ? r.phone : maskDigits(r.phone),
      businessName: r.business_name,
      riskClass: r.risk_class,
      purpose: r.purpose,
      outcome: r.outcome,
      note: r.note,
      outsideWindowReason: r.outside_window_reason,
      complaintId: r.complaint_id,
      ticketId: r.ticket_id,
      at: r.at,
      by: r.by,
    }));
  }

  entry(visitId: string, entryId: string, full: boolean): VisitRegisterEntryView | null {
    return this.register(visitId, full).find((e) => e.id === entryId) ?? null;
  }

  permits(id: string): PermitView[] {
    const rows = sql(this.db, 'SELECT * FROM visit_permits WHERE visit_id = ? ORDER BY at, rowid').all(
      id,
    ) as PermitRow[];
    return rows.map((r) => ({
      id: r.id,
      entryId: r.entry_id,
      nib: r.nib,
      businessName: r.business_name,
      riskClass: r.risk_class,
      document: r.document,
      issuedInOssAt: r.issued_in_oss_at,
      printed: r.printed === 1,
      handedOver: r.handed_over === 1,
      accessExplained: r.access_explained === 1,
      at: r.at,
      by: r.by,
    }));
  }

  counselling(id: string): CounsellingView[] {
    return (
      sql(this.db, 'SELECT * FROM visit_counselling WHERE visit_id = ? ORDER BY at, rowid').all(id) as {
        id: string;
        topic: string;
        people_reached: number;
        at: string;
        by: string;
      }[]
    ).map((r) => ({ id: r.id, topic: r.topic, peopleReached: r.people_reached, at: r.at, by: r.by }));
  }

  photos(id: string): PhotoView[] {
    return sql(
      this.db,
      'SELECT id, mime, bytes, caption, at, by FROM visit_photos WHERE visit_id = ? ORDER BY at, rowid',
    ).all(id) as PhotoView[];
  }

  photo(visitId: string, photoId: string): PhotoView | null {
    return this.photos(visitId).find((p) => p.id === photoId) ?? null;
  }

  /** The complaints a visit's register filed, as the report lists them (never the complainant). */
  complaints(id: string): {
    code: string;
    register_year: number;
    register_seq: number;
    category: string;
    status: string;
    deadline_at: string;
  }[] {
    return sql(
      this.db,
      `SELECT c.code, c.register_year, c.register_seq, c.category, c.status, c.deadline_at
       FROM visit_register r JOIN complaints c ON c.id = r.complaint_id
       WHERE r.visit_id = ? ORDER BY r.order_number`,
    ).all(id) as {
      code: string;
      register_year: number;
      register_seq: number;
      category: string;
      status: string;
      deadline_at: string;
    }[];
  }

  /** The SKM answers of a day (one vehicle, one visit a day): unsur scores per respondent. */
  skmAnswers(date: string): number[][] {
    const rows = sql(
      this.db,
      'SELECT u1, u2, u3, u4, u5, u6, u7, u8, u9 FROM skm_responses WHERE service_day = ? AND counter_id IS NULL',
    ).all(date) as Record<string, number>[];
    return rows.map((r) => Object.values(r));
  }

  private requestRow(id: string): RequestRow | undefined {
    return sql(this.db, 'SELECT * FROM visit_requests WHERE id = ?').get(id) as RequestRow | undefined;
  }

  private visitRow(id: string): VisitRow | undefined {
    return sql(this.db, 'SELECT * FROM visits WHERE id = ?').get(id) as VisitRow | undefined;
  }

  private milestoneRows(id: string): MilestoneRow[] {
    return sql(this.db, 'SELECT * FROM visit_milestones WHERE visit_id = ?').all(id) as MilestoneRow[];
  }
}

function requestView(row: RequestRow): VisitRequestView {
  return {
    id: row.id,
    requesterKind: row.requester_kind,
    requesterName: row.requester_name,
    letterNumber: row.letter_number,
    letterDate: row.letter_date,
    place: parsePlace(row.place),
    wishedDate: row.wished_date,
    agencies: parseList(row.agencies),
    note: row.note,
    status: row.status,
    declineReason: row.decline_reason,
    receivedAt: row.received_at,
    receivedBy: row.received_by,
  };
}
