import type { HubContext } from '../hub-context.ts';
import { STAFF_ROOM } from '../socket/socket-server.ts';
import { backupRoutes } from './backup-routes.ts';
import { BackupService } from './backup-service.ts';
import { BACKUP_OPERATIONS } from './backup-openapi.ts';

/** Scheduled and on-demand database backups; a failed one alerts staff. */
export function registerBackup(ctx: HubContext): BackupService {
  ctx.openapi.add(BACKUP_OPERATIONS);
  const { db, site, clock, logger, io } = ctx;
  const backups = new BackupService({
    db,
    dataDir: ctx.options.dataDir,
    settings: site.backup,
    clock,
    logger,
    onFailure: (error) => {
      io.to(STAFF_ROOM).emit('hub:alert', {
        kind: 'backup-failed',
        message: `Cadangan basis data gagal: ${error.message}`,
        at: new Date(clock.now()).toISOString(),
      });
    },
  });
  ctx.api(backupRoutes({ auth: ctx.auth, backups }));
  ctx.onStart(() => {
    backups.start();
  });
  ctx.onClose(() => backups.stop());
  return backups;
}
