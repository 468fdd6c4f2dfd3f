// `CENTRAL_ADMIN_PIN=<pin> npm run central:admin -- <username> [full name]`: makes (or recovers) a regional admin.
// The PIN comes from the environment so that it stays out of the shell history and the process list.
import pg from 'pg';
import { upsertAccount } from './auth/central-accounts.ts';
import { migrate } from './db/migrate.ts';

const [username, ...name] = process.argv.slice(2);
const pin = process.env.CENTRAL_ADMIN_PIN;
const databaseUrl = process.env.DATABASE_URL;
if (!username || !pin || !databaseUrl) {
  console.error(
    'usage: DATABASE_URL=postgres://… CENTRAL_ADMIN_PIN=<4-12 digits> npm run central:admin -- <username> [name]',
  );
  process.exit(2);
}
const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
try {
  await migrate(pool);
  const result = await upsertAccount(pool, {
    username,
    name: name.join(' ') || username,
    role: 'regional_admin',
    pin,
  });
  console.log(`regional admin ${username.toLowerCase()} ${result}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await pool.end();
}
