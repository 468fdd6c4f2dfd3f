// Checks that the log is the truth: `npm run db:verify -- <data-dir>` rebuilds every projection from the event
// log into a temporary file, compares each table with the live one, prints the differences and exits 1 on any.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../apps/hub/src/db/database.ts';
import { verifyLog } from '../apps/hub/src/db/log-rebuild.ts';

const SHOWN = 5;
const [dataDir, ...rest] = process.argv.slice(2);
if (dataDir === undefined || rest.length > 0 || dataDir === '--help') {
  console.error('usage: npm run db:verify -- <data-dir>');
  process.exit(2);
}
const liveFile = join(dataDir, 'giliran.sqlite');
if (!existsSync(liveFile)) {
  console.error(`no database at ${liveFile}`);
  process.exit(1);
}
const live = openDatabase(liveFile);
const { events, differences } = (() => {
  try {
    return verifyLog(live);
  } finally {
    live.close();
  }
})();
for (const d of differences) {
  console.log(
    `${d.table}: ${String(d.onlyLive.length)} rows only live, ${String(d.onlyRebuilt.length)} only rebuilt`,
  );
  for (const row of d.onlyLive.slice(0, SHOWN)) console.log(`  live    ${row}`);
  for (const row of d.onlyRebuilt.slice(0, SHOWN)) console.log(`  rebuilt ${row}`);
}
console.log(
  differences.length === 0
    ? `verified: every projection equals its rebuild from ${String(events)} events`
    : `MISMATCH in ${String(differences.length)} table(s)`,
);
process.exit(differences.length === 0 ? 0 : 1);
