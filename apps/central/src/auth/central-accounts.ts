import { CentralRole, Pin } from '@giliran/protocol';
import type pg from 'pg';
import { hashPin } from '../hub-shared.ts';

/**
 * Creates a regional account, or sets the PIN of an existing one (and ends its sessions): what
 * `npm run central:admin` does to make the first regional admin or to recover one.
 */
export async function upsertAccount(
  pool: pg.Pool,
  account: { username: string; name: string; role: CentralRole; pin: string },
): Promise<'created' | 'updated'> {
  const pin = Pin.parse(account.pin);
  const role = CentralRole.parse(account.role);
  const username = account.username.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(username)) throw new Error(`invalid username: ${account.username}`);
  const pinHash = await hashPin(pin);
  const { rows } = await pool.query<{ created: boolean }>(
    `INSERT INTO accounts (username, name, role, pin_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (username) DO UPDATE SET pin_hash = excluded.pin_hash, role = excluded.role, disabled_at = NULL
     RETURNING (xmax = 0) AS created`,
    [username, account.name, role, pinHash],
  );
  await pool.query('UPDATE sessions SET revoked_at = now() WHERE username = $1 AND revoked_at IS NULL', [
    username,
  ]);
  return rows[0]?.created ? 'created' : 'updated';
}
