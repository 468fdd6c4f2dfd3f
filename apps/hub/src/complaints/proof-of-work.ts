import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock.ts';

/**
 * A light proof of work for the public complaint form (hashcash): the hub hands out a signed challenge, the page
 * finds a nonce whose SHA-256 of `challenge:nonce` starts with `bits` zero bits, and the filing carries both. A
 * phone spends about a second while its owner reads the confirmation; a script pays the same for every filing,
 * on top of the per-device and per-address limits. Challenges are signed (no table of them), expire, and are
 * spent by one filing (a retry of that filing with the same Idempotency-Key is not a second one).
 */
export interface Challenge {
  readonly challenge: string;
  readonly bits: number;
  readonly expiresAt: string;
}

const TTL_MS = 10 * 60_000;

export function leadingZeroBits(hash: Uint8Array): number {
  let bits = 0;
  for (const byte of hash) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export function workHash(challenge: string, nonce: string): Buffer {
  return createHash('sha256').update(`${challenge}:${nonce}`).digest();
}

export class ProofOfWork {
  private readonly secret = randomBytes(32);
  /** Spent challenges until they expire, with the Idempotency-Key of the filing that spent them. */
  private readonly spent = new Map<string, { expires: number; key: string | undefined }>();

  constructor(
    readonly bits: number,
    private readonly clock: Clock,
  ) {}

  issue(): Challenge {
    const expires = this.clock.now() + TTL_MS;
    const body = `${expires}.${randomBytes(12).toString('base64url')}`;
    return {
      challenge: `${body}.${this.sign(body)}`,
      bits: this.bits,
      expiresAt: new Date(expires).toISOString(),
    };
  }

  /** What is wrong with the work sent, or null when it may file (and the challenge is now spent). */
  check(challenge: string | undefined, nonce: string | undefined, key: string | undefined): string | null {
    if (this.bits === 0) return null;
    if (!challenge || !nonce || nonce.length > 32)
      return 'send the proof of work (x-pow-challenge, x-pow-nonce)';
    const [expiresText, random, signature] = challenge.split('.');
    const body = `${expiresText ?? ''}.${random ?? ''}`;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'unknown challenge';
    const expires = Number(expiresText);
    const now = this.clock.now();
    if (!(expires > now)) return 'the challenge has expired: ask for a new one';
    const spent = this.spent.get(challenge);
    if (spent && (key === undefined || spent.key !== key)) return 'the challenge was already used';
    if (leadingZeroBits(workHash(challenge, nonce)) < this.bits) return 'the proof of work is not done';
    this.forgetExpired(now);
    this.spent.set(challenge, { expires, key });
    return null;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }

  private forgetExpired(now: number): void {
    for (const [challenge, { expires }] of this.spent) if (expires <= now) this.spent.delete(challenge);
  }
}
