import type { LocalizedText } from './config.ts';

/*
 * The mobile service unit (pelayanan keliling, seeds 000 MAMPIR BOSS and 001 KISS MERRIED): who may ask for a
 * visit, the crew's roles, the visit day's milestones and their standards, and the registers' value lists.
 */

/** Seed 000: Camat, Lurah, Kepala Desa or an organisation, in writing; seed 001: a business "on call". */
export const VISIT_REQUESTER_KINDS = ['camat', 'lurah', 'kepala_desa', 'organisation', 'business'] as const;
export type VisitRequesterKind = (typeof VISIT_REQUESTER_KINDS)[number];

export const VISIT_REQUEST_STATUSES = ['received', 'scheduled', 'declined', 'done'] as const;
export type VisitRequestStatus = (typeof VISIT_REQUEST_STATUSES)[number];

/** Seed 001's roles; both register officers (visit register, issuance register) are `register_officer`. */
export const CREW_ROLES = ['coordinator', 'driver', 'permit_officer', 'register_officer'] as const;
export type CrewRole = (typeof CREW_ROLES)[number];

/** Seed 000: "paling banyak 4 (empat) orang termasuk pengemudi". */
export const MAX_CREW = 4;

/** A visit is planned by the coordinator and approved by the Kepala Dinas (the surat tugas is theirs). */
export const VISIT_STATUSES = ['planned', 'approved', 'under_way', 'done'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/** The visit day in order, as seed 000 times it. */
export const VISIT_MILESTONES = [
  'departed',
  'set-up',
  'service-opened',
  'service-closed',
  'packed-up',
  'returned',
  'reported',
] as const;
export type VisitMilestone = (typeof VISIT_MILESTONES)[number];

/**
 * A milestone's standard in local time: `by` is late after it (leave by 08:00, set up by 09:00); `from` is early
 * before it (the service window closes at 12:00, not sooner).
 */
export interface MilestoneStandard {
  readonly at: string;
  readonly rule: 'by' | 'from';
}
export type MilestoneStandards = Readonly<Record<VisitMilestone, MilestoneStandard>>;

/**
 * Seed 000: depart from 08:00, set up by 09:00, serve 09:00–12:00, pack up before 13:00, back at 13:00 and report.
 * The report has no hour in the seed: it is due the same day (24:00).
 */
export const DEFAULT_MILESTONE_STANDARDS: MilestoneStandards = {
  departed: { at: '08:00', rule: 'by' },
  'set-up': { at: '09:00', rule: 'by' },
  'service-opened': { at: '09:00', rule: 'by' },
  'service-closed': { at: '12:00', rule: 'from' },
  'packed-up': { at: '13:00', rule: 'by' },
  returned: { at: '13:00', rule: 'by' },
  reported: { at: '24:00', rule: 'by' },
};

export const MILESTONE_NAMES: Readonly<Record<VisitMilestone, LocalizedText>> = {
  departed: { id: 'Berangkat dari kantor', en: 'Departed from the office' },
  'set-up': { id: 'Persiapan dan penataan selesai', en: 'Set-up done' },
  'service-opened': { id: 'Layanan dibuka', en: 'Service opened' },
  'service-closed': { id: 'Layanan ditutup', en: 'Service closed' },
  'packed-up': { id: 'Kemas-kemas selesai', en: 'Packed up' },
  returned: { id: 'Kembali ke kantor', en: 'Returned to the office' },
  reported: { id: 'Dilaporkan ke atasan', en: 'Reported to the superior' },
};

export const VISIT_PURPOSES = ['permit', 'non_permit', 'consultation', 'complaint', 'counselling'] as const;
export type VisitPurpose = (typeof VISIT_PURPOSES)[number];

export const VISIT_PURPOSE_NAMES: Readonly<Record<VisitPurpose, LocalizedText>> = {
  permit: { id: 'Perizinan', en: 'Permit' },
  non_permit: { id: 'Non perizinan', en: 'Non-permit' },
  consultation: { id: 'Konsultasi', en: 'Consultation' },
  complaint: { id: 'Pengaduan', en: 'Complaint' },
  counselling: { id: 'Penyuluhan', en: 'Counselling' },
};

/** What became of a visitor: served to the end, waiting for missing requirements, sent to an agency, informed. */
export const VISIT_OUTCOMES = ['completed', 'requirements_incomplete', 'referred', 'informed'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

export const VISIT_OUTCOME_NAMES: Readonly<Record<VisitOutcome, LocalizedText>> = {
  completed: { id: 'Selesai', en: 'Completed' },
  requirements_incomplete: { id: 'Persyaratan belum lengkap', en: 'Requirements incomplete' },
  referred: { id: 'Dirujuk ke instansi', en: 'Referred to the agency' },
  informed: { id: 'Informasi diberikan', en: 'Information given' },
};

/** OSS RBA risk classes; seed 001 serves the three above `rendah`. */
export const RISK_CLASSES = ['rendah', 'menengah_rendah', 'menengah_tinggi', 'tinggi'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

export const RISK_CLASS_NAMES: Readonly<Record<RiskClass, LocalizedText>> = {
  rendah: { id: 'Risiko rendah', en: 'Low risk' },
  menengah_rendah: { id: 'Risiko menengah rendah', en: 'Medium-low risk' },
  menengah_tinggi: { id: 'Risiko menengah tinggi', en: 'Medium-high risk' },
  tinggi: { id: 'Risiko tinggi', en: 'High risk' },
};

export const PERMIT_DOCUMENTS = ['nib', 'sertifikat_standar'] as const;
export type PermitDocument = (typeof PERMIT_DOCUMENTS)[number];

export const PERMIT_DOCUMENT_NAMES: Readonly<Record<PermitDocument, LocalizedText>> = {
  nib: { id: 'NIB', en: 'NIB' },
  sertifikat_standar: { id: 'Sertifikat standar', en: 'Standard certificate' },
};

export const CREW_ROLE_NAMES: Readonly<Record<CrewRole, LocalizedText>> = {
  coordinator: { id: 'Koordinator', en: 'Coordinator' },
  driver: { id: 'Pengemudi', en: 'Driver' },
  permit_officer: { id: 'Petugas pelayanan perizinan', en: 'Permit officer' },
  register_officer: { id: 'Petugas register', en: 'Register officer' },
};

export const REQUESTER_KIND_NAMES: Readonly<Record<VisitRequesterKind, LocalizedText>> = {
  camat: { id: 'Camat', en: 'Sub-district head' },
  lurah: { id: 'Lurah', en: 'Urban village head' },
  kepala_desa: { id: 'Kepala Desa', en: 'Village head' },
  organisation: { id: 'Lembaga/organisasi', en: 'Organisation' },
  business: { id: 'Pelaku usaha (on call)', en: 'Business (on call)' },
};

/** The NIB OSS RBA issues is 13 digits. */
export const NIB_PATTERN = /^\d{13}$/;
/** A NIK (KTP number) is 16 digits. */
export const NIK_PATTERN = /^\d{16}$/;

/** NIK and phone in lists and exports: only the last four digits show (UU 27/2022). */
export function maskDigits(value: string | null): string | null {
  if (value === null) return null;
  const keep = 4;
  if (value.length <= keep) return '*'.repeat(value.length);
  return '*'.repeat(value.length - keep) + value.slice(-keep);
}
