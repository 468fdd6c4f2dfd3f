// Restores a backup into a data folder: `npm run restore -- <backup-file> <data-dir>`.
// The hub on that folder must be stopped; the database it replaces is kept aside, never deleted.
import { RestoreRefused, restoreBackup } from '../apps/hub/src/backup/restore-backup.ts';

const USAGE = 'usage: npm run restore -- <backup-file> <data-dir>';
const [backupFile, dataDir, ...rest] = process.argv.slice(2);

if (backupFile === undefined || dataDir === undefined || rest.length > 0 || backupFile === '--help') {
  console.error(USAGE);
  process.exit(2);
}

try {
  const outcome = restoreBackup(backupFile, dataDir);
  console.log(`restored ${backupFile} as ${outcome.database}`);
  console.log(
    `  ${outcome.tickets} tickets, last service day ${outcome.lastServiceDay ?? '(none)'}; integrity_check ok`,
  );
  if (outcome.replacedAside !== null)
    console.log(`  the database it replaced is kept as ${outcome.replacedAside}`);
  console.log('start the hub on this folder (DATA_DIR) to continue from the backup');
} catch (error) {
  if (!(error instanceof RestoreRefused)) throw error;
  console.error(`restore refused: ${error.message}`);
  process.exit(1);
}
