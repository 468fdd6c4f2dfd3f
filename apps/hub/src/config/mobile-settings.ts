import { DEFAULT_MILESTONE_STANDARDS, VISIT_MILESTONES, type MilestoneStandards } from '@giliran/domain';
import { z } from 'zod';

const Clock = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/);
const Standard = z.object({ at: Clock, rule: z.enum(['by', 'from']) });

/** 3 MiB: a phone photo saved at the camera's "medium" size; the report embeds each one. */
export const DEFAULT_PHOTO_MAX_BYTES = 3 * 1024 * 1024;

/**
 * The site file's `mobile` block, read when `kind` is `mobile` (a hall may keep the defaults): the unit's own
 * standards for the visit day, over seed 000's, the largest photo it keeps, and how long NIK and phone are kept.
 */
export const MobileSettings = z
  .object({
    /** The vehicle's name on reports (MAMPIR BOSS, KISS MERRIED); the site's short name when left out. */
    unitName: z.string().min(1).max(80).optional(),
    milestoneStandards: z.partialRecord(z.enum(VISIT_MILESTONES), Standard).default({}),
    photoMaxBytes: z
      .number()
      .int()
      .min(64 * 1024)
      .max(20 * 1024 * 1024)
      .default(DEFAULT_PHOTO_MAX_BYTES),
    /** Days after a visit that its register keeps visitors' NIK and phone (UU 27/2022: no longer than needed). */
    keepPersonalDataDays: z.number().int().min(1).max(365).default(30),
  })
  .prefault({});
export type MobileSettings = z.infer<typeof MobileSettings>;

export function milestoneStandards(settings: MobileSettings): MilestoneStandards {
  return { ...DEFAULT_MILESTONE_STANDARDS, ...settings.milestoneStandards };
}
