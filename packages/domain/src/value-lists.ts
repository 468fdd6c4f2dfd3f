/*
 * Lists several parts of the product name (the wire's schemas, the site file, the pages' choices): defined here
 * once, with no dependency, so a page can import them without the schema code.
 */

/** Why a counter pauses; `lainnya` (other) is the wire's fallback, not a choice on the officer's page. */
export const PAUSE_REASONS = ['istirahat', 'sholat', 'sholat_jumat', 'urusan_dinas', 'lainnya'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];
/** What the officer's pause dialog offers, in its order. */
export const DESK_PAUSE_REASONS = PAUSE_REASONS.filter((r) => r !== 'lainnya');

/** What the officer faces: a rule names the kind (`teguran`); the MOD records which reprimand was given. */
export const OFFICER_CONSEQUENCES = [
  'none',
  'teguran',
  'teguran_lisan',
  'teguran_tertulis',
  'teguran_dan_sanksi',
  'sanksi',
] as const;
/** What MOD records as given, in the order the compensation card offers them. */
export const GIVEN_CONSEQUENCES = [
  'none',
  'teguran_lisan',
  'teguran_tertulis',
  'sanksi',
  'teguran_dan_sanksi',
] as const satisfies readonly (typeof OFFICER_CONSEQUENCES)[number][];

/** The areas of the runtime settings, each with its own editors and its own line in the audit trail. */
export const SETTINGS_AREAS = [
  'running-text',
  'counter-services',
  'opening-hours',
  'sop-standards',
  'late-service',
  'accounts',
  'booking',
  'messages',
  'hall',
] as const;
