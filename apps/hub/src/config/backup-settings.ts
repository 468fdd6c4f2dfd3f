import { z } from 'zod';

/**
 * The site file's `backup` block. Every field has a default, so a site file without one stays valid and behaves
 * as before: no scheduled backups, on-demand backups into `<DATA_DIR>/backups`.
 */
export const BackupSettings = z
  .object({
    /**
     * Where backups are written; relative to DATA_DIR when not absolute. A folder on another disk (or a USB drive)
     * survives the loss of the disk the database is on, which `<DATA_DIR>/backups` does not.
     */
    folder: z.string().min(1).default('backups'),
    /** Minutes between scheduled backups; 0 takes them only on demand (`POST /api/admin/backup`). */
    everyMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .default(0),
    /** How many backups the folder keeps: after each new one the oldest beyond this are deleted. */
    keep: z.number().int().min(1).max(1000).default(14),
  })
  .prefault({});

export type BackupSettings = z.infer<typeof BackupSettings>;
