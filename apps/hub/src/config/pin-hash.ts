import { z } from 'zod';

// Bounds on the scrypt parameters a site file may carry. A typo such as N=2^30 would make every sign-in allocate
// gigabytes (or fail), and N=2 would make the PIN free to a thief of the file: both are refused at start.
const MIN_LOG2_N = 10;
const MAX_LOG2_N = 20;
const MAX_R = 32;
const MAX_P = 16;
/** scrypt needs 128·N·r bytes; more than this per sign-in would starve the hub. */
const MAX_MEMORY_BYTES = 256 * 1024 * 1024;

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function wholeNumber(text: string | undefined): number {
  return text !== undefined && /^\d{1,10}$/.test(text) ? Number(text) : Number.NaN;
}

/** What is wrong with a `scrypt$N$r$p$salt$hash` string, or null when it is usable. */
export function pinHashProblem(stored: string): string | null {
  const [scheme, nText, rText, pText, salt, hash, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || rest.length > 0 || salt === undefined || hash === undefined) {
    return 'must be scrypt$N$r$p$salt$hash (make one with npm run hash-pin)';
  }
  const [n, r, p] = [wholeNumber(nText), wholeNumber(rText), wholeNumber(pText)];
  const log2 = Math.log2(n);
  if (!Number.isInteger(log2) || log2 < MIN_LOG2_N || log2 > MAX_LOG2_N) {
    return `scrypt N must be a power of two from 2^${MIN_LOG2_N} to 2^${MAX_LOG2_N}, not ${nText ?? ''}`;
  }
  if (!Number.isInteger(r) || r < 1 || r > MAX_R) return `scrypt r must be 1–${MAX_R}, not ${rText ?? ''}`;
  if (!Number.isInteger(p) || p < 1 || p > MAX_P) return `scrypt p must be 1–${MAX_P}, not ${pText ?? ''}`;
  if (128 * n * r > MAX_MEMORY_BYTES)
    return `scrypt N·r needs more than ${MAX_MEMORY_BYTES >> 20} MiB a sign-in`;
  if (!BASE64.test(salt) || Buffer.from(salt, 'base64').length < 16)
    return 'the salt must be 16 bytes or more';
  if (!BASE64.test(hash) || Buffer.from(hash, 'base64').length < 16)
    return 'the hash must be 16 bytes or more';
  return null;
}

export const PinHash = z.string().superRefine((stored, ctx) => {
  const problem = pinHashProblem(stored);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});
