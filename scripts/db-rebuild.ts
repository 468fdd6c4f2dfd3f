// Builds every read-model table afresh from the event log into a new database file beside the live one:
// `npm run db:rebuild -- <data-dir>`. The live database is only read.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../apps/hub/src/db/database.ts';
import { rebuildFromLog } from '../apps/hub/src/db/log-rebuild.ts';

const [dataDir, ...rest] = process.argv.slice(2);
if (dataDir === undefined || rest.length > 0 || dataDir === '--help') {
  console.error('usage: npm run db:rebuild -- <data-dir>');
  process.exit(2);
}
const liveFile = join(dataDir, 'giliran.sqlite');
if (!existsSync(liveFile)) {
  console.error(`no database at ${liveFile}`);
  process.exit(1);
}
const target = join(dataDir, `giliran-rebuilt-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`);
const live = openDatabase(liveFile);
try {
  const { events } = rebuildFromLog(live, target);
  console.log(`rebuilt ${target} from ${String(events)} events`);
} finally {
  live.close();
}
