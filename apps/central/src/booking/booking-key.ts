import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import type pg from 'pg';
import { BookingSigner } from './hub-booking.ts';

/**
 * Central's booking key: made by the first central process to start, kept in PostgreSQL so every process signs
 * with the same one. Its public half is given at enrolment (`bookingKey`) and at `GET /api/booking/key`; a hub puts
 * it in its site file's `central.bookingKey` and checks central's QR codes with no network.
 */
export async function centralBookingSigner(pool: pg.Pool): Promise<BookingSigner> {
  const candidate = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' });
  await pool.query(
    `INSERT INTO central_keys (name, private_pem) VALUES ('booking', $1) ON CONFLICT (name) DO NOTHING`,
    [candidate.toString()],
  );
  const { rows } = await pool.query<{ private_pem: string }>(
    `SELECT private_pem FROM central_keys WHERE name = 'booking'`,
  );
  const pem = rows[0]?.private_pem;
  if (!pem) throw new Error('central booking key missing');
  return new BookingSigner(createPrivateKey(pem));
}
