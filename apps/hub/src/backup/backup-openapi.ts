import { z } from 'zod';
import type { Operation } from '../http/openapi.ts';

export const BackupResponse = z.object({
  file: z.string(),
  bytes: z.number().int(),
  at: z.string(),
  pruned: z.array(z.string()),
});
export type BackupResponse = z.infer<typeof BackupResponse>;

export const BACKUP_OPERATIONS: readonly Operation[] = [
  {
    method: 'post',
    path: '/api/admin/backup',
    summary: 'Take an online backup of the database now (admin); answers with its file name and size',
    response: BackupResponse,
    status: 201,
  },
];
