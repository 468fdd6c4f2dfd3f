import { z } from 'zod';

/*
 * A hub restored from an older backup: its log is behind what central holds, and whatever it logs next parts from
 * central's copy. Central refuses it until a regional admin resumes the site, which starts a new epoch.
 */

export type RestoreErrorCode = 'CENTRAL_HUB_BEHIND';

export const RESTORE_ERRORS: Readonly<
  Record<RestoreErrorCode, { status: number; message: { id: string; en: string } }>
> = {
  CENTRAL_HUB_BEHIND: {
    status: 409,
    message: {
      id: 'Log hub lebih pendek dari yang sudah diterima pusat: hub dipulihkan dari cadangan lama. Admin wilayah harus melanjutkan situs ini (POST /api/central/sites/:id/resume).',
      en: 'The hub’s log is shorter than what central already holds: the hub was restored from an older backup. A regional admin must resume this site (POST /api/central/sites/:id/resume).',
    },
  },
};

/** `POST /api/central/sites/:id/resume`: the site's next batch starts a new epoch from where hub and central agree. */
export const SiteResumed = z.strictObject({ id: z.string(), resumeRequestedAt: z.string() });
export type SiteResumed = z.infer<typeof SiteResumed>;

/** One epoch of a site after the first: where the restored hub's log parted from central's, and how it is stored. */
export const SiteEpochView = z.strictObject({
  epoch: z.number().int(),
  /** The hub's last event that central and the restored hub both hold. */
  forkHubSeq: z.number().int(),
  /** Central's sequence when the epoch began: events after the fork up to here are the branch the hub lost. */
  centralSeqAtFork: z.number().int(),
  /** The restored hub's event n (n > forkHubSeq) is central's n + offset. */
  offset: z.number().int(),
  resumedAt: z.string(),
  resumedBy: z.string(),
});
export type SiteEpochView = z.infer<typeof SiteEpochView>;
