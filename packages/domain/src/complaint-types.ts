import type { LocalizedText } from './config.ts';

/*
 * The complaint register (Buku Pengaduan): how a complaint arrives, how serious it is and how far it has come.
 * Channels and categories follow the Standar Pelayanan of seeds 003 and 004 and SP4N-LAPOR.
 */

export const COMPLAINT_CHANNELS = [
  'in_person',
  'phone',
  'complaint_box',
  'website',
  'email',
  'sp4n_lapor',
  /** Taken in the field by the mobile service unit (seed 000: "sarana konsultasi dan pengaduan"). */
  'mobile_unit',
] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

/**
 * `spam`: marked by MOD as no complaint at all (a script's flood, nonsense): its clock stops, it raises no
 * complaint_late and no sanction, and it is left out of the register's counts. Not "closed": a closed complaint
 * was a complaint, settled or withdrawn.
 */
export const COMPLAINT_STATUSES = [
  'received',
  'verified',
  'in_follow_up',
  'answered',
  'closed',
  'spam',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_CATEGORIES = [
  'ringan',
  'normatif',
  'tidak_berkadar_pengawasan',
  'berkadar_pengawasan',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/** The categories' names as the Standar Pelayanan writes them, and in English, for every screen that shows one. */
export const COMPLAINT_CATEGORY_NAMES: Readonly<Record<ComplaintCategory, LocalizedText>> = {
  ringan: { id: 'Ringan', en: 'Minor' },
  normatif: { id: 'Normatif', en: 'Normative' },
  tidak_berkadar_pengawasan: { id: 'Tidak berkadar pengawasan', en: 'No inspection needed' },
  berkadar_pengawasan: { id: 'Berkadar pengawasan', en: 'Needs an inspection' },
};

/** Hours run on the clock from receipt; working days per `workingDaysDeadline`. */
export interface ComplaintDeadlineRule {
  readonly unit: 'hours' | 'working_days';
  readonly amount: number;
}

export type ComplaintDeadlineRules = Readonly<Record<ComplaintCategory, ComplaintDeadlineRule>>;

/** Seed 004: ringan 3 jam, normatif 5 hari kerja, tidak berkadar pengawasan 14, berkadar pengawasan 60. */
export const DEFAULT_COMPLAINT_DEADLINES: ComplaintDeadlineRules = {
  ringan: { unit: 'hours', amount: 3 },
  normatif: { unit: 'working_days', amount: 5 },
  tidak_berkadar_pengawasan: { unit: 'working_days', amount: 14 },
  berkadar_pengawasan: { unit: 'working_days', amount: 60 },
};

/**
 * A complaint runs on a deadline from the moment it is received, before anyone has read it: otherwise a complaint
 * nobody verifies would never be late. Normatif (5 working days) until MOD sets the category.
 */
export const DEFAULT_COMPLAINT_CATEGORY: ComplaintCategory = 'normatif';
