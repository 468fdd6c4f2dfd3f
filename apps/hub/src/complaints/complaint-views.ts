import { awaitsAnswer, isPastDeadline } from '@giliran/domain';
import type {
  ComplaintChanged,
  ComplaintSummary,
  ComplaintView,
  PublicComplaintStatus,
} from '@giliran/protocol';
import type { SiteConfig } from '../config/site-config.ts';
import type { ComplaintRow, HistoryRow } from './complaint-store.ts';

/** Buku Pengaduan style: `2026/0012`, numbered per year of receipt. */
export function registerNo(row: ComplaintRow): string {
  return `${row.register_year}/${String(row.register_seq).padStart(4, '0')}`;
}

/** Answered at or after the deadline, or still unanswered when it passed. Closed unanswered (spam) is not late. */
export function isLate(row: ComplaintRow, now: string): boolean {
  if (row.answered_at !== null) return isPastDeadline(row.deadline_at, row.answered_at);
  return awaitsAnswer(row.status) && isPastDeadline(row.deadline_at, now);
}

function agencyName(site: SiteConfig, agencyId: string | null) {
  return site.agencies.find((a) => a.id === agencyId)?.name ?? null;
}

export function complaintSummary(
  row: ComplaintRow,
  site: SiteConfig,
  now: string,
  deadlineProvisional = false,
): ComplaintSummary {
  return {
    id: row.id,
    code: row.code,
    registerNo: registerNo(row),
    channel: row.channel,
    channelRef: row.channel_ref,
    name: row.name,
    occupation: row.occupation,
    address: row.address,
    contact: row.contact,
    text: row.text,
    agencyId: row.agency_id,
    agencyName: agencyName(site, row.agency_id),
    ticket:
      row.ticket_ref === null
        ? null
        : { ref: row.ticket_ref, ticketId: row.ticket_id, number: row.ticket_number },
    category: row.category,
    status: row.status,
    receivedAt: row.received_at,
    receivedBy: row.received_by,
    deadlineAt: row.deadline_at,
    deadlineDay: row.deadline_day,
    late: isLate(row, now),
    deadlineProvisional,
    answer: row.answer,
    answerChannel: row.answer_channel,
    answeredAt: row.answered_at,
    answeredBy: row.answered_by,
    lateCompensationId: row.late_compensation_id,
  };
}

export function complaintView(
  row: ComplaintRow,
  history: readonly HistoryRow[],
  site: SiteConfig,
  now: string,
  deadlineProvisional = false,
): ComplaintView {
  return {
    ...complaintSummary(row, site, now, deadlineProvisional),
    history: history.map((h) => ({
      at: h.at,
      by: h.actor,
      kind: h.kind,
      status: h.status,
      category: h.category,
      note: h.note,
    })),
  };
}

/** For whoever holds the code: where the complaint stands and the answer; nothing about who filed it or what. */
export function publicComplaintStatus(
  row: ComplaintRow,
  history: readonly HistoryRow[],
  site: SiteConfig,
  now: string,
  deadlineProvisional = false,
): PublicComplaintStatus {
  return {
    code: row.code,
    registerNo: registerNo(row),
    siteName: site.name,
    timeZone: site.timeZone,
    agencyName: agencyName(site, row.agency_id),
    category: row.category,
    status: row.status,
    receivedAt: row.received_at,
    deadlineAt: row.deadline_at,
    deadlineDay: row.deadline_day,
    late: isLate(row, now),
    deadlineProvisional,
    // Only the steps, never staff notes: a note may name an officer or the complainant.
    history: history
      .filter((h) => h.kind === 'received' || h.kind === 'status')
      .map((h) => ({ status: h.status, at: h.at })),
    answer: row.answer,
    answerChannel: row.answer_channel,
    answeredAt: row.answered_at,
  };
}

export function complaintChanged(row: ComplaintRow, at: string): ComplaintChanged {
  return {
    id: row.id,
    code: row.code,
    registerNo: registerNo(row),
    status: row.status,
    lateCompensationId: row.late_compensation_id,
    at,
  };
}
