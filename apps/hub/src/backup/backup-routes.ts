import { Router, type Response } from 'express';
import type { AuthService } from '../auth/auth-service.ts';
import { ADMINS } from '../auth/roles.ts';
import { requireRole } from '../http/auth-middleware.ts';
import type { BackupResponse } from './backup-openapi.ts';
import type { BackupService } from './backup-service.ts';

export interface BackupRouteDeps {
  readonly auth: AuthService;
  readonly backups: BackupService;
}

/** `POST /api/admin/backup`: the administrator takes a backup now (before an update, at the end of a day). */
export function backupRoutes(deps: BackupRouteDeps): Router {
  const router = Router();
  router.post(
    '/admin/backup',
    requireRole(deps.auth, ADMINS),
    async (_req, res: Response<BackupResponse>) => {
      const result = await deps.backups.runNow();
      // The folder's path stays on the hub: the answer names the file, which is what the restore command takes.
      res
        .status(201)
        .json({ file: result.file, bytes: result.bytes, at: result.at, pruned: [...result.pruned] });
    },
  );
  return router;
}
