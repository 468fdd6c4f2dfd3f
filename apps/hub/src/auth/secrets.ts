import { createHash, randomBytes, randomFillSync, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt is memory-hard: each guess at a stolen hash costs 64 MiB and, on a hall PC, about 0.15–0.3 s of one core
 * (README, "PINs"), so the million PINs of six digits take days of a core, not minutes. Higher (2^17) would cost a
 * signing-in officer a second and 128 MiB per sign-in in flight. Stored hashes name their own parameters: older
 * ones (2^14) still verify and are re-hashed at this cost on their next good sign-in.
 */
export const PIN_HASH_N = 65536;
export const PIN_HASH_R = 8;
export const PIN_HASH_P = 1;
const KEY_LENGTH = 32;
/** Room for scrypt's 128·N·r bytes at PIN_HASH_N plus its small overhead. */
const MAX_MEMORY = 160 * 1024 * 1024;

function derive(pin: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, KEY_LENGTH, { N: n, r, p, maxmem: MAX_MEMORY }, (err, key) => {
      if (err) reject(err);
      else resolve(key);
    });
  });
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, PIN_HASH_N, PIN_HASH_R, PIN_HASH_P);
  return `scrypt$${PIN_HASH_N}$${PIN_HASH_R}$${PIN_HASH_P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Whether a stored hash was made at a lower cost than today's: it is re-hashed at the next good sign-in. */
export function pinHashIsWeak(stored: string): boolean {
  const [, n, r, p] = stored.split('$');
  return Number(n) < PIN_HASH_N || Number(r) < PIN_HASH_R || Number(p) < PIN_HASH_P;
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(pin, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Device and session tokens are long random strings, so a fast hash is enough to keep them out of the database. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

const CODE_LENGTH = 10;
// Random bytes drawn 4 KiB at a time: one call into the CSPRNG per 409 tickets instead of one per ticket.
const codeBytes = Buffer.alloc(4096);
let codeOffset = codeBytes.length;

/** Public ticket code for the status page: 10 characters without look-alikes (0/O, 1/I). */
export function newTicketCode(): string {
  if (codeOffset + CODE_LENGTH > codeBytes.length) {
    randomFillSync(codeBytes);
    codeOffset = 0;
  }
  let code = '';
  // 32 letters divide 256 evenly, so every letter is equally likely.
  for (let i = 0; i < CODE_LENGTH; i++)
    code += CODE_ALPHABET[(codeBytes[codeOffset + i] ?? 0) % CODE_ALPHABET.length] ?? 'A';
  codeOffset += CODE_LENGTH;
  return code;
}
